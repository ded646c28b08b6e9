import type { Step } from '../../../knowledge/dialogue-schema.js';
import { texts } from '../../texts.js';
import { typedNumbers } from './options.js';
import { answer, NOT_AN_ANSWER, parsed, refused, wrong, type StepKind } from './step-kind.js';

type ScaleStep = Extract<Step, { kind: 'scale' }>;
type ScaleValue = { readonly kind: 'scale'; readonly score: number };

const SCORES = [1, 2, 3, 4, 5] as const;
const isScore = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 5;

/** A score from 1 to 5, typed as the number. The group's answer is the lower median. */
export const scale: StepKind<ScaleStep, ScaleValue> = {
  answered: true,
  read(step, text) {
    const numbers = typedNumbers(text);
    if (!numbers) return NOT_AN_ANSWER;
    const [score] = numbers;
    return numbers.length === 1 && isScore(score!) ? answer({ kind: 'scale', score: score! }) : wrong(texts.dialogue.scaleRange(step.low, step.high));
  },
  clicked(step, input) {
    const score = Number(input.value);
    return isScore(score) ? parsed({ kind: 'scale', score }) : refused(texts.dialogue.scaleRange(step.low, step.high));
  },
  fits: () => true,
  display: (step, value) => (step ? `${value.score} (1 = ${step.low}, 5 = ${step.high})` : String(value.score)),
  counted: (_step, value) => [[`s:${value.score}`, String(value.score)]],
  tallyKeys: () => SCORES.map((n) => [`s:${n}`, String(n)] as const),
  groupAnswer(_step, answers) {
    const scores = SCORES.flatMap((n) => Array<number>(answers.count(`s:${n}`)).fill(n));
    return scores.length > 0 ? { kind: 'scale', score: scores[Math.floor((scores.length - 1) / 2)]! } : undefined;
  },
  input: (step, payload) => ({ kind: 'scale', low: step.low, high: step.high, options: SCORES.map((n) => ({ label: String(n), payload: payload(String(n)) })) }),
};
