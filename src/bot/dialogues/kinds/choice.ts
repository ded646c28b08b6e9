import type { Step } from '../../../knowledge/dialogue-schema.js';
import { foldText } from '../../../knowledge/normalize.js';
import { texts } from '../../texts.js';
import { labelOf, notAnOption, pickChoice, typedNumbers, typedParts } from './options.js';
import { answer, NOT_AN_ANSWER, parsed, refused, wrong, type StepKind } from './step-kind.js';

type ChoiceStep = Extract<Step, { kind: 'choice' }>;
type ChoiceValue = { readonly kind: 'choice'; readonly id: string };

/** One answer out of a list: typed as its number or label. The group's answer is the most chosen one. */
export const choice: StepKind<ChoiceStep, ChoiceValue> = {
  answered: true,
  read(step, text) {
    const numbers = typedNumbers(text);
    if (numbers) {
      const id = numbers.length === 1 ? pickChoice(step, String(numbers[0])) : undefined;
      return id ? answer({ kind: 'choice', id }) : wrong(notAnOption(step, numbers.length > 1));
    }
    const whole = pickChoice(step, foldText(text));
    if (whole) return answer({ kind: 'choice', id: whole });
    const ids = typedParts(text).map((p) => pickChoice(step, p));
    // "beleid en uitvoering": every part is an option, but only one may be chosen
    if (ids.length > 1 && ids.every(Boolean)) return wrong(notAnOption(step, true));
    return NOT_AN_ANSWER;
  },
  clicked(step, input) {
    const id = step.choices.find((c) => c.id === input.value)?.id;
    return id ? parsed({ kind: 'choice', id }) : refused(texts.dialogue.invalidChoice);
  },
  fits: (step, value) => step.choices.some((c) => c.id === value.id),
  display: (step, value) => labelOf(step, value.id),
  counted: (step, value, display) => [[`c:${value.id}`, step ? labelOf(step, value.id) : display]],
  tallyKeys: (step) => step.choices.map((c) => [`c:${c.id}`, c.label] as const),
  groupAnswer(step, answers) {
    // a tie goes to the first choice
    const best = step.choices.reduce((a, b) => (answers.count(`c:${b.id}`) > answers.count(`c:${a.id}`) ? b : a));
    return { kind: 'choice', id: best.id };
  },
  input: (step, payload) => ({ kind: 'choice', options: step.choices.map((c) => ({ label: c.label, payload: payload(c.id) })) }),
};

