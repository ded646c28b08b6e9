import { END, type Dialogue } from '../../knowledge/dialogue-schema.js';
import { sessionKey } from '../keys.js';
import { menuReplies } from '../menu.js';
import { notice, type Reply } from '../replies.js';
import { texts } from '../texts.js';
import type { Turn } from '../turn.js';
import { parseAnswer, stepById } from './answers.js';
import { memberRecords, readConversationSession, recordVote, takeBackVote } from './member-votes.js';
import { inputProblem, typedInput } from './personal.js';
import { sessionQuestion, sessionTally } from './render-step.js';
import { advanceSession, closeSession, countVote, makeVote, migrateSession, startSession, type GroupSession, type LegacyGroupSession } from './session.js';
import { dialogueConcepts, exportMarkdown, pinnedDialogue, sessionSummary } from './summary.js';

type Outcome = { session: GroupSession | undefined; replies: Reply[] };

/** One atomic update of the conversation's session: the lead's moves and the counting of votes never lose each other's changes. */
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

const privately = (text: string): Reply => notice(text, [], { private: true });

interface Loaded {
  readonly session?: GroupSession;
  /** The dialogue the session follows; absent when the session is closed and its definition changed or went. */
  readonly dialogue?: Dialogue;
  /** What this turn changed on the way: the session was moved onto a changed dialogue, or ended because it was removed. */
  readonly replies: Reply[];
}

/** The conversation's session on its dialogue as it is now: recounted on a changed definition, closed when it is gone. */
async function load(turn: Turn): Promise<Loaded> {
  const session = await readConversationSession(turn, turn.event.conversation);
  if (!session) return { replies: [] };
  const pinned = pinnedDialogue(turn.snapshot, session.dialogueId, session.hash);
  if (pinned || session.closed) return { session, dialogue: pinned, replies: [] };
  const now = turn.snapshot.dialoguesById.get(session.dialogueId)?.dialogue;
  const records = now ? await memberRecords(turn.store, turn.event.conversation, session.id) : [];
  let loaded: Loaded = { replies: [] };
  await withSession(turn, (stored) => {
    if (!stored || stored.id !== session.id || stored.hash !== session.hash || stored.closed) {
      // another turn got here first
      loaded = { session: stored, dialogue: stored && pinnedDialogue(turn.snapshot, stored.dialogueId, stored.hash), replies: [] };
    } else if (!now) {
      const closed = closeSession(stored, turn.now);
      loaded = { session: closed, replies: [notice(texts.dialogue.removed(stored.dialogueTitle), [], { tone: 'warning' }), sessionSummary(closed, turn.snapshot, [])] };
    } else {
      loaded = { session: migrateSession(stored, now, turn.snapshot.dialoguesById.get(now.id)!.hash, records, turn.now), dialogue: now, replies: [notice(texts.dialogue.changed, [], { tone: 'warning' })] };
    }
    return { session: loaded.session, replies: [] };
  });
  return loaded;
}

const isLead = (session: GroupSession, turn: Turn): boolean => turn.event.actor.id === session.leadId || turn.event.actor.isAdmin;

/** The question and live tally of the current step, or the summary once the session is over. */
function show(session: GroupSession, dialogue: Dialogue, turn: Turn, before: Reply[] = []): Reply[] {
  if (session.closed || session.stepId === END) return [...before, notice(texts.group.closed), sessionSummary(session, turn.snapshot, [])];
  const step = stepById(dialogue, session.stepId)!;
  return [...before, sessionQuestion(dialogue, step, session, turn.snapshot), sessionTally(session, step, false)];
}

export function startGroup(turn: Turn, dialogue: Dialogue, named: boolean): Promise<Reply[]> {
  return withSession(turn, (stored: GroupSession | LegacyGroupSession | undefined) => {
    if (stored && !stored.closed && turn.snapshot.dialoguesById.has(stored.dialogueId)) {
      return { session: stored as GroupSession, replies: [privately(texts.group.alreadyRunning(stored.dialogueTitle, stored.leadName))] };
    }
    const { actor } = turn.event;
    const session = startSession(dialogue, turn.snapshot.dialoguesById.get(dialogue.id)!.hash, turn.newId(), actor, named, turn.now);
    const intro = notice(`${texts.group.started(dialogue.title, actor.name, named)}\n\n${dialogue.intro}`);
    return { session, replies: show(session, dialogue, turn, [intro]) };
  });
}

/**
 * A member's answer: written to their own record, then counted in the session. When the count cannot be
 * made (the lead moved on in between, the session ended, the store failed), the record is put back.
 */
export async function voteGroup(turn: Turn, sessionId: string, stepId: string, input: { value?: string; values?: readonly string[]; text?: string }): Promise<Reply[]> {
  const { session, dialogue, replies } = await load(turn);
  if (!session || session.id !== sessionId) return [privately(texts.dialogue.staleGone)];
  if (session.closed || !dialogue) return replies.length > 0 ? replies : [privately(texts.dialogue.staleGone)];
  if (session.stepId !== stepId) return [...replies, privately(texts.group.notInGroupStep)];
  const step = stepById(dialogue, stepId)!;
  if (step.kind === 'info') return [...replies, privately(texts.group.infoStep)];
  const problem = inputProblem(step, input);
  const value = problem ? undefined : parseAnswer(step, input);
  if (!value) return [...replies, notice(problem ?? texts.dialogue.invalidChoice, [], { tone: 'warning', private: true })];

  const { actor, conversation } = turn.event;
  const vote = makeVote(step, actor, value);
  const { before, rev } = await recordVote(turn, conversation, sessionId, actor, stepId, vote);
  let counted = false;
  const takeBack = () => takeBackVote(turn, conversation, sessionId, actor, stepId, before, rev);
  let result: Reply[];
  try {
    result = await withSession(turn, (stored) => {
      counted = false;
      if (!stored || stored.id !== sessionId || stored.closed) return { session: stored, replies: [privately(texts.dialogue.staleGone)] };
      if (stored.hash !== session.hash) return { session: stored, replies: [privately(texts.group.justChanged)] };
      if (stored.stepId !== stepId) return { session: stored, replies: [privately(texts.group.notInGroupStep)] };
      counted = true;
      const next = countVote(stored, step, stepId, actor.id, before, vote, rev, turn.now);
      return { session: next, replies: [...replies, sessionTally(next, step, false)] };
    });
  } catch (err) {
    await takeBack().catch(() => undefined); // the store is failing: the record may stay ahead of the count
    throw err;
  }
  if (!counted) await takeBack();
  return result;
}

/**
 * Typed text in a channel while a session runs: on a text step it is that member's answer, on a choice or
 * scale step a number or label is; anything else is a concept question.
 */
export async function typedVote(turn: Turn, text: string): Promise<Reply[] | undefined> {
  const stored = await readConversationSession(turn, turn.event.conversation);
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
    if (previous === undefined) return { session, replies: [privately(texts.dialogue.cannotGoBack)] };
    const moved = { ...session, stepId: previous, history: session.history.slice(0, -1), seq: session.seq + 1, updatedAt: turn.now };
    return { session: moved, replies: show(moved, dialogue, turn) };
  });
}

export function restartGroup(turn: Turn): Promise<Reply[]> {
  return leadAction(turn, undefined, (session, dialogue) => {
    const fresh = startSession(dialogue, turn.snapshot.dialoguesById.get(dialogue.id)!.hash, turn.newId(), { id: session.leadId, name: session.leadName }, session.named, turn.now);
    return { session: fresh, replies: show(fresh, dialogue, turn, [notice(texts.dialogue.started(dialogue.title))]) };
  }, true);
}

async function leadAction(turn: Turn, sessionId: string | undefined, fn: (session: GroupSession, dialogue: Dialogue) => Outcome, allowClosed = false): Promise<Reply[]> {
  const loaded = await load(turn);
  return withSession(turn, (stored) => {
    if (!stored || (sessionId !== undefined && stored.id !== sessionId) || (stored.closed && !allowClosed)) {
      // a session this turn just ended (its dialogue was removed) shows its summary
      if (loaded.replies.length > 0) return { session: stored, replies: loaded.replies };
      return { session: stored, replies: sessionId ? [privately(texts.dialogue.staleGone)] : menuReplies(texts.group.noSession, turn.snapshot, turn.event.conversation) };
    }
    if (!isLead(stored, turn)) return { session: stored, replies: [...loaded.replies, privately(texts.group.onlyLead(stored.leadName))] };
    // a closed session restarts on the dialogue as it is now
    const dialogue = pinnedDialogue(turn.snapshot, stored.dialogueId, stored.hash) ?? (stored.closed ? turn.snapshot.dialoguesById.get(stored.dialogueId)?.dialogue : undefined);
    if (!dialogue) {
      return { session: stored, replies: stored.closed ? [...loaded.replies, ...menuReplies(texts.group.noSession, turn.snapshot, turn.event.conversation)] : [privately(texts.group.justChanged)] };
    }
    const result = fn(stored, dialogue);
    return { session: result.session, replies: [...loaded.replies, ...result.replies] };
  });
}

/** Re-shows the current question and tally ("verder" in a channel). */
export async function resumeGroup(turn: Turn): Promise<Reply[]> {
  const { session, dialogue, replies } = await load(turn);
  if (!session || session.closed || !dialogue) return replies.length > 0 ? replies : menuReplies(texts.group.noSession, turn.snapshot, turn.event.conversation);
  return show(session, dialogue, turn, replies);
}

export async function summaryGroup(turn: Turn, asExport: boolean): Promise<Reply[]> {
  const session = await readConversationSession(turn, turn.event.conversation);
  if (!session) return menuReplies(texts.dialogue.nothingToSummarise, turn.snapshot, turn.event.conversation);
  const summary = sessionSummary(session, turn.snapshot, []);
  if (!asExport) return [summary];
  const concepts = dialogueConcepts(pinnedDialogue(turn.snapshot, session.dialogueId, session.hash), turn.snapshot);
  return [exportMarkdown(summary, concepts, new Date(turn.now))];
}
