/**
 * The turns in flight, so SIGTERM can stop taking requests, let every running turn finish (state written,
 * replies sent) and only then close the store. Slack's turns run on after the HTTP ack, so the HTTP server's
 * own connection tracking is not enough.
 */
export interface Inflight {
  /** Runs `work` as a tracked turn. */
  track<T>(work: Promise<T>): Promise<T>;
  readonly count: number;
  /** True once drain() was called: the app answers 503 to new work. */
  readonly draining: boolean;
  /** Resolves when nothing is in flight, or after `timeoutMs` with whatever still runs (returns that count). */
  drain(timeoutMs: number): Promise<number>;
}

export function createInflight(): Inflight {
  const running = new Set<Promise<unknown>>();
  let draining = false;
  return {
    track(work) {
      running.add(work);
      void work.then(
        () => running.delete(work),
        () => running.delete(work),
      );
      return work;
    },
    get count() {
      return running.size;
    },
    get draining() {
      return draining;
    },
    async drain(timeoutMs) {
      draining = true;
      const deadline = Date.now() + timeoutMs;
      // new turns can start while older ones finish (a Slack retry already accepted): loop until empty
      while (running.size > 0 && Date.now() < deadline) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([Promise.allSettled([...running]), new Promise((r) => (timer = setTimeout(r, deadline - Date.now())))]);
        clearTimeout(timer);
      }
      return running.size;
    },
  };
}
