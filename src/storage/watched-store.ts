import type { FaultLog } from './fault-log.js';
import { StoreError, type Store } from './port.js';

/** How /readyz sees the store. */
export type StoreHealth = 'ok' | 'unavailable' | 'writes failing';

export interface WatchedStore extends Store {
  /** 'unavailable': no answer to its ping; 'writes failing': it answers, but writes fail (and a probe write too). */
  health(): Promise<StoreHealth>;
}

/** The key a health check writes while writes fail, to see whether they work again. */
export const PROBE_KEY = 'ops:store-probe';

/**
 * The store as the app uses it: every store fault goes to the fault log, and a failed write is remembered,
 * because a store can answer its ping while every write fails (a full disk under lowdb, a Redis at its memory
 * limit or read only). While a failure is remembered, each health check tries a small write (the probe key,
 * with a minute to live); the first that works clears it, so /readyz recovers by itself. A damaged entry
 * (STORE_CORRUPT) is one key's problem, not the store's: it is logged but leaves the health alone.
 */
export function watchStore<S extends Store>(inner: S, faults: FaultLog): S & WatchedStore {
  let writesFailing = false;

  function watched<T>(op: string, work: Promise<T>, isWrite: boolean): Promise<T> {
    return work.catch((err: unknown) => {
      if (err instanceof StoreError) {
        faults.report(err, op);
        if (isWrite && err.code !== 'STORE_CORRUPT') writesFailing = true;
      }
      throw err;
    });
  }

  async function health(): Promise<StoreHealth> {
    if (!(await inner.ping().catch(() => false))) return 'unavailable';
    if (!writesFailing) return 'ok';
    try {
      await inner.update(PROBE_KEY, () => Date.now(), { ttlMs: 60_000 });
      writesFailing = false;
      return 'ok';
    } catch (err) {
      if (err instanceof StoreError) faults.report(err, 'probe');
      return 'writes failing';
    }
  }

  return {
    ...inner,
    get: (key) => watched('get', inner.get(key), false),
    update: (key, fn, options) => watched('update', inner.update(key, fn, options), true),
    delete: (key) => watched('delete', inner.delete(key), true),
    list: (prefix) => watched('list', inner.list(prefix), false),
    ping: async () => (await health()) === 'ok',
    health,
    async close() {
      await inner.close();
      faults.close();
    },
  };
}

export function isWatchedStore(store: Store): store is WatchedStore {
  return 'health' in store && typeof store.health === 'function';
}
