import type { Dialogue, Step } from '../../knowledge/dialogue-schema.js';
import { sessionKey } from '../keys.js';
import { notice, type Reply, type SummaryItem } from '../replies.js';
import { texts } from '../texts.js';
import type { Turn } from '../turn.js';
import { stepById } from './answers.js';
import { change, privately, show } from './engine.js';
import { kindOf } from './kinds/kind-of.js';
import { memberRecords, readConversationSession, recordVote, takeBackVote } from './member-votes.js';
import type { Given, Held, Mode } from './mode.js';
import { isAtEnd, pinnedDialogue } from './position.js';
import { commandAction, sessionQuestion, sessionTally } from './render-step.js';
import {
  closeSession, countVote, groupAnswers, recounted, sessionMoved, startSession, textLine, withViewer, type GroupSession, type MemberVotes,
} from './session.js';
import { countedValues, countsOf, makeVote } from './tally.js';

/** Read before an update: the members' records, when the session's dialogue changed and it must be recounted. */
interface Recount {
  readonly sessionId: string;
  readonly hash: string;
  readonly records: readonly MemberVotes[];
}

const hold = (stored: unknown): Held<GroupSession> => {
  const session = stored as GroupSession | undefined;
  return session?.closed ? { last: session } : { running: session };
};

/** A group in a channel or group chat: every member answers, and the lead (or an admin) moves on. */
export const group: Mode<GroupSession, Recount | undefined> = {
  answerAction: 'vote',
  texts: { none: texts.group.noSession, nothingToResume: texts.group.noSession, done: texts.group.closed },
  // anyone in the channel may take the summary away as a file
  doneActions: [commandAction(texts.dialogue.exportLabel, 'export')],

  key: (turn) => sessionKey(turn.event.conversation),
  read: async (turn) => hold(await readConversationSession(turn, turn.event.conversation)),
  async prepare(turn) {
    const session = await readConversationSession(turn, turn.event.conversation);
    if (!session || session.closed || !turn.snapshot.dialoguesById.has(session.dialogueId) || pinnedDialogue(turn.snapshot, session)) return undefined;
    return { sessionId: session.id, hash: session.hash, records: await memberRecords(turn.store, turn.event.conversation, session.id) };
  },
  hold,
  keep: (held) => held.running ?? held.last,

  refusal: (turn, session) => (turn.event.actor.id === session.leadId || turn.event.actor.isAdmin ? undefined : privately(texts.group.onlyLead(session.leadName))),
  keepsRunning: (_turn, running) => [privately(texts.group.alreadyRunning(running.dialogueTitle, running.leadName))],
  start: (turn, entry, named, previous) =>
    startSession(entry, turn.newId(), previous ? { id: previous.leadId, name: previous.leadName, viewerId: previous.viewers?.[previous.leadId] } : turn.event.actor, previous?.named ?? named, turn.now),
  startText: (turn, session, dialogue) => `${texts.group.started(dialogue.title, turn.event.actor.name, session.named)}\n\n${dialogue.intro}`,
  answer: voteGroup,
  stop(turn, held, session, dialogue) {
    const step = stepById(dialogue, session.stepId);
    const closed = closeSession(session, turn.now);
    return show(turn, group, held, closed, dialogue, step ? [sessionTally(closed, step, true)] : []);
  },

  answerOf: groupAnswers,
  // the lead moves on: who did not answer, did not answer
  skip: (session) => session,
  refit(session, { dialogue }, recount) {
    // recounting needs the records read for this very session and version; otherwise another turn came first
    if (recount?.sessionId !== session.id || recount.hash !== session.hash) return undefined;
    return { position: recounted(session, dialogue, recount.records), passed: (step) => session.history.includes(step.id) };
  },
  moved: sessionMoved,
  isOver: (session) => session.closed || isAtEnd(session),
  ended: (session, now) => closeSession(session, now),
  question(turn, session, dialogue) {
    const step = stepById(dialogue, session.stepId)!;
    return [sessionQuestion(session, dialogue, step, turn.snapshot), sessionTally(session, step, false)];
  },
  left: (session, step) => [sessionTally(session, step, true)],
  summaryItems,
};

/**
 * A member's answer: written to their own record, then counted in the session. When the count cannot be
 * made (the lead moved on in between, the session ended, the store failed), the record is put back.
 */
async function voteGroup(turn: Turn, sessionId: string, stepId: string, given: Given): Promise<Reply[]> {
  const { held, replies } = await settled(turn);
  const session = held.running ?? held.last;
  if (!session || session.id !== sessionId) return [privately(texts.dialogue.staleGone)];
  const dialogue = held.running && pinnedDialogue(turn.snapshot, held.running);
  if (!dialogue) return replies.length > 0 ? replies : [privately(texts.dialogue.staleGone)];
  if (session.stepId !== stepId) return [...replies, privately(texts.group.notInGroupStep)];
  const step = stepById(dialogue, stepId)!;
  if (!kindOf(step).answered) return [...replies, privately(texts.group.infoStep)];
  const result = 'value' in given ? { ok: true as const, value: given.value } : kindOf(step).clicked(step, given.input);
  if (!result.ok) return [...replies, notice(result.problem, [], { tone: 'warning', private: true })];

  const { actor, conversation } = turn.event;
  const vote = makeVote(step, actor, result.value);
  const { before, rev } = await recordVote(turn, conversation, sessionId, actor, stepId, vote);
  let counted = false;
  let answer: Reply[] = [];
  const takeBack = () => takeBackVote(turn, conversation, sessionId, actor, stepId, before, rev);
  try {
    await turn.store.update<GroupSession>(
      sessionKey(conversation),
      (stored) => {
        counted = false;
        const late = tooLate(stored, session, stepId);
        if (late || !stored) {
          answer = [privately(late ?? texts.dialogue.staleGone)];
          return stored;
        }
        counted = true;
        const next = withViewer(countVote(stored, step, stepId, actor.id, before, vote, rev, turn.now), actor);
        answer = [...replies, sessionTally(next, step, false)];
        return next;
      },
      { ttlMs: turn.ttlMs },
    );
  } catch (err) {
    await takeBack().catch(() => undefined); // the store is failing: the record may stay ahead of the count
    throw err;
  }
  if (!counted) await takeBack();
  return answer;
}

/** Why a vote for `stepId` of `session` would be counted too late in the session as stored now. */
function tooLate(stored: GroupSession | undefined, session: GroupSession, stepId: string): string | undefined {
  if (!stored || stored.id !== session.id || stored.closed) return texts.dialogue.staleGone;
  if (stored.hash !== session.hash) return texts.group.justChanged;
  return stored.stepId !== stepId ? texts.group.notInGroupStep : undefined;
}

/** The session as it is now; when its dialogue changed or went, one update moves it on (or ends it) first. */
async function settled(turn: Turn): Promise<{ held: Held<GroupSession>; replies: Reply[] }> {
  const held = await group.read(turn);
  if (!held.running || pinnedDialogue(turn.snapshot, held.running)) return { held, replies: [] };
  return change(turn, group, (found) => ({ held: found.held, replies: [] }));
}

/** The answers step by step: counts per option or score, free-text answers; in a named session with names. */
async function summaryItems(turn: Turn, session: GroupSession, dialogue: Dialogue | undefined): Promise<SummaryItem[]> {
  const names = session.named ? namesByStep(await memberRecords(turn.store, turn.event.conversation, session.id), dialogue) : undefined;
  return session.history.flatMap((stepId): SummaryItem[] => {
    const step = dialogue && stepById(dialogue, stepId);
    const shown = session.shown[stepId];
    if (!shown || (step && !kindOf(step).answered)) return [];
    const who = (key: string): string => {
      const list = names?.get(stepId)?.get(key);
      return list?.length ? ` (${list.join(', ')})` : '';
    };
    const lines = step ? stepLines(session, step, who) : orphanLines(session, stepId, who);
    const result = step ? stepResult(session, step, (key) => names?.get(stepId)?.get(key)) : undefined;
    return [{ title: shown.title, prompt: shown.prompt, lines: lines.length > 0 ? lines : [texts.dialogue.noAnswers], ...(result ? { result } : {}) }];
  });
}

/** The same answers in parts: every option with its count (and who chose it), and the free-text answers. */
export function stepResult(session: GroupSession, step: Step, namesOf: (key: string) => string[] | undefined): SummaryItem['result'] {
  const { counts, texts: given, respondents } = countsOf(step, session.tallies[step.id]);
  return {
    respondents,
    counts: counts.map((c) => {
      const names = namesOf(c.key);
      return { label: c.label, count: c.count, ...(names?.length ? { names } : {}) };
    }),
    texts: given.map((t) => `“${textLine(session, t)}”`),
  };
}

function stepLines(session: GroupSession, step: Step, who: (key: string) => string): string[] {
  const { counts, texts: given, respondents } = countsOf(step, session.tallies[step.id]);
  const lines = [...counts.filter((c) => c.count > 0).map((c) => `${c.label}: ${c.count}${who(c.key)}`), ...given.map((t) => `“${textLine(session, t)}”`)];
  return lines.length > 0 ? [`${respondents} ${respondents === 1 ? 'antwoord' : 'antwoorden'}`, ...lines] : [];
}

/** A step the dialogue no longer has, with the labels shown when the answers were given. */
function orphanLines(session: GroupSession, stepId: string, who: (key: string) => string): string[] {
  const tally = session.tallies[stepId];
  if (!tally) return [];
  return [
    ...Object.entries(tally.counts).filter(([, n]) => n > 0).map(([key, n]) => `${tally.labels[key] ?? key}: ${n}${who(key)}`),
    ...Object.values(tally.texts).map((t) => textLine(session, t)),
  ];
}

/** Per step and tally key, the names of the members whose answer counts there, in alphabetical order. */
function namesByStep(records: readonly MemberVotes[], dialogue: Dialogue | undefined): Map<string, Map<string, string[]>> {
  const names = new Map<string, Map<string, string[]>>();
  for (const record of records) {
    for (const [stepId, vote] of Object.entries(record.votes)) {
      const byKey = names.get(stepId) ?? new Map<string, string[]>();
      names.set(stepId, byKey);
      for (const [key] of countedValues(vote.value, dialogue && stepById(dialogue, stepId), vote.display)) byKey.set(key, [...(byKey.get(key) ?? []), vote.name]);
    }
  }
  for (const byKey of names.values()) for (const list of byKey.values()) list.sort((a, b) => a.localeCompare(b, 'nl'));
  return names;
}

