import type { Dialogue, Step } from '../../knowledge/dialogue-schema.js';
import type { TallyCount } from '../replies.js';
import { answerFits, displayAnswer, stepById, type AnswerValue } from './answers.js';
import { kindOf, kindOfAnswer } from './kinds/kind-of.js';

/** The answers of a group to one step, counted. */
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

/** One member's answer to one step of a session. */
export interface Vote {
  readonly name: string;
  readonly value: AnswerValue;
  /** The answer as shown when given, so a summary survives a removed dialogue. */
  readonly display: string;
}

export const EMPTY_TALLY: StepTally = { respondents: 0, counts: {}, labels: {}, texts: {} };

export function makeVote(step: Step, member: { name: string }, value: AnswerValue): Vote {
  return { name: member.name, value, display: displayAnswer(step, value) };
}

/** The tally keys an answer counts for, with their labels (`step`: absent when it was removed). */
export function countedValues(value: AnswerValue, step: Step | undefined, display: string): Array<readonly [key: string, label: string]> {
  if (value.kind === 'skipped') return [['skipped', 'overgeslagen']];
  return kindOfAnswer(value).counted(step?.kind === value.kind ? step : undefined, value, display);
}

/** How often a value was counted; a count below zero (changes counted out of order) reads as zero. */
export const counted = (tally: StepTally, key: string): number => Math.max(0, tally.counts[key] ?? 0);

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

/** Tallies counted from scratch from members' answers; answers that do not fit the dialogue are left out. */
export function tallyAll(dialogue: Dialogue | undefined, members: ReadonlyArray<{ memberId: string; rev: number; votes: Readonly<Record<string, Vote>> }>): Record<string, StepTally> {
  const tallies: Record<string, StepTally> = {};
  for (const member of members) {
    for (const [stepId, vote] of Object.entries(member.votes)) {
      const step = dialogue && stepById(dialogue, stepId);
      if (dialogue && (!step || !answerFits(step, vote.value))) continue;
      const fitted = step ? { ...vote, display: displayAnswer(step, vote.value) } : vote;
      tallies[stepId] = recount(tallies[stepId], step, member.memberId, undefined, fitted, member.rev);
    }
  }
  return tallies;
}

/** A step's tally as shown: counts per option or score (and skips, if any), by tally key; the free-text answers; the respondents. */
export function countsOf(step: Step, tally: StepTally | undefined): { counts: Array<TallyCount & { key: string }>; texts: Array<{ name: string; text: string }>; respondents: number } {
  const t = tally ?? EMPTY_TALLY;
  const counts = kindOf(step).tallyKeys(step).map(([key, label]) => ({ key, label, count: counted(t, key) }));
  if (counted(t, 'skipped') > 0) counts.push({ key: 'skipped', label: 'overgeslagen', count: counted(t, 'skipped') });
  return { counts, texts: Object.values(t.texts), respondents: Math.max(0, t.respondents) };
}

/** The group's answer to a step from its tally: `passed` tells a skipped step from one not reached. */
export function combined(step: Step, tally: StepTally | undefined, passed: boolean): AnswerValue | undefined {
  const t = tally ?? EMPTY_TALLY;
  const count = (key: string): number => counted(t, key);
  if (t.respondents - count('skipped') <= 0) return passed ? { kind: 'skipped' } : undefined;
  return kindOf(step).groupAnswer(step, { count, texts: Object.values(t.texts).map((x) => x.text) });
}
