import { z } from 'zod';
import type { Problem } from './problems.js';
import type { YamlFile } from './yaml-file.js';
import { issueProblem } from './validate-concepts.js';
import { dutchIssue } from './messages.js';

/**
 * `knowledge/abbreviations.yaml`: abbreviations and what they stand for, for the rule that an answer spells
 * out an abbreviation at its first use. Optional; when it is there, it is validated and versioned with the
 * rest of the knowledge, so a mistake in it is reported like one in a concept file.
 */
export const ABBREVIATIONS_FILE = 'abbreviations.yaml';

export const abbreviationSchema = z.strictObject({
  abbr: z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}.&'-]*$/u, { message: 'de afkorting moet één woord zonder spaties zijn, zoals "VNG"' }),
  full: z.string().refine((s) => /\p{L}/u.test(s), { message: 'de volledige vorm is leeg' }),
});

const fileSchema = z.strictObject({ abbreviations: z.array(z.unknown()) });

export type Abbreviation = z.infer<typeof abbreviationSchema>;

export interface AbbreviationValidation {
  readonly abbreviations: readonly Abbreviation[];
  readonly problems: readonly Problem[];
}

/** Validates the abbreviations file (none, or one whose YAML parsed): its shape, every entry, no abbreviation twice. */
export function validateAbbreviations(files: readonly YamlFile[]): AbbreviationValidation {
  const abbreviations: Abbreviation[] = [];
  const problems: Problem[] = [];
  for (const yaml of files) {
    const shape = fileSchema.safeParse(yaml.data);
    if (!shape.success) {
      problems.push(yaml.problemAt([], '', 'het bestand moet beginnen met "abbreviations:" met daaronder de lijst met afkortingen'));
      continue;
    }
    const lineOf = new Map<string, number>();
    shape.data.abbreviations.forEach((raw, index) => {
      const parsed = abbreviationSchema.safeParse(raw, { error: dutchIssue });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push(issueProblem(yaml, labelOf(raw, index), issue, ['abbreviations', index]));
        return;
      }
      const { abbr } = parsed.data;
      const at = ['abbreviations', index, 'abbr'];
      const prior = lineOf.get(abbr);
      if (prior !== undefined) {
        problems.push(yaml.problemAt(at, `${abbr}.abbr`, `de afkorting "${abbr}" staat al op regel ${prior}; laat er één staan`));
        return;
      }
      lineOf.set(abbr, yaml.problemAt(at, '', '').line);
      abbreviations.push(parsed.data);
    });
  }
  return { abbreviations, problems };
}

function labelOf(raw: unknown, index: number): string {
  const abbr = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['abbr'] : undefined;
  return typeof abbr === 'string' && abbr.trim() ? abbr : `abbreviations[${index}]`;
}
