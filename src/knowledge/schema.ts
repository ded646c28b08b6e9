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

/**
 * Messages are Dutch: admins read them in the reload report and `routeplanner validate`. Type errors,
 * unknown values and missing fields get their wording from `dutchIssue` (./messages.ts), passed per parse.
 */
const nonBlank = (what: string) => z.string().refine((s) => s.trim().length > 0, { message: `${what} is leeg` });

/** The kebab-case rule for every id: concepts, dialogues, steps and choices. */
export const ID_MESSAGE = 'de id mag alleen kleine letters, cijfers en losse streepjes bevatten, zoals "sociale-basis"';

/**
 * A source without `url` cites a publication that is not (or no longer) online: its title then names the
 * publisher, the title and the date, and every renderer shows it as plain text without a link.
 */
export const sourceSchema = z.strictObject({
  title: nonBlank('de titel van de bron'),
  url: z
    .string()
    .refine((u) => /^https:\/\/[^\s/]+\.[^\s/]+(\/\S*)?$/.test(u), {
      message: 'de url van de bron moet een openbaar webadres zijn dat begint met https://',
    })
    .optional(),
});

export const conceptIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: ID_MESSAGE });

const SHORT_MAX = 400;
export const QUESTION_MAX = 200;

export const conceptSchema = z.strictObject({
  id: conceptIdSchema,
  term: nonBlank('de term'),
  aliases: z.array(nonBlank('een alias')).default([]),
  /**
   * How people ask for the concept in their own words, without its name ("mensen die voor hun zieke moeder
   * zorgen"): the lookup matches a question that describes a concept against these (question-index.ts).
   */
  questions: z
    .array(
      nonBlank('een voorbeeldvraag').refine((s) => s.length <= QUESTION_MAX, {
        error: (issue) => `een voorbeeldvraag is te lang: maximaal ${QUESTION_MAX} tekens (nu ${String(issue.input).length})`,
      }),
    )
    .default([]),
  category: z.enum(CATEGORY_IDS),
  short: nonBlank('het korte antwoord').refine((s) => s.length <= SHORT_MAX, {
    error: (issue) =>
      `het korte antwoord is te lang: maximaal ${SHORT_MAX} tekens (nu ${String(issue.input).length}); zet de details in de uitleg ("explanation")`,
  }),
  explanation: nonBlank('de uitleg'),
  related: z.array(conceptIdSchema).default([]),
  sources: z.array(sourceSchema).default([]),
  /** false for general domain knowledge not confirmed by a listed source: the bot words it with care. */
  verified: z.boolean().default(true),
});

export const conceptFileSchema = z.strictObject({
  // the message is never shown: a file without this list gets one fixed problem (validate-concepts.ts)
  concepts: z.array(z.unknown()),
});

export type Source = z.infer<typeof sourceSchema>;
export type Concept = z.infer<typeof conceptSchema>;
