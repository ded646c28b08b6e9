import type { Step, StepKind as KindName } from '../../../knowledge/dialogue-schema.js';
import type { AnswerValue } from '../answers.js';
import { choice } from './choice.js';
import { info } from './info.js';
import { multi } from './multi.js';
import { scale } from './scale.js';
import type { StepKind } from './step-kind.js';
import { text } from './text.js';

type KindModules = { readonly [K in KindName]: StepKind<Extract<Step, { kind: K }>, Extract<AnswerValue, { kind: K }>> };

/** Every step kind; the type makes sure each kind of the schema has its module. */
const KINDS: KindModules = { choice, multi, text, scale, info };

/** The module of a step's kind. Each module only ever sees steps and answers of its own kind. */
export function kindOf(step: Step): StepKind<Step, AnswerValue> {
  return KINDS[step.kind] as unknown as StepKind<Step, AnswerValue>;
}

/** The module of an answer's kind (an answer's kind is the kind of the step it was given to). */
export function kindOfAnswer(value: Exclude<AnswerValue, { kind: 'skipped' }>): StepKind<Step, AnswerValue> {
  return KINDS[value.kind] as unknown as StepKind<Step, AnswerValue>;
}
