import type { Step } from '../../../knowledge/dialogue-schema.js';
import { texts } from '../../texts.js';
import { parsed, refused, wrong, type Parsed, type StepKind } from './step-kind.js';

type TextStep = Extract<Step, { kind: 'text' }>;
type TextValue = { readonly kind: 'text'; readonly text: string };

/**
 * A free-text answer, typed as a message or in the answer field. A typed message that reads like a question
 * is not taken as the answer without asking. A group's answers are listed, not counted.
 */
export const text: StepKind<TextStep, TextValue> = {
  answered: true,
  read(step, typed, context) {
    if (context.looksLikeQuestion(typed)) return { kind: 'unsure', value: { kind: 'text', text: typed.trim() } };
    const result = ofText(step, typed);
    return result.ok ? { kind: 'answer', value: result.value } : wrong(result.problem);
  },
  // a click that sends this step's answer comes from the form with the answer box (or carries text the person
  // confirmed), so empty means the box was left empty: say to type in it, not to type a message
  clicked: (step, input) => (input.text?.trim() ? ofText(step, input.text) : refused(texts.dialogue.emptyInBox)),
  fits: (step, value) => value.text.length <= step.maxLength,
  display: (_step, value) => value.text,
  counted: () => [],
  tallyKeys: () => [],
  groupAnswer: (_step, answers) => (answers.texts[0] !== undefined ? { kind: 'text', text: answers.texts[0] } : undefined),
  input: (step, payload) => ({ kind: 'text', maxLength: step.maxLength, submit: { label: texts.dialogue.sendLabel, payload: payload(), style: 'primary' } }),
};

function ofText(step: TextStep, raw: string): Parsed<TextValue> {
  const trimmed = raw.trim();
  if (!trimmed) return refused(texts.dialogue.emptyText);
  if (trimmed.length > step.maxLength) return refused(texts.dialogue.textTooLong(trimmed.length, step.maxLength));
  return parsed({ kind: 'text', text: trimmed });
}
