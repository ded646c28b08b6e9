/**
 * Serialises in-place message updates per message, dropping any update older than one already sent:
 * when a whole channel votes at once, the tally on screen only ever moves forward.
 */
export interface UpdateQueue {
  /** Runs `send` after earlier sends for `key` finished, unless a newer version was sent meanwhile. */
  run(key: string, version: number, send: () => Promise<void>): Promise<void>;
}

export function createUpdateQueue(): UpdateQueue {
  const tails = new Map<string, Promise<void>>();
  const sent = new Map<string, number>();
  return {
    run(key, version, send) {
      const previous = tails.get(key) ?? Promise.resolve();
      const next = previous
        .catch(() => undefined) // an earlier failed send must not block later ones
        .then(async () => {
          if ((sent.get(key) ?? -1) >= version) return;
          await send();
          sent.set(key, version);
        });
      tails.set(key, next);
      void next.finally(() => {
        if (tails.get(key) === next) {
          tails.delete(key);
          if (sent.size > 10_000) sent.clear(); // bound memory; a stale update after this is harmless
        }
      });
      return next;
    },
  };
}
