import { END, type Dialogue, type Step } from '../../knowledge/dialogue-schema.js';
import type { KnowledgeSnapshot } from '../../knowledge/snapshot.js';
import type { ValidDialogue } from '../../knowledge/validate-dialogues.js';
import { nextStepId, stepById, type AnswerLookup } from './answers.js';

/**
 * Where a person (a run) or a group (a session) is in a dialogue. Runs and sessions are stored as plain
 * JSON with these fields at the top, so the same steps work for both; what they add is how their answers
 * combine (see personal.ts and group.ts).
 */
export interface Position {
  readonly id: string;
  readonly dialogueId: string;
  readonly dialogueTitle: string;
  /** The dialogue definition followed; a reload that changes it is noticed and handled. */
  readonly hash: string;
  /** The current step, or END when done. */
  readonly stepId: string;
  /** Steps passed, in order, for "terug". */
  readonly history: readonly string[];
  readonly startedAt: number;
  readonly updatedAt: number;
}

export function startPosition({ dialogue, hash }: ValidDialogue, id: string, now: number): Position {
  return { id, dialogueId: dialogue.id, dialogueTitle: dialogue.title, hash, stepId: dialogue.steps[0]!.id, history: [], startedAt: now, updatedAt: now };
}

export const isAtEnd = (p: Position): boolean => p.stepId === END;

/** On to the next step along the branches, with the answers as `answerOf` gives them. */
export function moveOn<P extends Position>(p: P, dialogue: Dialogue, answerOf: AnswerLookup, now: number): P {
  if (!stepById(dialogue, p.stepId)) return p;
  return { ...p, stepId: nextStepId(dialogue, p.stepId, answerOf), history: [...p.history, p.stepId], updatedAt: now };
}

/** Back to the step before ("terug"); undefined at the first step. */
export function stepBack<P extends Position>(p: P, now: number): P | undefined {
  const previous = p.history.at(-1);
  return previous === undefined ? undefined : { ...p, stepId: previous, history: p.history.slice(0, -1), updatedAt: now };
}

/**
 * The position on a changed definition of its dialogue, without mixing versions: from the first step it
 * walks along the branches (with the answers that still fit) over every step already `passed`, and goes on
 * at the first one that is not.
 */
export function rewalk<P extends Position>(p: P, { dialogue, hash }: ValidDialogue, passed: (step: Step) => boolean, answerOf: AnswerLookup, now: number): P {
  const history: string[] = [];
  let stepId = dialogue.steps[0]!.id;
  while (stepId !== END && history.length <= dialogue.steps.length) {
    const step = stepById(dialogue, stepId)!;
    if (!passed(step)) break;
    history.push(stepId);
    stepId = nextStepId(dialogue, stepId, answerOf);
  }
  return { ...p, dialogueTitle: dialogue.title, hash, history, stepId, updatedAt: now };
}

/** The dialogue a position follows, if its definition is still the one in the snapshot. */
export function pinnedDialogue(snapshot: KnowledgeSnapshot, position: Pick<Position, 'dialogueId' | 'hash'>): Dialogue | undefined {
  const entry = snapshot.dialoguesById.get(position.dialogueId);
  return entry?.hash === position.hash ? entry.dialogue : undefined;
}
