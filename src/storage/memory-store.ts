import { createKeyedMutex } from './keyed-mutex.js';
import type { Store, WriteOptions } from './port.js';

interface Entry {
  /** The value as JSON text: every read parses a fresh copy (cheaper than deep clones of big values). */
  json: string;
  expiresAt?: number;
}

/** The storage port in memory: for tests. Values are copied in and out; updates per key are serialised. */
export function createMemoryStore(opts: { now?: () => number } = {}): Store {
  const now = opts.now ?? Date.now;
  const data = new Map<string, Entry>();
  const mutex = createKeyedMutex();
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
      return e ? (JSON.parse(e.json) as T) : undefined;
    },
    update<T>(key: string, fn: (current: T | undefined) => T | undefined, options: WriteOptions = {}) {
      return mutex.run(key, async () => {
        const e = live(key);
        const next = fn(e ? (JSON.parse(e.json) as T) : undefined);
        if (next === undefined) data.delete(key);
        else data.set(key, { json: JSON.stringify(next), ...(options.ttlMs !== undefined ? { expiresAt: now() + options.ttlMs } : {}) });
        return next;
      });
    },
    async delete(key: string) {
      await mutex.run(key, async () => void data.delete(key));
    },
    async list(prefix: string) {
      return [...data.keys()].filter((k) => k.startsWith(prefix) && live(k) !== undefined);
    },
    async ping() {
      return true;
    },
    close: () => mutex.idle(),
  };
}
