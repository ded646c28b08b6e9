/**
 * Remembers recently seen event ids, so a platform's redelivery (Slack retries the same event_id when our
 * 200 was late) never runs a turn twice. In memory, bounded and time-limited: one instance sees all its own
 * retries. Several instances behind a load balancer need a shared marker (the Redis store, issue 7).
 */
export interface Deduper {
  /** True the first time an id is seen within the time window. */
  firstDelivery(id: string): boolean | Promise<boolean>;
}

export function createMemoryDeduper(opts: { ttlMs?: number; maxIds?: number; now?: () => number } = {}): Deduper {
  const ttl = opts.ttlMs ?? 60 * 60 * 1000;
  const max = opts.maxIds ?? 100_000;
  const now = opts.now ?? Date.now;
  const seen = new Map<string, number>();
  return {
    firstDelivery(id) {
      const t = now();
      const at = seen.get(id);
      if (at !== undefined && t - at < ttl) return false;
      seen.delete(id);
      seen.set(id, t);
      // the oldest ids go first (Map keeps insertion order)
      while (seen.size > max) seen.delete(seen.keys().next().value as string);
      return true;
    },
  };
}
