import { z } from 'zod';
import { conceptIdSchema, ID_MESSAGE } from './schema.js';

/**
 * The YAML format of dialogue files (`knowledge/dialogues/*.yaml`, one dialogue per file). Documented for
 * editors in `knowledge/README.md`; keep the two in step.
 */

/** The reserved step id that ends a dialogue and shows the summary. */
export const END = 'einde';

/** Messages are Dutch (see schema.ts); type errors and missing fields are worded by `dutchIssue`. */
const text = (what: string, max: number) =>
  z
    .string()
    .refine((s) => s.trim().length > 0, { message: `${what} is leeg` })
    .refine((s) => s.length <= max, { error: (issue) => `${what} is te lang: maximaal ${max} tekens (nu ${String(issue.input).length})` });

const idSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: ID_MESSAGE });

/** A condition on an earlier answer. */
export const conditionSchema = z.strictObject({
  step: idSchema,
  /** choice: the answer is one of these; multi: at least one of these was chosen. */
  in: z.array(idSchema).min(1).optional(),
  /** scale: the score is at least / at most this. */
  min: z.number().int().min(1).max(5).optional(),
  max: z.number().int().min(1).max(5).optional(),
  /** false: the step was skipped or never reached. */
  answered: z.boolean().optional(),
});

const branchSchema = z.strictObject({
  when: z.array(conditionSchema).min(1, { message: '"when" heeft minstens één voorwaarde nodig' }),
  next: idSchema,
});

const choiceSchema = z.strictObject({
  id: idSchema,
  label: text('het label', 75),
  /** Only for choice steps: where this answer leads (overrides the step's next). */
  next: idSchema.optional(),
  /** Only for multi steps: this answer cannot be combined with others ("Nergens over", "Weet ik niet"). */
  exclusive: z.boolean().default(false),
});

const common = {
  id: idSchema,
  /** A short name for the summary and the tally ("Rol", "Aanleiding"). */
  title: text('de titel', 60),
  /** Where to go after this step; defaults to the next step in the list, and the last step ends. */
  next: idSchema.optional(),
  /** Conditions on earlier answers, checked in order before `next`. */
  branches: z.array(branchSchema).default([]),
  /** Concepts to offer as "lees meer". */
  concepts: z.array(conceptIdSchema).default([]),
  /** false: no "sla over" button. */
  skippable: z.boolean().default(true),
};

export const stepSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...common, kind: z.literal('choice'), prompt: text('de vraag', 1000), choices: z.array(choiceSchema).min(2, { message: 'een choice-stap heeft minstens twee keuzes nodig' }).max(10) }),
  z.strictObject({ ...common, kind: z.literal('multi'), prompt: text('de vraag', 1000), choices: z.array(choiceSchema).min(2, { message: 'een multi-stap heeft minstens twee keuzes nodig' }).max(20) }),
  z.strictObject({ ...common, kind: z.literal('text'), prompt: text('de vraag', 1000), maxLength: z.number().int().min(1).max(2000) }),
  z.strictObject({
    ...common,
    kind: z.literal('scale'),
    prompt: text('de vraag', 1000),
    /** Words for the ends of the scale, e.g. nauwelijks / sterk. */
    low: text('het woord bij de laagste score', 30).default('1'),
    high: text('het woord bij de hoogste score', 30).default('5'),
  }),
  z.strictObject({ ...common, kind: z.literal('info'), text: text('de tekst', 2000) }),
]);

/**
 * Conclusions computed from the answers at the end of a dialogue: the bot's own suggestions, shown under a heading
 * that says so. `lowest` and `count` speak only when at least `minAnswered` of their steps have a score (default:
 * all of them), so a half-finished scan draws no conclusion it cannot back.
 */
const minAnswered = z.number().int().min(1).optional();
/** Said when too few steps have a score; without it the conclusion stays silent. */
const tooFew = text('de tekst bij "tooFew"', 1000).optional();

export const conclusionSchema = z.discriminatedUnion('kind', [
  /** Shown when every `when` condition holds and none of the `unless` conditions does. */
  z.strictObject({
    kind: z.literal('rule'),
    when: z.array(conditionSchema).min(1),
    unless: z.array(conditionSchema).default([]),
    text: text('de tekst', 1000),
  }),
  /**
   * The lowest-scoring of these scale steps: `{title}` and `{score}` are filled in. `text` when one step scores
   * lowest, `tied` when several share the lowest score, `allHigh` when even the lowest score is `highFrom` or more.
   */
  z.strictObject({
    kind: z.literal('lowest'),
    steps: z.array(idSchema).min(2),
    minAnswered,
    text: text('de tekst', 1000),
    tied: text('de tekst bij "tied"', 1000).optional(),
    highFrom: z.number().int().min(1).max(5).optional(),
    allHigh: text('de tekst bij "allHigh"', 1000).optional(),
    tooFew,
  }),
  /**
   * Counts scale answers at or below `atMost`: `text` when there are at least `atLeast`, else `otherwise`.
   * `{title}` in `text` is filled in with the steps that were counted.
   */
  z.strictObject({
    kind: z.literal('count'),
    steps: z.array(idSchema).min(1),
    minAnswered,
    atMost: z.number().int().min(1).max(5),
    atLeast: z.number().int().min(1),
    text: text('de tekst', 1000),
    otherwise: text('de tekst bij "otherwise"', 1000),
    tooFew,
  }),
]);

export const dialogueSchema = z.strictObject({
  id: idSchema,
  title: text('de titel', 80),
  /** Other names for `start <dialoog>`. */
  aliases: z.array(text('een alias', 80)).default([]),
  /**
   * Who the questions address: `team` dialogues speak to a group ("jullie") throughout, also when one person
   * answers; `person` dialogues speak to one person ("je").
   */
  audience: z.enum(['team', 'person']).default('person'),
  /** One or two sentences for the menu. */
  description: text('de beschrijving', 300),
  /** Shown when the dialogue starts (e.g. what it is based on, what is our own design). */
  intro: text('de inleiding', 1500),
  steps: z.array(stepSchema).min(1),
  conclusions: z.array(conclusionSchema).default([]),
  /** Concepts offered with the summary. */
  concepts: z.array(conceptIdSchema).default([]),
});

export type Condition = z.infer<typeof conditionSchema>;
export type Step = z.infer<typeof stepSchema>;
export type StepKind = Step['kind'];
export type Conclusion = z.infer<typeof conclusionSchema>;
export type Dialogue = z.infer<typeof dialogueSchema>;
export type ChoiceStep = Extract<Step, { kind: 'choice' | 'multi' }>;
