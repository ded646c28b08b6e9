import { END, type Dialogue } from '../../knowledge/dialogue-schema.js';
import { sessionKey } from '../keys.js';
import { menuReplies } from '../menu.js';
import { notice, type Reply } from '../replies.js';
import { texts } from '../texts.js';
import type { Turn } from '../turn.js';
import { parseAnswer, stepById } from './answers.js';
import { inputProblem, typedInput } from './personal.js';
import { sessionQuestion, sessionTally } from './render-step.js';
import { advanceSession, closeSession, migrateSession, startSession, vote, type GroupSession } from './session.js';
import { dialogueConcepts, exportMarkdown, pinnedDialogue, sessionSummary } from './summary.js';

type Outcome = { session: GroupSession | undefined; replies: Reply[] };

/** One atomic update of the conversation's session: a whole channel clicking at once loses no vote. */
async function withSession(turn: Turn, fn: (session: GroupSession | undefined) => Outcome): Promise<Reply[]> {
  let replies: Reply[] = [];
  await turn.store.update<GroupSession>(
    sessionKey(turn.event.conversation),
    (stored) => {
      const result = fn(stored);
      replies = result.replies;
      return result.session;
    },
    { ttlMs: turn.ttlMs },
  );
  return replies;
}

/** The session on its dialogue as it is now: moved onto a changed definition, or closed when it is gone. */
function current(session: GroupSession, turn: Turn): { session: GroupSession; dialogue?: Dialogue; replies: Reply[] } {
  const pinned = pinnedDialogue(turn.snapshot, session.dialogueId, session.hash);
  if (pinned || session.closed) return { session, dialogue: pinned, replies: [] };
  const now = turn.snapshot.dialoguesById.get(session.dialogueId);
  if (!now) {
    const closed = closeSession(session, turn.now);
    return { session: closed, replies: [notice(texts.dialogue.removed(session.dialogueTitle), [], { tone: 'warning' }), sessionSummary(closed, turn.snapshot, [])] };
  }
  const moved = migrateSession(session, now, turn.snapshot.dialogueHashes.get(now.id)!, turn.now);
  return { session: moved, dialogue: now, replies: [notice(texts.dialogue.changed, [], { tone: 'warning' })] };
}

const isLead = (session: GroupSession, turn: Turn): boolean => turn.event.actor.id === session.leadId || turn.event.actor.isAdmin;

/** The question and live tally of the current step, or the summary once the session is over. */
function show(session: GroupSession, dialogue: Dialogue, turn: Turn, before: Reply[] = []): Reply[] {
  if (session.closed || session.stepId === END) return [...before, notice(texts.group.closed), sessionSummary(session, turn.snapshot, [])];
  const step = stepById(dialogue, session.stepId)!;
  return [...before, sessionQuestion(dialogue, step, session, turn.snapshot), sessionTally(session, step, false)];
}

export function startGroup(turn: Turn, dialogue: Dialogue, named: boolean): Promise<Reply[]> {
  return withSession(turn, (stored) => {
    if (stored && !stored.closed && turn.snapshot.dialoguesById.has(stored.dialogueId)) {
      return { session: stored, replies: [notice(texts.group.alreadyRunning(stored.dialogueTitle, stored.leadName), [], { private: true })] };
    }
    const { actor } = turn.event;
    const session = startSession(dialogue, turn.snapshot.dialogueHashes.get(dialogue.id)!, turn.newId(), actor, named, turn.now);
    const intro = notice(`${texts.group.started(dialogue.title, actor.name, named)}\n\n${dialogue.intro}`);
    return { session, replies: show(session, dialogue, turn, [intro]) };
  });
}

export function voteGroup(turn: Turn, sessionId: string, stepId: string, input: { value?: string; values?: readonly string[]; text?: string }): Promise<Reply[]> {
  return withSession(turn, (stored) => {
    if (!stored || stored.id !== sessionId || stored.closed) return { session: stored, replies: [notice(texts.dialogue.staleGone, [], { private: true })] };
    const c = current(stored, turn);
    if (!c.dialogue || c.session.closed) return { session: c.session, replies: c.replies };
    if (c.session.stepId !== stepId) return { session: c.session, replies: [...c.replies, notice(texts.group.notInGroupStep, [], { private: true })] };
    const step = stepById(c.dialogue, stepId)!;
    if (step.kind === 'info') return { session: c.session, replies: [...c.replies, notice(texts.group.infoStep, [], { private: true })] };
    const problem = inputProblem(step, input);
    const value = problem ? undefined : parseAnswer(step, input);
    if (!value) return { session: c.session, replies: [...c.replies, notice(problem ?? texts.dialogue.invalidChoice, [], { tone: 'warning', private: true })] };
    const session = vote(c.session, step, turn.event.actor, value, turn.now);
    return { session, replies: [...c.replies, sessionTally(session, step, false)] };
  });
}

/**
 * Typed text in a channel while a session runs: on a text step it is that member's answer, on a choice or
 * scale step a number or label is; anything else is a concept question.
 */
export async function typedVote(turn: Turn, text: string): Promise<Reply[] | undefined> {
  const stored = await turn.store.get<GroupSession>(sessionKey(turn.event.conversation));
  if (!stored || stored.closed) return undefined;
  const dialogue = pinnedDialogue(turn.snapshot, stored.dialogueId, stored.hash);
  if (!dialogue) return resumeGroup(turn);
  const step = stepById(dialogue, stored.stepId);
  const input = step && typedInput(step, text);
  return step && input ? voteGroup(turn, stored.id, step.id, input) : undefined;
}

/** The lead moves on (from step `fromStep` when given, so a double click moves one step only). */
export function nextGroup(turn: Turn, sessionId: string | undefined, fromStep?: string): Promise<Reply[]> {
  return leadAction(turn, sessionId, (session, dialogue) => {
    if (fromStep !== undefined && session.stepId !== fromStep) return { session, replies: [] };
    const step = stepById(dialogue, session.stepId)!;
    const moved = advanceSession(session, dialogue, turn.now);
    return { session: moved, replies: show(moved, dialogue, turn, [sessionTally(moved, step, true)]) };
  });
}

export function closeGroup(turn: Turn, sessionId: string | undefined): Promise<Reply[]> {
  return leadAction(turn, sessionId, (session, dialogue) => {
    const step = stepById(dialogue, session.stepId);
    const closed = closeSession(session, turn.now);
    return { session: closed, replies: show(closed, dialogue, turn, step ? [sessionTally(closed, step, true)] : []) };
  });
}

export function backGroup(turn: Turn): Promise<Reply[]> {
  return leadAction(turn, undefined, (session, dialogue) => {
    const previous = session.history.at(-1);
    if (previous === undefined) return { session, replies: [notice(texts.dialogue.cannotGoBack, [], { private: true })] };
    const moved = { ...session, stepId: previous, history: session.history.slice(0, -1), seq: session.seq + 1, updatedAt: turn.now };
    return { session: moved, replies: show(moved, dialogue, turn) };
  });
}

export function restartGroup(turn: Turn): Promise<Reply[]> {
  return leadAction(turn, undefined, (session, dialogue) => {
    const fresh = startSession(dialogue, turn.snapshot.dialogueHashes.get(dialogue.id)!, turn.newId(), { id: session.leadId, name: session.leadName }, session.named, turn.now);
    return { session: fresh, replies: show(fresh, dialogue, turn, [notice(texts.dialogue.started(dialogue.title))]) };
  }, true);
}

function leadAction(turn: Turn, sessionId: string | undefined, fn: (session: GroupSession, dialogue: Dialogue) => Outcome, allowClosed = false): Promise<Reply[]> {
  return withSession(turn, (stored) => {
    if (!stored || (sessionId !== undefined && stored.id !== sessionId) || (stored.closed && !allowClosed)) {
      return { session: stored, replies: sessionId ? [notice(texts.dialogue.staleGone, [], { private: true })] : menuReplies(texts.group.noSession, turn.snapshot, turn.event.conversation) };
    }
    if (!isLead(stored, turn)) return { session: stored, replies: [notice(texts.group.onlyLead(stored.leadName), [], { private: true })] };
    const c = current(stored, turn);
    if (!c.dialogue) return { session: c.session, replies: c.replies };
    const result = fn(c.session, c.dialogue);
    return { session: result.session, replies: [...c.replies, ...result.replies] };
  });
}

/** Re-shows the current question and tally ("verder" in a channel). */
export async function resumeGroup(turn: Turn): Promise<Reply[]> {
  return withSession(turn, (stored) => {
    if (!stored || stored.closed) return { session: stored, replies: menuReplies(texts.group.noSession, turn.snapshot, turn.event.conversation) };
    const c = current(stored, turn);
    return { session: c.session, replies: c.dialogue ? show(c.session, c.dialogue, turn, c.replies) : c.replies };
  });
}

export async function summaryGroup(turn: Turn, asExport: boolean): Promise<Reply[]> {
  const session = await turn.store.get<GroupSession>(sessionKey(turn.event.conversation));
  if (!session) return menuReplies(texts.dialogue.nothingToSummarise, turn.snapshot, turn.event.conversation);
  const summary = sessionSummary(session, turn.snapshot, []);
  if (!asExport) return [summary];
  const concepts = dialogueConcepts(pinnedDialogue(turn.snapshot, session.dialogueId, session.hash), turn.snapshot);
  return [exportMarkdown(summary, concepts, new Date(turn.now))];
}
