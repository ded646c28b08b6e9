import type { UnansweredQuestion } from '../bot/turn.js';
import { foldText } from '../knowledge/normalize.js';
import { errorCode, type Logger } from '../log.js';
import type { Store } from '../storage/port.js';

/**
 * Counts the questions the bot could not answer with confidence ("bedoelde je..." or no match), per
 * normalised query, so admins know which concepts or aliases to add. Nothing personal is kept: no user,
 * no conversation, no time per user; numbers of three digits or more, also written in groups (phone,
 * citizen service or case numbers), become `#`. Counts are buffered in memory and added to the shared
 * store every few seconds, so a lookup never waits for a write and several instances add up instead of
 * overwriting each other.
 */
export type UnansweredOutcome = UnansweredQuestion['outcome'];

export interface UnansweredLog {
  note(query: string, outcome: UnansweredOutcome): void;
  /** The most asked first (ties: most recent first). Flushes pending counts first. */
  top(limit: number): Promise<UnansweredQuestion[]>;
  flush(): Promise<void>;
  close(): Promise<void>;
}

export const UNANSWERED_KEY = 'ops:unanswered';
const MAX_QUERY_LENGTH = 120;

/** As kept in the store: normalised query -> count, last time (ms), last outcome. */
export type StoredUnanswered = Record<string, { n: number; t: number; o: UnansweredOutcome }>;

/** Most asked first; among equals, the most recent first. */
const askedMost = ([, a]: [string, StoredUnanswered[string]], [, b]: [string, StoredUnanswered[string]]): number => b.n - a.n || b.t - a.t;

/** The `limit` most asked questions of the stored counts (chat and CLI show the same list). */
export function rankUnanswered(stored: StoredUnanswered, limit: number): UnansweredQuestion[] {
  return Object.entries(stored)
    .sort(askedMost)
    .slice(0, limit)
    .map(([query, e]) => ({ query, count: e.n, lastSeen: new Date(e.t).toISOString(), outcome: e.o }));
}

export function normaliseQuery(query: string): string {
  // digits in groups ("06 12 34 56 78", "1234 AB") count together
  const masked = foldText(query).replace(/\d+(?: \d+)*/g, (run) => (run.replace(/ /g, '').length >= 3 ? '#' : run));
  return masked.slice(0, MAX_QUERY_LENGTH).trim();
}

export function createUnansweredLog(opts: { store: Store; log: Logger; now?: () => number; flushEveryMs?: number; maxEntries?: number }): UnansweredLog {
  const now = opts.now ?? Date.now;
  const max = opts.maxEntries ?? 1000;
  let pending: StoredUnanswered = {};
  let flushing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => void flush(), opts.flushEveryMs ?? 5000);
  timer.unref();

  function flush(): Promise<void> {
    flushing = flushing.then(async () => {
      const batch = pending;
      if (Object.keys(batch).length === 0) return;
      pending = {};
      try {
        await opts.store.update<StoredUnanswered>(UNANSWERED_KEY, (current) => prune(merge({ ...(current ?? {}) }, batch), max));
      } catch (err) {
        // keep the counts for the next try rather than lose them
        pending = merge(batch, pending);
        opts.log.warn({ err: errorCode(err) }, 'could not save unanswered-question counts');
      }
    });
    return flushing;
  }

  return {
    note(query, outcome) {
      const q = normaliseQuery(query);
      if (!q) return;
      const e = pending[q];
      pending[q] = { n: (e?.n ?? 0) + 1, t: now(), o: outcome };
      // a burst of distinct questions must not grow memory without bound between flushes
      if (Object.keys(pending).length > max) void flush();
    },
    async top(limit) {
      await flush();
      return rankUnanswered((await opts.store.get<StoredUnanswered>(UNANSWERED_KEY)) ?? {}, limit);
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}

function merge(into: StoredUnanswered, add: StoredUnanswered): StoredUnanswered {
  for (const [q, e] of Object.entries(add)) {
    const old = into[q];
    into[q] = old ? { n: old.n + e.n, t: Math.max(old.t, e.t), o: e.t >= old.t ? e.o : old.o } : e;
  }
  return into;
}

/** Keeps the `max` most asked (then most recent) queries, so the list stays small. */
function prune(all: StoredUnanswered, max: number): StoredUnanswered {
  const entries = Object.entries(all);
  if (entries.length <= max) return all;
  return Object.fromEntries(entries.sort(askedMost).slice(0, max));
}
