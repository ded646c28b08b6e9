import type { Address } from '../events.js';
import type { Turn } from '../turn.js';

/**
 * A question for the content team, stored under `expert:question:<id>` with the retention TTL (renewed on every
 * change): the asker's question and the expert's answer are personal data. The asker's name is kept only with
 * their consent; their id only so that "vergeet mij" finds the question.
 */
export interface ExpertQuestion {
  readonly id: string;
  readonly question: string;
  readonly asker: {
    readonly id: string;
    /** Only when the asker agreed that the experts may see it. */
    readonly name?: string;
    /** Where the answer goes: the asker's own chat. */
    readonly address: Address;
  };
  /** Asked under the answer about this concept. */
  readonly conceptId?: string;
  /** Where the experts' card was posted (the experts' channel at the time). */
  readonly channel: Address;
  readonly askedAt: number;
  readonly updatedAt: number;
  readonly status: QuestionStatus;
  /** Who handled it (name shown on the card and in proposals as an editor's note). */
  readonly expert?: { readonly id: string; readonly name: string };
  readonly answer?: string;
  readonly linkedConceptId?: string;
  /** Whether the outcome reached the asker. */
  readonly delivery?: 'delivered' | 'failed';
  /** Grows with every change: the card with the highest version is the current one. */
  readonly version: number;
}

export type QuestionStatus = 'open' | 'answered' | 'linked' | 'declined';

export const QUESTION_PREFIX = 'expert:question:';
export const questionKey = (id: string): string => `${QUESTION_PREFIX}${encodeURIComponent(id)}`;
export const questionCardKey = (id: string): string => `expert:${id}`;

/** The longest question and answer we keep (a question is one message, an answer a few paragraphs). */
export const QUESTION_MAX = 1000;
export const ANSWER_MAX = 3000;

export function readQuestion(turn: Turn, id: string): Promise<ExpertQuestion | undefined> {
  return turn.store.get<ExpertQuestion>(questionKey(id));
}

export async function saveQuestion(turn: Turn, question: ExpertQuestion): Promise<void> {
  await turn.store.update<ExpertQuestion>(questionKey(question.id), () => question, { ttlMs: turn.ttlMs });
}

/**
 * Changes a question atomically when `change` allows it (returns the new record) and tells which record won:
 * `changed` false means another expert was first or the question is gone, and `question` is what is stored.
 */
export async function changeQuestion(
  turn: Turn,
  id: string,
  change: (q: ExpertQuestion) => Omit<ExpertQuestion, 'version' | 'updatedAt'> | undefined,
): Promise<{ changed: boolean; question: ExpertQuestion | undefined }> {
  // set inside the update, read after it: a store may run the update function more than once (Redis on a conflict)
  let changed = false;
  const stored = await turn.store.update<ExpertQuestion>(questionKey(id), (current) => {
    changed = false;
    if (!current) return undefined;
    const next = change(current);
    if (!next) return current;
    changed = true;
    return { ...next, version: current.version + 1, updatedAt: turn.now };
  }, { ttlMs: turn.ttlMs });
  return { changed, question: stored };
}
