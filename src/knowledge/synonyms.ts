import { z } from 'zod';
import { conceptNames } from './concept-names.js';
import { dutchIssue } from './messages.js';
import { nameTokens, queryTokens } from './normalize.js';
import type { Problem } from './problems.js';
import type { Concept } from './schema.js';
import { issueProblem } from './validate-concepts.js';
import type { YamlFile } from './yaml-file.js';

/**
 * `knowledge/synonyms.yaml`: everyday words and phrases people type, and the word the knowledge uses for them
 * ("overheveling" means "decentralisatie", "buurt" means "wijk"). The lookup reads such a phrase as if the
 * word it means had been typed, a little less sure. Editors extend the list; a word that means something the
 * knowledge never names is reported, because the lookup could do nothing with it.
 */

export const SYNONYMS_FILE = 'synonyms.yaml';

const nonBlank = (what: string) => z.string().refine((s) => s.trim().length > 0, { message: `${what} is leeg` });

const synonymSchema = z.strictObject({
  means: nonBlank('het woord uit de kennis ("means")'),
  say: z.array(nonBlank('een woord of zinsdeel')).min(1),
});

const synonymFileSchema = z.strictObject({
  synonyms: z.array(z.unknown()),
});

export type Synonym = z.infer<typeof synonymSchema>;

export interface SynonymValidation {
  readonly synonyms: readonly Synonym[];
  readonly problems: readonly Problem[];
}

/** Validates the synonyms file (optional: no file, no synonyms) against the names of the concepts. */
export function validateSynonyms(yaml: YamlFile | undefined, concepts: readonly Concept[]): SynonymValidation {
  if (!yaml) return { synonyms: [], problems: [] };
  const shape = synonymFileSchema.safeParse(yaml.data);
  if (!shape.success) return { synonyms: [], problems: [yaml.problemAt([], '', 'het bestand moet beginnen met "synonyms:" met daaronder de lijst')] };
  const known = new Set(concepts.flatMap((c) => conceptNames(c).flatMap((n) => nameTokens(n).map((t) => t.stem))));
  const synonyms: Synonym[] = [];
  const problems: Problem[] = [];
  shape.data.synonyms.forEach((raw, index) => {
    const label = `synonyms[${index}]`;
    const parsed = synonymSchema.safeParse(raw, { error: dutchIssue });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(issueProblem(yaml, label, issue, ['synonyms', index]));
      return;
    }
    const { means, say } = parsed.data;
    const unknown = nameTokens(means).filter((t) => !known.has(t.stem));
    if (unknown.length > 0) {
      problems.push(yaml.problemAt(['synonyms', index, 'means'], `${label}.means`, `"${unknown.map((t) => t.word).join(' ')}" staat in geen enkele term of alias; de zoekfunctie kan er dan niets mee`));
      return;
    }
    say.forEach((phrase, i) => {
      if (queryTokens(phrase).length === 0) problems.push(yaml.problemAt(['synonyms', index, 'say', i], `${label}.say[${i}]`, `"${phrase}" bestaat alleen uit vulwoorden (zoals "de", "wat", "van"); die slaat de zoekfunctie over`));
    });
    synonyms.push(parsed.data);
  });
  return { synonyms, problems };
}
