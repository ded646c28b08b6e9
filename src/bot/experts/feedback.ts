import { userPrefix } from '../keys.js';
import { notice, type Reply } from '../replies.js';
import type { Turn } from '../turn.js';
import { askAboutConceptAction } from './answer-extras.js';
import { texts } from '../texts.js';
import { expertTexts as t } from './texts.js';

/**
 * "Nuttig? ja / nee" under a concept answer. One vote per user and concept: the user's vote is kept under their
 * own prefix (`user:<id>:feedback:<concept>`, with the retention TTL, so "vergeet mij" erases it), and the
 * counts per concept, without user ids, in `feedback:counts`. A changed vote moves one count to the other.
 */
export type Vote = 'ja' | 'nee';
export type FeedbackCounts = Record<string, { ja: number; nee: number }>;

export const FEEDBACK_COUNTS_KEY = 'feedback:counts';
export const feedbackKey = (actorId: string, conceptId: string): string => `${userPrefix({ id: actorId })}feedback:${encodeURIComponent(conceptId)}`;

interface StoredVote {
  readonly v: Vote;
  readonly at: number;
}

export async function vote(turn: Turn, conceptId: string, v: Vote): Promise<Reply[]> {
  // only concepts of the live knowledge are counted: the counts (and their metric labels) stay a bounded set
  if (!turn.snapshot.conceptsById.has(conceptId)) return [notice(texts.lookup.unknownConcept, [], { private: true })];
  // set inside the update, read after it: a store may run the update function more than once
  let previous: Vote | undefined;
  await turn.store.update<StoredVote>(feedbackKey(turn.event.actor.id, conceptId), (current) => {
    previous = current?.v;
    return { v, at: turn.now };
  }, { ttlMs: turn.ttlMs });
  if (previous === v) return [notice(t.feedback.same, v === 'nee' ? [askAboutConceptAction(conceptId)] : [], { private: true })];
  await turn.store.update<FeedbackCounts>(FEEDBACK_COUNTS_KEY, (counts) => {
    const all = { ...(counts ?? {}) };
    const own = { ...(all[conceptId] ?? { ja: 0, nee: 0 }) };
    own[v] += 1;
    if (previous) own[previous] = Math.max(0, own[previous] - 1);
    all[conceptId] = own;
    return all;
  });
  return v === 'ja'
    ? [notice(t.feedback.thanksYes, [], { private: true })]
    : [notice(t.feedback.thanksNo, [askAboutConceptAction(conceptId)], { private: true })];
}
