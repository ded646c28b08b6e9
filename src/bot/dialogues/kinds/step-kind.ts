import type { Step } from '../../../knowledge/dialogue-schema.js';
import type { QuestionInput } from '../../replies.js';

/**
 * Everything about one kind of step (choice, multi, text, scale, info) in one module: how typed and clicked
 * input becomes an answer, whether an answer still fits after a reload, how it reads, how a group's answers
 * count and combine, and the input of the question. Adding a kind is one such module (listed in kind-of.ts)
 * plus its rendering in the adapters.
 */
export interface StepKind<S extends Step, V> {
  /** False for a step that only tells something (info): it takes no answer. */
  readonly answered: boolean;
  /** Typed text at this step, as the person most likely means it. */
  read(step: S, text: string, context: ReadingContext): Reading<V>;
  /** A click or a submitted form. */
  clicked(step: S, input: ClickedInput): Parsed<V>;
  /** Whether a stored answer still fits the step (its definition may have changed in a reload). */
  fits(step: S, value: V): boolean;
  /** The answer as people read it; without the step (it was removed) as well as it can. */
  display(step: S | undefined, value: V): string;
  /** The tally keys an answer counts for, with their labels (`display`: the answer as shown when given). */
  counted(step: S | undefined, value: V, display: string): Array<readonly [key: string, label: string]>;
  /** The tally keys a tally shows, in the step's order, with their labels. */
  tallyKeys(step: S): Array<readonly [key: string, label: string]>;
  /** The group's answer, for branches and conclusions. */
  groupAnswer(step: S, answers: GroupAnswers): V | undefined;
  /** The answer input of the question; `answer(v)` makes the payload of a click with value v. */
  input(step: S, answer: (value?: string) => string): QuestionInput;
}

/** A click or form submit: the clicked value, the ticked options, or the typed text. */
export interface ClickedInput {
  readonly value?: string;
  readonly values?: readonly string[];
  readonly text?: string;
}

export interface ReadingContext {
  /** Whether text reads as a question to the bot (a question mark, a question word, a concept's name). */
  looksLikeQuestion(text: string): boolean;
}

/** What typed text at a step means. */
export type Reading<V> =
  | { readonly kind: 'answer'; readonly value: V }
  /** An answer that reads like a question: the person is asked which one they mean. */
  | { readonly kind: 'unsure'; readonly value: V }
  /** Meant as an answer, but it does not fit: `problem` says why and what does. */
  | { readonly kind: 'wrong'; readonly problem: string }
  /** Not an answer: a question for the concept lookup. */
  | { readonly kind: 'none' };

export type Parsed<V> = { readonly ok: true; readonly value: V } | { readonly ok: false; readonly problem: string };

/** A group's counted answers to one step. */
export interface GroupAnswers {
  /** How often a tally key was counted (never below zero). */
  count(key: string): number;
  /** The free-text answers, in the order first given. */
  readonly texts: readonly string[];
}

export const answer = <V>(value: V): Reading<V> => ({ kind: 'answer', value });
export const wrong = <V>(problem: string): Reading<V> => ({ kind: 'wrong', problem });
export const NOT_AN_ANSWER = { kind: 'none' } as const;
export const parsed = <V>(value: V): Parsed<V> => ({ ok: true, value });
export const refused = <V>(problem: string): Parsed<V> => ({ ok: false, problem });
