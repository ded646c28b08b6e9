import type { Step } from '../../../knowledge/dialogue-schema.js';
import { foldText } from '../../../knowledge/normalize.js';
import { texts } from '../../texts.js';
import { labelOf, notAnOption, pickChoice, typedNumbers, typedParts } from './options.js';
import { answer, NOT_AN_ANSWER, parsed, refused, wrong, type StepKind } from './step-kind.js';

type MultiStep = Extract<Step, { kind: 'multi' }>;
type MultiValue = { readonly kind: 'multi'; readonly ids: readonly string[] };

/**
 * Any number of options: typed as numbers or labels ("1, 3", "ontmoeting en kosten"). An option marked
 * `exclusive` ("Weet ik niet") cannot be combined with others. The group's answer is every option chosen.
 */
export const multi: StepKind<MultiStep, MultiValue> = {
  answered: true,
  read(step, text) {
    // the whole text first: a label may itself contain "en" ("Zorg en welzijn")
    const whole = pickChoice(step, foldText(text));
    const parts = whole ? [whole] : typedParts(text);
    const ids = whole ? [whole] : parts.map((p) => pickChoice(step, p));
    if (parts.length > 0 && ids.every((id) => id !== undefined)) {
      const problem = exclusiveProblem(step, ids as string[]);
      return problem ? wrong(problem) : answer(valueOf(step, ids as string[]));
    }
    return typedNumbers(text) || parts.some((p) => /^-?\d+$/.test(p)) ? wrong(notAnOption(step)) : NOT_AN_ANSWER;
  },
  clicked(step, input) {
    const ids = (input.values ?? []).filter((v) => step.choices.some((c) => c.id === v));
    if ((input.values ?? []).length === 0) return refused(texts.dialogue.pickAtLeastOne);
    if (ids.length === 0) return refused(texts.dialogue.invalidChoice);
    const problem = exclusiveProblem(step, ids);
    return problem ? refused(problem) : parsed(valueOf(step, ids));
  },
  fits: (step, value) => value.ids.every((id) => step.choices.some((c) => c.id === id)) && !exclusiveProblem(step, value.ids),
  display: (step, value) => value.ids.map((id) => labelOf(step, id)).join('; ') || 'niets gekozen',
  counted: (step, value) => value.ids.map((id) => [`c:${id}`, labelOf(step, id)] as const),
  tallyKeys: (step) => step.choices.map((c) => [`c:${c.id}`, c.label] as const),
  groupAnswer: (step, answers) => ({ kind: 'multi', ids: step.choices.filter((c) => answers.count(`c:${c.id}`) > 0).map((c) => c.id) }),
  input: (step, payload) => ({
    kind: 'multi',
    options: step.choices.map((c) => ({ label: c.label, value: c.id })),
    submit: { label: texts.dialogue.doneLabel, payload: payload(), style: 'primary' },
  }),
};

/** The chosen ids in the step's order, each once. */
function valueOf(step: MultiStep, ids: readonly string[]): MultiValue {
  return { kind: 'multi', ids: step.choices.filter((c) => ids.includes(c.id)).map((c) => c.id) };
}

/** Why these options cannot go together: an exclusive one among others. */
function exclusiveProblem(step: MultiStep, ids: readonly string[]): string | undefined {
  const chosen = new Set(ids);
  const alone = step.choices.find((c) => c.exclusive && chosen.has(c.id));
  return alone && chosen.size > 1 ? texts.dialogue.exclusive(alone.label) : undefined;
}
