import { END, type Condition, type Dialogue, type Step } from '../../knowledge/dialogue-schema.js';
import { defaultNext } from '../../knowledge/validate-dialogues.js';
import { kindOf, kindOfAnswer } from './kinds/kind-of.js';
import type { ClickedInput } from './kinds/step-kind.js';

/** One person's answer to one step, with its title and a readable form kept for summaries. */
export type AnswerValue =
  | { readonly kind: 'choice'; readonly id: string }
  | { readonly kind: 'multi'; readonly ids: readonly string[] }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'scale'; readonly score: number }
  | { readonly kind: 'skipped' };

export interface StoredAnswer {
  readonly value: AnswerValue;
  /** Step title and answer as shown when given, so a summary survives a changed or removed dialogue. */
  readonly title: string;
  readonly prompt: string;
  readonly display: string;
}

/** What a condition sees of a step: one answer (personal) or the group's aggregate. */
export type AnswerLookup = (stepId: string) => AnswerValue | undefined;

/** The answer as people read it ("overgeslagen" for a skip). */
export function displayAnswer(step: Step | undefined, value: AnswerValue): string {
  if (value.kind === 'skipped') return 'overgeslagen';
  return kindOfAnswer(value).display(step?.kind === value.kind ? step : undefined, value);
}

export function holds(condition: Condition, answerOf: AnswerLookup): boolean {
  const a = answerOf(condition.step);
  const answered = a !== undefined && a.kind !== 'skipped';
  if (condition.answered !== undefined && condition.answered !== answered) return false;
  if (condition.in) {
    if (a?.kind === 'choice' && !condition.in.includes(a.id)) return false;
    if (a?.kind === 'multi' && !a.ids.some((id) => condition.in!.includes(id))) return false;
    if (a?.kind !== 'choice' && a?.kind !== 'multi') return false;
  }
  if (condition.min !== undefined || condition.max !== undefined) {
    if (a?.kind !== 'scale') return false;
    if (condition.min !== undefined && a.score < condition.min) return false;
    if (condition.max !== undefined && a.score > condition.max) return false;
  }
  return true;
}

/** The step after `stepId`: the first branch whose conditions hold, the chosen answer's next, or the default. */
export function nextStepId(dialogue: Dialogue, stepId: string, answerOf: AnswerLookup): string {
  const index = dialogue.steps.findIndex((s) => s.id === stepId);
  const step = dialogue.steps[index];
  if (!step) return END;
  for (const branch of step.branches) if (branch.when.every((c) => holds(c, answerOf))) return branch.next;
  const own = answerOf(step.id);
  if (step.kind === 'choice' && own?.kind === 'choice') {
    const next = step.choices.find((c) => c.id === own.id)?.next;
    if (next) return next;
  }
  return defaultNext(dialogue, index);
}

export function stepById(dialogue: Dialogue, id: string): Step | undefined {
  return dialogue.steps.find((s) => s.id === id);
}

/** A clicked value, ticked options or submitted text as an answer to a step; undefined when it is none. */
export function parseAnswer(step: Step, input: ClickedInput): AnswerValue | undefined {
  const result = kindOf(step).clicked(step, input);
  return result.ok ? result.value : undefined;
}

/** Whether a stored answer still fits a (possibly changed) step definition. */
export function answerFits(step: Step, value: AnswerValue): boolean {
  if (value.kind === 'skipped') return kindOf(step).answered;
  return step.kind === value.kind && kindOf(step).fits(step, value);
}

/** The text a step asks or tells, as kept with its answers. */
export function promptOf(step: Step): string {
  return 'prompt' in step ? step.prompt : step.text;
}
