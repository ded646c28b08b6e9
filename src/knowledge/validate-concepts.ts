import { z } from 'zod';
import { conceptFileSchema, conceptSchema, type Concept } from './schema.js';
import type { Problem } from './problems.js';
import type { PathSegment, YamlFile } from './yaml-file.js';
import { foldText } from './normalize.js';
import { dutchIssue } from './messages.js';

/** The names and references of an entry, taken even when other fields are wrong, so cross-checks still run. */
interface Located {
  readonly names: Pick<Concept, 'id' | 'term' | 'aliases' | 'questions' | 'related'>;
  readonly yaml: YamlFile;
  readonly index: number;
}

const crossCheckSchema = z.looseObject({
  id: z.string(),
  term: z.string().catch(''),
  aliases: z.array(z.unknown()).catch([]).transform((a) => a.filter((x): x is string => typeof x === 'string')),
  questions: z.array(z.unknown()).catch([]).transform((a) => a.filter((x): x is string => typeof x === 'string')),
  related: z.array(z.unknown()).catch([]).transform((a) => a.filter((x): x is string => typeof x === 'string')),
});

export interface ConceptValidation {
  readonly concepts: readonly Concept[];
  readonly problems: readonly Problem[];
  readonly warnings: readonly Problem[];
}

/** Validates every concept in every file and the references between them, reporting all problems in one pass. */
export function validateConcepts(files: readonly YamlFile[]): ConceptValidation {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const located: Located[] = [];
  const concepts: Concept[] = [];

  for (const yaml of files) {
    const shape = conceptFileSchema.safeParse(yaml.data);
    if (!shape.success) {
      problems.push(yaml.problemAt([], '', 'het bestand moet beginnen met "concepts:" met daaronder de lijst met begrippen'));
      continue;
    }
    shape.data.concepts.forEach((raw, index) => {
      const names = crossCheckSchema.safeParse(raw);
      if (names.success) located.push({ names: names.data, yaml, index });
      const parsed = conceptSchema.safeParse(raw, { error: dutchIssue });
      if (parsed.success) {
        // the sources are judged by the content rules (content-rules/sources-rule.ts), with the rest of the texts
        concepts.push(parsed.data);
        return;
      }
      const label = labelOf(raw, index);
      for (const issue of parsed.error.issues) problems.push(issueProblem(yaml, label, issue, ['concepts', index]));
    });
  }

  checkDuplicateIds(located, problems);
  checkOwned(located, NAMES, problems, warnings);
  checkOwned(located, QUESTIONS, problems, warnings);
  checkRelated(located, problems);
  return { concepts, problems, warnings };
}

function labelOf(raw: unknown, index: number): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['id'] : undefined;
  return typeof id === 'string' && id.trim() ? id : `concepts[${index}]`;
}

/** `sociale-basis.sources[0].url` */
export function fieldOf(label: string, path: readonly PathSegment[]): string {
  return label + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
}

/**
 * A schema issue as a problem. `at` is where the validated value sits in the file (a concept in its file's
 * list; a dialogue is the whole file); `label` names it in the field. The message is Dutch already
 * (dutchIssue); an unknown field points at the field itself, not at the entry.
 */
export function issueProblem(yaml: YamlFile, label: string, issue: z.core.$ZodIssue, at: readonly PathSegment[] = []): Problem {
  const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
  const where = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0] ?? ''] : path;
  return yaml.problemAt([...at, ...where], fieldOf(label, where), issue.message);
}

function checkDuplicateIds(located: readonly Located[], problems: Problem[]): void {
  const first = new Map<string, Located>();
  for (const l of located) {
    const prior = first.get(l.names.id);
    if (!prior) {
      first.set(l.names.id, l);
      continue;
    }
    const at = prior.yaml.problemAt(['concepts', prior.index, 'id'], '', '');
    problems.push(l.yaml.problemAt(['concepts', l.index, 'id'], `${l.names.id}.id`, `de id "${l.names.id}" wordt al gebruikt in ${at.file}:${at.line}`));
  }
}

/** Texts of a concept that may belong to that concept only: its names, its example questions. */
interface OwnedTexts {
  readonly of: (concept: Located['names']) => Array<{ text: string; path: PathSegment[] }>;
  readonly takenMessage: (text: string, other: { id: string; text: string }) => string;
}

/** A term or alias may name one concept only, or a lookup could not tell them apart. */
const NAMES: OwnedTexts = {
  of: (c) => [{ text: c.term, path: ['term'] }, ...c.aliases.map((text, i) => ({ text, path: ['aliases', i] as PathSegment[] }))],
  takenMessage: (text, other) => `"${text}" is ook een naam van begrip "${other.id}" ("${other.text}"); een naam mag bij maar één begrip horen`,
};

/** The same example question under two concepts points the lookup both ways. */
const QUESTIONS: OwnedTexts = {
  of: (c) => c.questions.map((text, i) => ({ text, path: ['questions', i] as PathSegment[] })),
  takenMessage: (text, other) => `"${text}" staat ook als voorbeeldvraag bij begrip "${other.id}"; een vraag mag bij maar één begrip horen`,
};

function checkOwned(located: readonly Located[], { of, takenMessage }: OwnedTexts, problems: Problem[], warnings: Problem[]): void {
  const owner = new Map<string, { id: string; text: string }>();
  for (const { names: concept, yaml, index } of located) {
    const own = new Set<string>();
    for (const { text, path } of of(concept)) {
      const key = foldText(text);
      const field = fieldOf(concept.id, path);
      if (!key) {
        // a blank text is already reported by the schema check
        if (text.trim()) problems.push(yaml.problemAt(['concepts', index, ...path], field, `"${text}" bevat geen letters of cijfers`));
        continue;
      }
      if (own.has(key)) {
        warnings.push(yaml.problemAt(['concepts', index, ...path], field, `"${text}" staat twee keer bij dit begrip`));
        continue;
      }
      own.add(key);
      const other = owner.get(key);
      if (other && other.id !== concept.id) problems.push(yaml.problemAt(['concepts', index, ...path], field, takenMessage(text, other)));
      else owner.set(key, { id: concept.id, text });
    }
  }
}

function checkRelated(located: readonly Located[], problems: Problem[]): void {
  const ids = new Set(located.map((l) => l.names.id));
  for (const { names: concept, yaml, index } of located) {
    concept.related.forEach((rel, i) => {
      const field = fieldOf(concept.id, ['related', i]);
      if (rel === concept.id) problems.push(yaml.problemAt(['concepts', index, 'related', i], field, 'een begrip kan niet naar zichzelf verwijzen; haal deze id weg uit "related"'));
      else if (!ids.has(rel)) problems.push(yaml.problemAt(['concepts', index, 'related', i], field, `er is geen begrip met id "${rel}"`));
    });
  }
}
