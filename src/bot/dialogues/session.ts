import { type Dialogue, type Step } from '../../knowledge/dialogue-schema.js';
import type { ValidDialogue } from '../../knowledge/validate-dialogues.js';
import type { TallyCount } from '../replies.js';
import { promptOf, stepById, type AnswerLookup, type AnswerValue } from './answers.js';
import { isAtEnd, startPosition, type Position } from './position.js';
import { combined, countsOf, recount, tallyAll, type StepTally, type Vote } from './tally.js';

/**
 * A group dialogue in a channel or group chat: everyone answers, the lead moves on. Plain JSON.
 *
 * The session holds the running count of every step, not the answers themselves: each member's answers
 * are in their own record (`MemberVotes`, one store key per member). A vote then changes one small record
 * and a few counters, whatever the size of the channel; with all answers inside the session, every vote
 * reread and rewrote all of them (0.8 ms per vote at 500 members, against 0.07 ms at 30).
 */
export interface GroupSession extends Position {
  readonly leadId: string;
  readonly leadName: string;
  /** The lead chose to show names in the summary. */
  readonly named: boolean;
  /** step id -> the counted answers to that step. */
  readonly tallies: Readonly<Record<string, StepTally>>;
  /** Title and prompt of every step shown, so the summary survives a changed dialogue. */
  readonly shown: Readonly<Record<string, { title: string; prompt: string }>>;
  readonly closed: boolean;
  /** Grows with every change, so a renderer can drop a tally update that arrives after a newer one. */
  readonly seq: number;
  /**
   * Member id -> the platform's viewer id (see `Actor.viewerId`), for cards shown to each member their own way:
   * the lead and everyone who answered. Members who never acted are not listed: their view is the shared card,
   * and a first click lists them. At most MAX_VIEWERS; `crowded` once more members acted than that.
   */
  readonly viewers?: Readonly<Record<string, string>>;
  readonly crowded?: boolean;
}

/** Per-member views for at most this many members (Teams' limit for a card's refresh); a larger group shares one card. */
export const MAX_VIEWERS = 60;

/** The session with `member` among its viewers (unchanged when the platform has no viewer id or the list is full). */
export function withViewer(session: GroupSession, member: { id: string; viewerId?: string }): GroupSession {
  const viewers = session.viewers ?? {};
  if (!member.viewerId || viewers[member.id] === member.viewerId) return session;
  if (!(member.id in viewers) && Object.keys(viewers).length >= MAX_VIEWERS) return session.crowded ? session : { ...session, crowded: true };
  return { ...session, viewers: { ...viewers, [member.id]: member.viewerId } };
}

/** One member's answers in one session: one answer per step, changeable until the lead moves on. */
export interface MemberVotes {
  readonly sessionId: string;
  readonly conversationKey: string;
  readonly memberId: string;
  /** Grows with every change of this record. */
  readonly rev: number;
  readonly votes: Readonly<Record<string, Vote>>;
}

/** A session as stored before version 0.2: every member's answer inside it. */
export interface LegacyGroupSession extends Omit<GroupSession, 'tallies'> {
  readonly votes: Readonly<Record<string, Readonly<Record<string, Vote>>>>;
}

export const isLegacySession = (s: GroupSession | LegacyGroupSession): s is LegacyGroupSession => !('tallies' in s) && 'votes' in s;

export function startSession(entry: ValidDialogue, id: string, lead: { id: string; name: string; viewerId?: string }, named: boolean, now: number): GroupSession {
  const session: GroupSession = { ...startPosition(entry, id, now), leadId: lead.id, leadName: lead.name, named, tallies: {}, shown: {}, closed: false, seq: 0 };
  return withViewer({ ...session, shown: shownWith(session, entry.dialogue) }, lead);
}

/** What was shown, with the current step added. */
function shownWith(session: GroupSession, dialogue: Dialogue): GroupSession['shown'] {
  const step = stepById(dialogue, session.stepId);
  return step ? { ...session.shown, [step.id]: { title: step.title, prompt: promptOf(step) } } : session.shown;
}

/** After the session moved: the step now shown is remembered, the change counted, the end closes it. */
export function sessionMoved(session: GroupSession, dialogue: Dialogue): GroupSession {
  return { ...session, shown: shownWith(session, dialogue), closed: session.closed || isAtEnd(session), seq: session.seq + 1 };
}

export function closeSession(session: GroupSession, now: number): GroupSession {
  return { ...session, closed: true, history: isAtEnd(session) ? session.history : [...session.history, session.stepId], seq: session.seq + 1, updatedAt: now };
}

/** A member's vote counted in the session (or taken back when `after` is undefined). */
export function countVote(session: GroupSession, step: Step | undefined, stepId: string, memberId: string, before: Vote | undefined, after: Vote | undefined, rev: number, now: number): GroupSession {
  const tallies = { ...session.tallies, [stepId]: recount(session.tallies[stepId], step, memberId, before, after, rev) };
  return { ...session, tallies, seq: session.seq + 1, updatedAt: now };
}

/** The group's answer to a step, for branches and conclusions: most chosen choice, all chosen options, lower median score. */
export function groupAnswer(session: GroupSession, step: Step | undefined): AnswerValue | undefined {
  return step ? combined(step, session.tallies[step.id], session.history.includes(step.id)) : undefined;
}

export const groupAnswers = (session: GroupSession, dialogue: Dialogue | undefined): AnswerLookup => (id) => groupAnswer(session, dialogue && stepById(dialogue, id));

/** Counts per option (choice, multi), per score (scale); free-text answers listed, named only if chosen. */
export function tallyOf(session: GroupSession, step: Step): { counts: TallyCount[]; texts: string[]; respondents: number } {
  const { counts, texts, respondents } = countsOf(step, session.tallies[step.id]);
  return { counts: counts.map(({ label, count }) => ({ label, count })), texts: texts.map((t) => textLine(session, t)), respondents };
}

/** A free-text answer as shown: with the member's name only in a named session. */
export const textLine = (session: GroupSession, t: { name: string; text: string }): string => (session.named ? `${t.name}: ${t.text}` : t.text);

/** The session recounted from the members' records on a changed dialogue: answers that no longer fit drop out. */
export function recounted(session: GroupSession, dialogue: Dialogue, records: readonly MemberVotes[]): GroupSession {
  return { ...session, tallies: tallyAll(dialogue, records) };
}

/** A session stored before version 0.2 as the new session and its members' records (`dialogue`: the one it was pinned to, if still there). */
export function splitLegacySession(legacy: LegacyGroupSession, conversationKey: string, dialogue: Dialogue | undefined): { session: GroupSession; records: MemberVotes[] } {
  const byMember = new Map<string, Record<string, Vote>>();
  for (const [stepId, votes] of Object.entries(legacy.votes)) {
    for (const [memberId, vote] of Object.entries(votes)) byMember.set(memberId, { ...(byMember.get(memberId) ?? {}), [stepId]: vote });
  }
  const records = [...byMember].map(([memberId, votes]): MemberVotes => ({ sessionId: legacy.id, conversationKey, memberId, rev: 1, votes }));
  const { votes: _votes, ...rest } = legacy;
  return { session: { ...rest, tallies: tallyAll(dialogue, records) }, records };
}

