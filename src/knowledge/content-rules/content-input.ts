import type { Concept } from '../schema.js';
import type { Dialogue } from '../dialogue-schema.js';
import type { YamlFile } from '../yaml-file.js';
import { locateText, type LocatedText } from './located-text.js';
import type { ReadabilityTally } from './readability.js';

/** A valid concept with where it sits in its file, and its answer (short answer, then explanation) in located sentences. */
export interface ConceptAnswer {
  readonly concept: Concept;
  readonly yaml: YamlFile;
  /** Its position in the file's `concepts` list. */
  readonly index: number;
  readonly short: LocatedText;
  readonly explanation: LocatedText;
}

/** A valid dialogue with its file. */
export interface DialogueEntry {
  readonly dialogue: Dialogue;
  readonly yaml: YamlFile;
}

/**
 * The concepts that passed validation, found back in their files (a concept's id is unique once valid; with
 * a duplicate id, the first entry counts). Their texts are measured into the tallies on the way.
 */
export function conceptAnswers(
  files: readonly YamlFile[],
  concepts: readonly Concept[],
  tallies: { readonly short: ReadabilityTally; readonly explanation: ReadabilityTally },
): ConceptAnswer[] {
  const byId = new Map(concepts.map((c) => [c.id, c]));
  const answers: ConceptAnswer[] = [];
  for (const yaml of files) {
    entriesOf(yaml.data, 'concepts').forEach((raw, index) => {
      const concept = byId.get(idOf(raw) ?? '');
      if (!concept) return;
      byId.delete(concept.id);
      const at = (field: 'short' | 'explanation') =>
        locateText(yaml, ['concepts', index, field], `${concept.id}.${field}`, concept[field], tallies[field].add(concept[field]));
      answers.push({ concept, yaml, index, short: at('short'), explanation: at('explanation') });
    });
  }
  return answers;
}

/** The dialogues that passed validation, each with its file (one dialogue per file; ids are unique once valid). */
export function dialogueEntries(files: readonly YamlFile[], dialogues: readonly Dialogue[]): DialogueEntry[] {
  const byId = new Map(dialogues.map((d) => [d.id, d]));
  return files.flatMap((yaml) => {
    const dialogue = byId.get(idOf(yaml.data) ?? '');
    return dialogue ? [{ dialogue, yaml }] : [];
  });
}

function entriesOf(data: unknown, key: string): unknown[] {
  const list = isRecord(data) ? data[key] : undefined;
  return Array.isArray(list) ? list : [];
}

function idOf(raw: unknown): string | undefined {
  const id = isRecord(raw) ? raw['id'] : undefined;
  return typeof id === 'string' ? id : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
