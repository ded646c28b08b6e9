import type { Store, WriteOptions } from './port.js';

interface Entry {
  value: unknown;
  expiresAt?: number;
}

/** The storage port in memory: for tests and the terminal. Values are copied in and out; updates per key are serialised. */
export function createMemoryStore(opts: { now?: () => number } = {}): Store {
  const now = opts.now ?? Date.now;
  const data = new Map<string, Entry>();
  const tails = new Map<string, Promise<unknown>>();
  const live = (key: string): Entry | undefined => {
    const e = data.get(key);
    if (e && e.expiresAt !== undefined && e.expiresAt <= now()) {
      data.delete(key);
      return undefined;
    }
    return e;
  };

  return {
    async get<T>(key: string) {
      const e = live(key);
      return e ? (structuredClone(e.value) as T) : undefined;
    },
    update<T>(key: string, fn: (current: T | undefined) => T | undefined, options: WriteOptions = {}) {
      const run = (tails.get(key) ?? Promise.resolve())
        .catch(() => undefined) // a failed update must not block the next one
        .then(() => {
          const e = live(key);
          const next = fn(e ? (structuredClone(e.value) as T) : undefined);
          if (next === undefined) data.delete(key);
          else data.set(key, { value: structuredClone(next), ...(options.ttlMs !== undefined ? { expiresAt: now() + options.ttlMs } : {}) });
          return next === undefined ? undefined : (structuredClone(next) as T);
        });
      tails.set(key, run);
      void run.finally(() => tails.get(key) === run && tails.delete(key)).catch(() => undefined);
      return run;
    },
    async delete(key: string) {
      data.delete(key);
    },
    async list(prefix: string) {
      return [...data.keys()].filter((k) => k.startsWith(prefix) && live(k) !== undefined);
    },
    async ping() {
      return true;
    },
    async close() {
      await Promise.allSettled([...tails.values()]);
    },
  };
}
