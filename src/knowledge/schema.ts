import { z } from 'zod';

/**
 * The YAML format of concept files (`knowledge/concepts/*.yaml`). Documented for editors in
 * `knowledge/README.md`; keep the two in step.
 */

export const CATEGORY_IDS = [
  'routeplanner',
  'sociale-kwaliteit',
  'wat-werkt',
  'sociale-basis',
  'sturen-leren',
  'financiering',
  'vijf-knoppen',
  'stelsel',
  'praktijk',
  'organisaties',
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];

const nonBlank = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .refine((s) => s.trim().length > 0, { message: `${what} is empty` });

export const sourceSchema = z.strictObject({
  title: nonBlank('the source title'),
  url: z
    .string({ error: 'the source url must be text' })
    .refine((u) => /^https:\/\/[^\s/]+\.[^\s/]+(\/\S*)?$/.test(u), {
      message: 'the source url must be a public https:// address',
    }),
});

export const conceptIdSchema = z
  .string({ error: 'the id must be text' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'the id must be kebab-case: lowercase letters, digits and single dashes' });

export const conceptSchema = z.strictObject({
  id: conceptIdSchema,
  term: nonBlank('the term'),
  aliases: z.array(nonBlank('an alias'), { error: 'aliases must be a list' }).default([]),
  category: z.enum(CATEGORY_IDS, { error: `the category must be one of: ${CATEGORY_IDS.join(', ')}` }),
  short: nonBlank('the short answer').refine((s) => s.length <= 400, {
    message: 'the short answer is longer than 400 characters; move detail to the explanation',
  }),
  explanation: nonBlank('the explanation'),
  related: z.array(conceptIdSchema, { error: 'related must be a list of concept ids' }).default([]),
  sources: z.array(sourceSchema, { error: 'sources must be a list' }).default([]),
  /** false for general domain knowledge not confirmed by a listed source: the bot words it with care. */
  verified: z.boolean({ error: 'verified must be true or false' }).default(true),
});

export const conceptFileSchema = z.strictObject({
  concepts: z.array(z.unknown(), { error: 'the file must have a list named concepts' }),
});

export type Source = z.infer<typeof sourceSchema>;
export type Concept = z.infer<typeof conceptSchema>;
