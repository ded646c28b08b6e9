import type { Dialogue, Step } from '../../knowledge/dialogue-schema.js';
import type { ValidDialogue } from '../../knowledge/validate-dialogues.js';
import type { ActionPayload } from '../actions.js';
import type { Action, Reply, SummaryItem } from '../replies.js';
import type { Turn } from '../turn.js';
import type { AnswerLookup, AnswerValue } from './answers.js';
import type { ClickedInput } from './kinds/step-kind.js';
import type { Position } from './position.js';

/**
 * The two ways to take part in a dialogue. A personal run and a group session are the same position in a
 * dialogue (see position.ts and engine.ts); a mode says only what differs: who may answer and move on (the
 * person, or every member answers and the lead or an admin moves on), and how answers combine (one answer,
 * or one per member with a tally).
 */
export interface Mode<P extends Position, Prepared = unknown> {
  /** The payload action of an answer button in this mode. */
  readonly answerAction: Extract<ActionPayload['a'], 'ans' | 'vote'>;
  readonly texts: {
    /** There is no position to move on or start again. */
    readonly none: string;
    readonly nothingToResume: string;
    /** Shown with the summary when the dialogue is over. */
    readonly done: string;
    /** Said before the question on "verder" (a group sees the question and its tally again, nothing more). */
    readonly resumed?: (title: string) => string;
  };
  /** The buttons of the summary when the dialogue is over. */
  readonly doneActions: readonly Action[];

  // --- storage ---
  /** The key of the stored state: every change of it is one atomic store update. */
  key(turn: Turn): string;
  /** The stored state (older formats converted), for a turn that only reads. */
  read(turn: Turn): Promise<Held<P>>;
  /** What an update needs to read first (older formats converted, members' answers on a changed dialogue). */
  prepare(turn: Turn): Promise<Prepared>;
  /** Inside an atomic update: the stored value as held positions, and back (`stored`: the value read). */
  hold(stored: unknown): Held<P>;
  keep(held: Held<P>, stored: unknown): unknown;

  // --- who ---
  /** Undefined when the actor may move the position on; otherwise the refusal. */
  refusal(turn: Turn, position: P): Reply | undefined;
  /** Whether a running position keeps its place when someone starts `entry` (else it is replaced). */
  keepsRunning(turn: Turn, running: P, entry: ValidDialogue): Reply[] | 'resume' | undefined;
  /** A new position on a dialogue; `previous` passes on a group's lead and naming. */
  start(turn: Turn, entry: ValidDialogue, named: boolean, previous?: P): P;
  /** The notice that opens a new position. */
  startText(turn: Turn, position: P, dialogue: Dialogue): string;
  /** An answer to step `stepId` of position `positionId`, from a click, a form or typed text. */
  answer(turn: Turn, positionId: string, stepId: string, given: Given): Promise<Reply[]>;
  /** "stop": a person pauses; a group session is closed. */
  stop(turn: Turn, held: Held<P>, position: P, dialogue: Dialogue): Outcome<P>;

  // --- how answers combine ---
  /** Per step: the person's answer, or the group's combined answer. */
  answerOf(position: P, dialogue: Dialogue | undefined): AnswerLookup;
  /** The position after passing `step` without an answer ("sla over"): a refusal when that is not allowed. */
  skip(position: P, step: Step, now: number): P | { readonly refusal: string };
  /** On a changed dialogue: the answers that still fit and the steps already passed; undefined when this turn cannot do it. */
  refit(position: P, entry: ValidDialogue, prepared: Prepared): { position: P; passed: (step: Step) => boolean } | undefined;
  /** After every move (a group remembers what it was shown, counts the change and closes at the end). */
  moved(position: P, dialogue: Dialogue): P;
  /** Whether the position is over and shows its summary. */
  isOver(position: P): boolean;
  /** The position ended early (its dialogue was removed). */
  ended(position: P, now: number): P;
  /** The question of the current step (and the group's tally). */
  question(turn: Turn, position: P, dialogue: Dialogue): Reply[];
  /** What is said when the position leaves a step (a group's final tally of it). */
  left(position: P, step: Step): Reply[];
  /** The summary's answers, step by step. */
  summaryItems(turn: Turn, position: P, dialogue: Dialogue | undefined): Promise<SummaryItem[]>;
}

/** An answer as given: clicked or submitted input, or a value already read from typed text. */
export type Given = { readonly input: ClickedInput } | { readonly value: AnswerValue };

/** What is kept about one person's (personal) or one channel's (group) dialogue. */
export interface Held<P extends Position> {
  /** The position that is running: not finished, not closed. */
  readonly running?: P;
  /** The last finished (personal) or closed (group) position, for the summary and "opnieuw". */
  readonly last?: P;
  /** Personal: stopped with "stop"; typed text is a question again until "verder". */
  readonly paused?: boolean;
}

/** The result of one change: what to keep, and what to say. */
export interface Outcome<P extends Position> {
  readonly held: Held<P>;
  readonly replies: ReadonlyArray<Reply | SummaryRequest<P>>;
}

/** A summary to say, made once the change is stored (a named group's summary reads the members' records). */
export interface SummaryRequest<P extends Position> {
  readonly kind: 'summary-of';
  readonly position: P;
  readonly complete: boolean;
  readonly actions: readonly Action[];
}
