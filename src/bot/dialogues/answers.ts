import { END, type Condition, type Dialogue, type Step } from '../../knowledge/dialogue-schema.js';
import { defaultNext } from '../../knowledge/validate-dialogues.js';

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

export function displayAnswer(step: Step, value: AnswerValue): string {
  switch (value.kind) {
    case 'skipped':
      return 'overgeslagen';
    case 'text':
      return value.text;
    case 'scale':
      return step.kind === 'scale' ? `${value.score} (1 = ${step.low}, 5 = ${step.high})` : String(value.score);
    case 'choice':
      return labelOf(step, value.id);
    case 'multi':
      return value.ids.map((id) => labelOf(step, id)).join('; ') || 'niets gekozen';
  }
}

function labelOf(step: Step, id: string): string {
  return step.kind === 'choice' || step.kind === 'multi' ? (step.choices.find((c) => c.id === id)?.label ?? id) : id;
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

/** Parses a typed or clicked value for a step; undefined when it is not a valid answer. */
export function parseAnswer(step: Step, input: { value?: string; values?: readonly string[]; text?: string }): AnswerValue | undefined {
  switch (step.kind) {
    case 'choice':
      return step.choices.some((c) => c.id === input.value) ? { kind: 'choice', id: input.value! } : undefined;
    case 'multi': {
      const ids = (input.values ?? []).filter((v) => step.choices.some((c) => c.id === v));
      return ids.length > 0 ? { kind: 'multi', ids: step.choices.filter((c) => ids.includes(c.id)).map((c) => c.id) } : undefined;
    }
    case 'scale': {
      const score = Number(input.value);
      return Number.isInteger(score) && score >= 1 && score <= 5 ? { kind: 'scale', score } : undefined;
    }
    case 'text': {
      const text = (input.text ?? '').trim();
      return text ? { kind: 'text', text } : undefined;
    }
    case 'info':
      return undefined;
  }
}

/** Whether a stored answer still fits a (possibly changed) step definition. */
export function answerFits(step: Step, value: AnswerValue): boolean {
  switch (value.kind) {
    case 'skipped':
      return step.kind !== 'info';
    case 'choice':
      return step.kind === 'choice' && step.choices.some((c) => c.id === value.id);
    case 'multi':
      return step.kind === 'multi' && value.ids.every((id) => step.choices.some((c) => c.id === id));
    case 'scale':
      return step.kind === 'scale';
    case 'text':
      return step.kind === 'text' && value.text.length <= step.maxLength;
  }
}
