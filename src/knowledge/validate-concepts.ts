import { z } from 'zod';
import { conceptFileSchema, conceptSchema, type Concept } from './schema.js';
import type { Problem } from './problems.js';
import type { PathSegment, YamlFile } from './yaml-file.js';
import { foldText } from './normalize.js';
import { dutchIssue } from './messages.js';

/** The names and references of an entry, taken even when other fields are wrong, so cross-checks still run. */
interface Located {
  readonly names: Pick<Concept, 'id' | 'term' | 'aliases' | 'related'>;
  readonly yaml: YamlFile;
  readonly index: number;
}

const crossCheckSchema = z.looseObject({
  id: z.string(),
  term: z.string().catch(''),
  aliases: z.array(z.unknown()).catch([]).transform((a) => a.filter((x): x is string => typeof x === 'string')),
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
  checkNames(located, problems, warnings);
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

/** A term or alias may name one concept only, or a lookup could not tell them apart. */
function checkNames(located: readonly Located[], problems: Problem[], warnings: Problem[]): void {
  const owner = new Map<string, { id: string; name: string }>();
  for (const { names: concept, yaml, index } of located) {
    const names: Array<{ name: string; path: PathSegment[] }> = [
      { name: concept.term, path: ['term'] },
      ...concept.aliases.map((name, i) => ({ name, path: ['aliases', i] as PathSegment[] })),
    ];
    const own = new Set<string>();
    for (const { name, path } of names) {
      const key = foldText(name);
      const field = fieldOf(concept.id, path);
      if (!key) {
        // a blank name is already reported by the schema check
        if (name.trim()) problems.push(yaml.problemAt(['concepts', index, ...path], field, `"${name}" bevat geen letters of cijfers`));
        continue;
      }
      if (own.has(key)) {
        warnings.push(yaml.problemAt(['concepts', index, ...path], field, `"${name}" staat twee keer bij dit begrip`));
        continue;
      }
      own.add(key);
      const other = owner.get(key);
      if (other && other.id !== concept.id) {
        problems.push(yaml.problemAt(['concepts', index, ...path], field, `"${name}" is ook een naam van begrip "${other.id}" ("${other.name}"); een naam mag bij maar één begrip horen`));
      } else {
        owner.set(key, { id: concept.id, name });
      }
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
