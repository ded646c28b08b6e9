import type { Dialogue } from '../../knowledge/dialogue-schema.js';
import type { ValidDialogue } from '../../knowledge/validate-dialogues.js';
import { menuReplies } from '../menu.js';
import { notice, type Action, type Reply } from '../replies.js';
import { texts } from '../texts.js';
import type { Turn } from '../turn.js';
import { stepById } from './answers.js';
import type { Held, Mode, Outcome, SummaryRequest } from './mode.js';
import { moveOn, pinnedDialogue, rewalk, type Position } from './position.js';
import { summaryReply } from './summary.js';

/**
 * The dialogue engine: what every position in a dialogue goes through, personal or group. Each change of a
 * mode's state is one atomic store update; the mode says who may do what and how answers combine.
 */

/** What an update finds: the held positions, the running one moved onto its dialogue as it is now. */
export interface Found<P extends Position> {
  readonly held: Held<P>;
  /** The running position's dialogue; absent when this turn cannot follow it (it changed under this turn). */
  readonly dialogue?: Dialogue;
  /** The running position just ended because its dialogue was removed (its summary is said). */
  readonly ended: boolean;
}

export const privately = (text: string): Reply => notice(text, [], { private: true });

export const summaryOf = <P extends Position>(position: P, complete: boolean, actions: readonly Action[] = []): SummaryRequest<P> => ({ kind: 'summary-of', position, complete, actions });

/** One atomic update of the mode's state (see `change`); the replies to send. */
export async function update<P extends Position, R>(turn: Turn, mode: Mode<P, R>, fn: (found: Found<P>) => Outcome<P>): Promise<Reply[]> {
  return (await change(turn, mode, fn)).replies;
}

/**
 * One atomic update of the mode's state: `fn` gets what is stored, moved onto the dialogue as it is now, and
 * says what to keep and to say. The result is that of the final run of `fn` (a store may run it twice).
 */
export async function change<P extends Position, R>(turn: Turn, mode: Mode<P, R>, fn: (found: Found<P>) => Outcome<P>): Promise<{ held: Held<P>; replies: Reply[] }> {
  const prepared = await mode.prepare(turn);
  let result: Outcome<P> = { held: {}, replies: [] };
  await turn.store.update<unknown>(
    mode.key(turn),
    (stored) => {
      const now = onDialogueNow(turn, mode, mode.hold(stored), prepared);
      const outcome = fn(now.found);
      result = { held: outcome.held, replies: [...now.replies, ...outcome.replies] };
      return mode.keep(outcome.held, stored);
    },
    { ttlMs: turn.ttlMs },
  );
  const replies: Reply[] = [];
  for (const r of result.replies) replies.push(r.kind === 'summary-of' ? await summaryReply(turn, mode, r) : r);
  return { held: result.held, replies };
}

/**
 * An update of the running position (`positionId`: the one a button was made for). `fn` runs only when there
 * is one, on a dialogue this turn can follow, and (with `moves`) when the actor may move it on.
 */
export function onRunning<P extends Position, R>(
  turn: Turn,
  mode: Mode<P, R>,
  opts: { readonly positionId?: string; readonly moves: boolean; readonly none?: string },
  fn: (held: Held<P>, position: P, dialogue: Dialogue) => Outcome<P>,
): Promise<Reply[]> {
  return update(turn, mode, ({ held, dialogue, ended }) => {
    const running = held.running;
    if (ended) return { held, replies: [] };
    if (!running || (opts.positionId !== undefined && running.id !== opts.positionId)) {
      return { held, replies: opts.positionId !== undefined ? [privately(texts.dialogue.staleGone)] : menuReplies(opts.none ?? mode.texts.none, turn.snapshot, turn.event.conversation) };
    }
    const refusal = opts.moves ? mode.refusal(turn, running) : undefined;
    if (refusal) return { held, replies: [refusal] };
    if (!dialogue) return { held, replies: [privately(texts.group.justChanged)] };
    return fn(held, running, dialogue);
  });
}

/** On from the current step, with the answers as the mode combines them; then the next question or the summary. */
export function advance<P extends Position, R>(turn: Turn, mode: Mode<P, R>, held: Held<P>, position: P, dialogue: Dialogue): Outcome<P> {
  const step = stepById(dialogue, position.stepId);
  const moved = mode.moved(moveOn(position, dialogue, mode.answerOf(position, dialogue), turn.now), dialogue);
  return show(turn, mode, held, moved, dialogue, step ? mode.left(moved, step) : []);
}

/** The position as it is now: its question, or its summary when it is over. */
export function show<P extends Position, R>(turn: Turn, mode: Mode<P, R>, held: Held<P>, position: P, dialogue: Dialogue, before: readonly Reply[] = []): Outcome<P> {
  if (mode.isOver(position)) return { held: { last: position }, replies: [...before, notice(mode.texts.done), summaryOf(position, true, mode.doneActions)] };
  return { held: { ...held, running: position, paused: false }, replies: [...before, ...mode.question(turn, position, dialogue)] };
}

/**
 * The held positions on the dialogues as they are now: a running position whose dialogue changed moves onto
 * the new definition (answers that still fit are kept; it goes on at the first open step); one whose
 * dialogue was removed ends with the answers it has.
 */
function onDialogueNow<P extends Position, R>(turn: Turn, mode: Mode<P, R>, held: Held<P>, prepared: R): { found: Found<P>; replies: Array<Reply | SummaryRequest<P>> } {
  const running = held.running;
  if (!running) return { found: { held, ended: false }, replies: [] };
  const dialogue = pinnedDialogue(turn.snapshot, running);
  if (dialogue) return { found: { held, dialogue, ended: false }, replies: [] };
  const entry = turn.snapshot.dialoguesById.get(running.dialogueId);
  if (!entry) {
    const last = mode.ended(running, turn.now);
    return { found: { held: { last }, ended: true }, replies: [notice(texts.dialogue.removed(running.dialogueTitle), [], { tone: 'warning' }), summaryOf(last, false)] };
  }
  const moved = migrated(mode, running, entry, prepared, turn.now);
  if (!moved) return { found: { held, ended: false }, replies: [] };
  return { found: { held: { ...held, running: moved }, dialogue: entry.dialogue, ended: false }, replies: [notice(texts.dialogue.changed, [], { tone: 'warning' })] };
}

/**
 * A position moved onto a changed definition of its dialogue: the answers that still fit (as the mode keeps
 * them), and from the first step along the branches over every step already passed. Undefined when the mode
 * cannot do it in this turn.
 */
export function migrated<P extends Position, R>(mode: Mode<P, R>, position: P, entry: ValidDialogue, prepared: R, now: number): P | undefined {
  const refit = mode.refit(position, entry, prepared);
  if (!refit) return undefined;
  const walked = rewalk(refit.position, entry, refit.passed, mode.answerOf(refit.position, entry.dialogue), now);
  return mode.moved(walked, entry.dialogue);
}
