import { z } from 'zod';
import { conceptIdSchema } from './schema.js';

/**
 * The YAML format of dialogue files (`knowledge/dialogues/*.yaml`, one dialogue per file). Documented for
 * editors in `knowledge/README.md`; keep the two in step.
 */

/** The reserved step id that ends a dialogue and shows the summary. */
export const END = 'einde';

const text = (what: string, max?: number) =>
  z
    .string({ error: `${what} must be text` })
    .refine((s) => s.trim().length > 0, { message: `${what} is empty` })
    .refine((s) => max === undefined || s.length <= max, { message: `${what} is longer than ${max} characters` });

const idSchema = z
  .string({ error: 'an id must be text' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'an id must be kebab-case: lowercase letters, digits and single dashes' });

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
  when: z.array(conditionSchema).min(1, { message: 'when needs at least one condition' }),
  next: idSchema,
});

const choiceSchema = z.strictObject({
  id: idSchema,
  label: text('the label', 75),
  /** Only for choice steps: where this answer leads (overrides the step's next). */
  next: idSchema.optional(),
});

const common = {
  id: idSchema,
  /** A short name for the summary and the tally ("Rol", "Aanleiding"). */
  title: text('the title', 60),
  /** Where to go after this step; defaults to the next step in the list, and the last step ends. */
  next: idSchema.optional(),
  /** Conditions on earlier answers, checked in order before `next`. */
  branches: z.array(branchSchema).default([]),
  /** Concepts to offer as "lees meer". */
  concepts: z.array(conceptIdSchema).default([]),
  /** false: no "sla over" button. */
  skippable: z.boolean().default(true),
};

export const stepSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ ...common, kind: z.literal('choice'), prompt: text('the prompt', 1000), choices: z.array(choiceSchema).min(2, { message: 'a choice step needs at least two choices' }).max(10) }),
    z.strictObject({ ...common, kind: z.literal('multi'), prompt: text('the prompt', 1000), choices: z.array(choiceSchema).min(2, { message: 'a multi step needs at least two choices' }).max(20) }),
    z.strictObject({ ...common, kind: z.literal('text'), prompt: text('the prompt', 1000), maxLength: z.number().int().min(1).max(2000) }),
    z.strictObject({
      ...common,
      kind: z.literal('scale'),
      prompt: text('the prompt', 1000),
      /** Words for the ends of the scale, e.g. nauwelijks / sterk. */
      low: text('low', 30).default('1'),
      high: text('high', 30).default('5'),
    }),
    z.strictObject({ ...common, kind: z.literal('info'), text: text('the text', 2000) }),
  ],
  { error: 'kind must be one of: choice, multi, text, scale, info' },
);

/** Conclusions computed from the answers at the end of a dialogue. */
export const conclusionSchema = z.discriminatedUnion(
  'kind',
  [
    /** Shown when every condition holds. */
    z.strictObject({ kind: z.literal('rule'), when: z.array(conditionSchema).min(1), text: text('the text', 1000) }),
    /** The lowest-scoring of these scale steps: `{title}` and `{score}` are filled in. */
    z.strictObject({ kind: z.literal('lowest'), steps: z.array(idSchema).min(2), text: text('the text', 1000) }),
    /** Counts scale answers at or below `atMost`: `text` when there are at least `atLeast`, else `otherwise`. */
    z.strictObject({
      kind: z.literal('count'),
      steps: z.array(idSchema).min(1),
      atMost: z.number().int().min(1).max(5),
      atLeast: z.number().int().min(1),
      text: text('the text', 1000),
      otherwise: text('otherwise', 1000),
    }),
  ],
  { error: 'kind must be one of: rule, lowest, count' },
);

export const dialogueSchema = z.strictObject({
  id: idSchema,
  title: text('the title', 80),
  /** Other names for `start <dialoog>`. */
  aliases: z.array(text('an alias', 80)).default([]),
  /** One or two sentences for the menu. */
  description: text('the description', 300),
  /** Shown when the dialogue starts (e.g. what it is based on, what is our own design). */
  intro: text('the intro', 1500),
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
