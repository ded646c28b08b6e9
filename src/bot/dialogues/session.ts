import { END, type Dialogue, type Step } from '../../knowledge/dialogue-schema.js';
import type { TallyCount } from '../replies.js';
import { answerFits, displayAnswer, nextStepId, stepById, type AnswerValue } from './answers.js';

/**
 * A group dialogue in a channel or group chat: everyone answers, the lead moves on. Plain JSON.
 *
 * The session holds the running count of every step, not the answers themselves: each member's answers
 * are in their own record (`MemberVotes`, one store key per member). A vote then changes one small record
 * and a few counters, whatever the size of the channel; with all answers inside the session, every vote
 * reread and rewrote all of them (0.8 ms per vote at 500 members, against 0.07 ms at 30).
 */
export interface GroupSession {
  readonly id: string;
  readonly dialogueId: string;
  readonly dialogueTitle: string;
  readonly hash: string;
  readonly leadId: string;
  readonly leadName: string;
  /** The lead chose to show names in the summary. */
  readonly named: boolean;
  readonly stepId: string;
  readonly history: readonly string[];
  /** step id -> the counted answers to that step. */
  readonly tallies: Readonly<Record<string, StepTally>>;
  /** Title and prompt of every step shown, so the summary survives a changed dialogue. */
  readonly shown: Readonly<Record<string, { title: string; prompt: string }>>;
  readonly closed: boolean;
  /** Grows with every change, so a renderer can drop a tally update that arrives after a newer one. */
  readonly seq: number;
  readonly startedAt: number;
  readonly updatedAt: number;
}

/** The answers to one step, counted. */
export interface StepTally {
  /** Members who answered (a skip is an answer). */
  readonly respondents: number;
  /** How often each value was chosen: `c:<choice id>` (choice and multi), `s:<score>` or `skipped`. */
  readonly counts: Readonly<Record<string, number>>;
  /** The label of every counted value as shown when it was given, for a step later removed from the dialogue. */
  readonly labels: Readonly<Record<string, string>>;
  /** Free-text answers by member id, in the order first given; `rev` orders one member's changes. */
  readonly texts: Readonly<Record<string, { readonly name: string; readonly text: string; readonly rev: number }>>;
}

export interface Vote {
  readonly name: string;
  readonly value: AnswerValue;
  /** The answer as shown when given, so a summary survives a removed dialogue. */
  readonly display: string;
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

export function startSession(dialogue: Dialogue, hash: string, id: string, lead: { id: string; name: string }, named: boolean, now: number): GroupSession {
  const first = dialogue.steps[0]!;
  return {
    id, dialogueId: dialogue.id, dialogueTitle: dialogue.title, hash, leadId: lead.id, leadName: lead.name, named,
    stepId: first.id, history: [], tallies: {}, shown: { [first.id]: shownOf(first) }, closed: false, seq: 0, startedAt: now, updatedAt: now,
  };
}

function shownOf(step: Step): { title: string; prompt: string } {
  return { title: step.title, prompt: 'prompt' in step ? step.prompt : step.text };
}

export function makeVote(step: Step, member: { name: string }, value: AnswerValue): Vote {
  return { name: member.name, value, display: displayAnswer(step, value) };
}

/** The counted values of an answer with their labels (a multi answer counts once per chosen option). */
function countedValues(value: AnswerValue, step: Step | undefined, display: string): Array<[key: string, label: string]> {
  const label = (id: string): string => (step && (step.kind === 'choice' || step.kind === 'multi') ? (step.choices.find((c) => c.id === id)?.label ?? id) : id);
  switch (value.kind) {
    case 'choice':
      return [[`c:${value.id}`, step ? label(value.id) : display]];
    case 'multi':
      return value.ids.map((id) => [`c:${id}`, label(id)]);
    case 'scale':
      return [[`s:${value.score}`, String(value.score)]];
    case 'skipped':
      return [['skipped', 'overgeslagen']];
    case 'text':
      return [];
  }
}

const EMPTY_TALLY: StepTally = { respondents: 0, counts: {}, labels: {}, texts: {} };

/** How often a value was counted; a count below zero (changes counted out of order) reads as zero. */
const counted = (tally: StepTally, key: string): number => Math.max(0, tally.counts[key] ?? 0);

/** Adds `delta` to a count; a count that reaches zero goes. */
function bump(counts: Record<string, number>, key: string, delta: number): void {
  const n = (counts[key] ?? 0) + delta;
  if (n !== 0) counts[key] = n;
  else delete counts[key];
}

/** The free-text answers without `memberId`'s. */
export function withoutText(texts: StepTally['texts'], memberId: string): StepTally['texts'] {
  return Object.fromEntries(Object.entries(texts).filter(([id]) => id !== memberId));
}

/** The free-text answers of a tally as shown: with the member's name only in a named session. */
const textLines = (session: GroupSession, tally: StepTally): string[] => Object.values(tally.texts).map((t) => (session.named ? `${t.name}: ${t.text}` : t.text));

/**
 * One member's answer to a step changed from `before` to `after` (either may be absent): the step's tally
 * afterwards. Counts commute, so changes counted in any order give the same numbers (a count may be below
 * zero in between, so readers take it as at least zero); a free-text answer only replaces one with a
 * lower `rev`.
 */
export function recount(tally: StepTally | undefined, step: Step | undefined, memberId: string, before: Vote | undefined, after: Vote | undefined, rev: number): StepTally {
  const t = tally ?? EMPTY_TALLY;
  const counts: Record<string, number> = { ...t.counts };
  const labels: Record<string, string> = { ...t.labels };
  if (before) for (const [key] of countedValues(before.value, step, before.display)) bump(counts, key, -1);
  if (after) {
    for (const [key, label] of countedValues(after.value, step, after.display)) {
      bump(counts, key, 1);
      labels[key] = label;
    }
  }
  let texts = t.texts;
  const own = t.texts[memberId];
  if (!own || own.rev < rev) {
    if (after?.value.kind === 'text') texts = { ...t.texts, [memberId]: { name: after.name, text: after.value.text, rev } };
    else if (own) texts = withoutText(t.texts, memberId);
  }
  return { respondents: t.respondents + (after ? 1 : 0) - (before ? 1 : 0), counts, labels, texts };
}

/** A member's vote counted in the session (or taken back when `after` is undefined). */
export function countVote(session: GroupSession, step: Step | undefined, stepId: string, memberId: string, before: Vote | undefined, after: Vote | undefined, rev: number, now: number): GroupSession {
  const tallies = { ...session.tallies, [stepId]: recount(session.tallies[stepId], step, memberId, before, after, rev) };
  return { ...session, tallies, seq: session.seq + 1, updatedAt: now };
}

/** Tallies counted from scratch from the members' records; answers that do not fit the dialogue are left out. */
export function tallyAll(dialogue: Dialogue | undefined, records: readonly MemberVotes[]): Record<string, StepTally> {
  const tallies: Record<string, StepTally> = {};
  for (const record of records) {
    for (const [stepId, vote] of Object.entries(record.votes)) {
      const step = dialogue && stepById(dialogue, stepId);
      if (dialogue && (!step || !answerFits(step, vote.value))) continue;
      const fitted = step ? { ...vote, display: displayAnswer(step, vote.value) } : vote;
      tallies[stepId] = recount(tallies[stepId], step, record.memberId, undefined, fitted, record.rev);
    }
  }
  return tallies;
}

/** The group's answer to a step, for branches and conclusions: most chosen choice, all chosen options, lower median score. */
export function groupAnswer(session: GroupSession, step: Step | undefined): AnswerValue | undefined {
  if (!step) return undefined;
  const tally = session.tallies[step.id] ?? EMPTY_TALLY;
  const count = (key: string): number => counted(tally, key);
  if (tally.respondents - count('skipped') <= 0) return session.history.includes(step.id) ? { kind: 'skipped' } : undefined;
  switch (step.kind) {
    case 'choice': {
      const best = step.choices.reduce((a, b) => (count(`c:${b.id}`) > count(`c:${a.id}`) ? b : a));
      return { kind: 'choice', id: best.id };
    }
    case 'multi':
      return { kind: 'multi', ids: step.choices.filter((c) => count(`c:${c.id}`) > 0).map((c) => c.id) };
    case 'scale': {
      const scores = [1, 2, 3, 4, 5].flatMap((n) => Array<number>(count(`s:${n}`)).fill(n));
      if (scores.length === 0) return undefined;
      return { kind: 'scale', score: scores[Math.floor((scores.length - 1) / 2)]! };
    }
    case 'text': {
      const first = Object.values(tally.texts)[0];
      return first ? { kind: 'text', text: first.text } : undefined;
    }
    case 'info':
      return undefined;
  }
}

export function advanceSession(session: GroupSession, dialogue: Dialogue, now: number): GroupSession {
  const stepId = nextStepId(dialogue, session.stepId, (id) => groupAnswer(session, stepById(dialogue, id)));
  const next = stepById(dialogue, stepId);
  return {
    ...session,
    stepId,
    history: [...session.history, session.stepId],
    shown: next ? { ...session.shown, [next.id]: shownOf(next) } : session.shown,
    closed: stepId === END,
    seq: session.seq + 1,
    updatedAt: now,
  };
}

export function closeSession(session: GroupSession, now: number): GroupSession {
  return { ...session, closed: true, history: session.stepId === END ? session.history : [...session.history, session.stepId], seq: session.seq + 1, updatedAt: now };
}

/** Counts per option (choice, multi), per score (scale); free-text answers listed, named only if chosen. */
export function tallyOf(session: GroupSession, step: Step): { counts: TallyCount[]; texts: string[]; respondents: number } {
  const tally = session.tallies[step.id] ?? EMPTY_TALLY;
  const count = (key: string): number => counted(tally, key);
  const texts = textLines(session, tally);
  let counts: TallyCount[] = [];
  if (step.kind === 'choice' || step.kind === 'multi') counts = step.choices.map((c) => ({ label: c.label, count: count(`c:${c.id}`) }));
  else if (step.kind === 'scale') counts = [1, 2, 3, 4, 5].map((n) => ({ label: String(n), count: count(`s:${n}`) }));
  if (count('skipped') > 0) counts.push({ label: 'overgeslagen', count: count('skipped') });
  return { counts, texts, respondents: Math.max(0, tally.respondents) };
}

/** The tally of a step the dialogue no longer has, as summary lines with the labels shown when the answers were given. */
export function orphanTallyLines(session: GroupSession, stepId: string): string[] {
  const tally = session.tallies[stepId] ?? EMPTY_TALLY;
  return [
    ...Object.entries(tally.counts).filter(([, n]) => n > 0).map(([key, n]) => `${tally.labels[key] ?? key}: ${n}`),
    ...textLines(session, tally),
  ];
}

/**
 * Moves a session onto a changed definition of its dialogue, recounted from the members' records: answers
 * that no longer fit are left out.
 */
export function migrateSession(session: GroupSession, dialogue: Dialogue, hash: string, records: readonly MemberVotes[], now: number): GroupSession {
  const tallies = tallyAll(dialogue, records);
  const history = session.history.filter((id) => stepById(dialogue, id));
  let stepId = session.stepId;
  if (stepId !== END && !stepById(dialogue, stepId)) {
    const last = history.at(-1);
    const moved = { ...session, tallies };
    stepId = last === undefined ? dialogue.steps[0]!.id : nextStepId(dialogue, last, (id) => groupAnswer(moved, stepById(dialogue, id)));
  }
  const current = stepById(dialogue, stepId);
  const shown = current ? { ...session.shown, [current.id]: shownOf(current) } : session.shown;
  return { ...session, dialogueTitle: dialogue.title, hash, tallies, history, stepId, shown, closed: session.closed || stepId === END, seq: session.seq + 1, updatedAt: now };
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
