import type { ValidDialogue } from '../../knowledge/validate-dialogues.js';
import type { CommandName } from '../actions.js';
import { isGroupScope } from '../events.js';
import { menuReplies } from '../menu.js';
import { notice, type Reply } from '../replies.js';
import { texts } from '../texts.js';
import type { Turn } from '../turn.js';
import { stepById } from './answers.js';
import { advance, onRunning, privately, show, summaryOf, update } from './engine.js';
import { group } from './group.js';
import type { Mode } from './mode.js';
import { personal } from './personal.js';
import { pinnedDialogue, stepBack, type Position } from './position.js';
import { commandAction } from './render-step.js';
import { dialogueConcepts, exportMarkdown, summaryReply } from './summary.js';

/** The moves through a dialogue, the same for a person and a group; the conversation decides which it is. */

/** Either mode: its own positions stay within it (the engine's steps are generic over them). */
export type AnyMode = Mode<Position, unknown>;

/** In a channel or group chat the dialogue is the group's; in a one-to-one chat it is the person's. */
export const modeOf = (turn: Turn): AnyMode => (isGroupScope(turn.event.conversation) ? group : personal);

export type DialogueCommand = Extract<CommandName, 'stop' | 'back' | 'skip' | 'restart' | 'resume' | 'summary' | 'export'>;

export function dialogueCommand(turn: Turn, command: DialogueCommand): Promise<Reply[]> {
  const mode = modeOf(turn);
  switch (command) {
    case 'stop':
      return stop(turn, mode);
    case 'back':
      return back(turn, mode);
    case 'skip':
      return skip(turn, mode);
    case 'restart':
      return restart(turn, mode);
    case 'resume':
      return resume(turn, mode);
    case 'summary':
      return summary(turn, mode, false);
    case 'export':
      return summary(turn, mode, true);
  }
}

/** Starts a dialogue; a person's running one on the same dialogue goes on, a group's running session stays. */
export function start(turn: Turn, entry: ValidDialogue, named: boolean): Promise<Reply[]> {
  const mode = modeOf(turn);
  return update(turn, mode, ({ held, dialogue }) => {
    const running = held.running;
    const keeps = running && mode.keepsRunning(turn, running, entry);
    if (running && keeps === 'resume' && dialogue) return show(turn, mode, held, running, dialogue, [notice(texts.dialogue.resumed(entry.dialogue.title))]);
    if (Array.isArray(keeps)) return { held, replies: keeps };
    const fresh = mode.start(turn, entry, named);
    const before = [notice(mode.startText(turn, fresh, entry.dialogue))];
    if (running) before.unshift(notice(texts.dialogue.replacedRun(running.dialogueTitle), [], { tone: 'warning' }));
    return show(turn, mode, { ...held, running: fresh }, fresh, entry.dialogue, before);
  });
}

export function back(turn: Turn, mode: AnyMode): Promise<Reply[]> {
  return onRunning(turn, mode, { moves: true }, (held, position: Position, dialogue) => {
    const previous = stepBack(position, turn.now);
    if (!previous) return { held, replies: [privately(texts.dialogue.cannotGoBack), ...mode.question(turn, position, dialogue)] };
    return show(turn, mode, held, mode.moved(previous, dialogue), dialogue);
  });
}

/** "sla over" (or the lead's "volgende vraag" from step `fromStep`, so that a double click moves one step only). */
export function skip(turn: Turn, mode: AnyMode, opts: { positionId?: string; fromStep?: string } = {}): Promise<Reply[]> {
  return onRunning(turn, mode, { positionId: opts.positionId, moves: true }, (held, position: Position, dialogue) => {
    if (opts.fromStep !== undefined && position.stepId !== opts.fromStep) return { held, replies: [] };
    const skipped = mode.skip(position, stepById(dialogue, position.stepId)!, turn.now);
    if ('refusal' in skipped) return { held, replies: [privately(skipped.refusal), ...mode.question(turn, position, dialogue)] };
    return advance(turn, mode, held, skipped, dialogue);
  });
}

export function stop(turn: Turn, mode: AnyMode, positionId?: string): Promise<Reply[]> {
  return onRunning(turn, mode, { positionId, moves: true }, (held, position: Position, dialogue) => mode.stop(turn, held, position, dialogue));
}

/** "opnieuw": the running or last dialogue from the start, as it is now. */
export function restart(turn: Turn, mode: AnyMode): Promise<Reply[]> {
  return update(turn, mode, ({ held, ended }) => {
    const last: Position | undefined = held.running ?? held.last;
    const entry = last && turn.snapshot.dialoguesById.get(last.dialogueId);
    if (!last || !entry) return { held, replies: ended ? [] : menuReplies(mode.texts.none, turn.snapshot, turn.event.conversation) };
    const refusal = mode.refusal(turn, last);
    if (refusal) return { held, replies: [refusal] };
    const fresh = mode.start(turn, entry, false, last);
    return show(turn, mode, { ...held, running: fresh }, fresh, entry.dialogue, [notice(texts.dialogue.started(entry.dialogue.title))]);
  });
}

/** "verder": the current question again (anyone may ask for it). */
export function resume(turn: Turn, mode: AnyMode): Promise<Reply[]> {
  return onRunning(turn, mode, { moves: false, none: mode.texts.nothingToResume }, (held, position: Position, dialogue) =>
    show(turn, mode, held, position, dialogue, mode.texts.resumed ? [notice(mode.texts.resumed(position.dialogueTitle))] : []),
  );
}

/** "samenvatting" and "exporteer": of the running dialogue, or else the last one. */
async function summary(turn: Turn, mode: AnyMode, asExport: boolean): Promise<Reply[]> {
  const held = await mode.read(turn);
  const position: Position | undefined = held.running ?? held.last;
  if (!position) return menuReplies(texts.dialogue.nothingToSummarise, turn.snapshot, turn.event.conversation);
  const complete = !held.running;
  const reply = await summaryReply(turn, mode, summaryOf(position, complete, complete ? [] : [commandAction(texts.dialogue.continueLabel, 'resume')]));
  if (!asExport) return [reply];
  return [exportMarkdown(reply, dialogueConcepts(pinnedDialogue(turn.snapshot, position), turn.snapshot), new Date(turn.now))];
}

/** The lead's buttons under a group's tally: next question (from step `fromStep`), or close the session. */
export const nextStep = (turn: Turn, positionId: string, fromStep: string): Promise<Reply[]> => skip(turn, modeOf(turn), { positionId, fromStep });
export const close = (turn: Turn, positionId: string): Promise<Reply[]> => stop(turn, modeOf(turn), positionId);
