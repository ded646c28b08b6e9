import type { Step } from '../../../knowledge/dialogue-schema.js';
import { NOT_AN_ANSWER, refused, type StepKind } from './step-kind.js';

type InfoStep = Extract<Step, { kind: 'info' }>;

/** A step that only tells something: no answer; the person (or the lead) goes on when it has been read. */
export const info: StepKind<InfoStep, never> = {
  answered: false,
  read: () => NOT_AN_ANSWER,
  clicked: () => refused(''),
  fits: () => false,
  display: () => '',
  counted: () => [],
  tallyKeys: () => [],
  groupAnswer: () => undefined,
  input: (step) => ({ kind: 'info', text: step.text }),
};
