/** Runs async work one at a time per key, so read-modify-write of one key never interleaves. */
export interface KeyedMutex {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Resolves when everything queued so far has finished. */
  idle(): Promise<void>;
}

export function createKeyedMutex(): KeyedMutex {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, work: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      // a failed operation must not block the next one on the same key
      const next = previous.catch(() => undefined).then(work);
      tails.set(key, next);
      void next
        .catch(() => undefined)
        .finally(() => {
          if (tails.get(key) === next) tails.delete(key);
        });
      return next;
    },
    async idle() {
      await Promise.allSettled([...tails.values()]);
    },
  };
}
