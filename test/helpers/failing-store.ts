import { createMemoryStore } from '../../src/storage/memory-store.js';
import { StoreError, type Store } from '../../src/storage/port.js';

/**
 * A memory store that fails on demand, as in operation: reads as if the store were down
 * (STORE_UNAVAILABLE), writes as if the disk were full (STORE_WRITE_FAILED). `inner` is what is stored.
 */
export function createFailingStore(): { store: Store; inner: Store; fail(on: boolean): void } {
  const inner = createMemoryStore();
  let failing = false;
  const store: Store = {
    ...inner,
    get: (k) => (failing ? Promise.reject(new StoreError('STORE_UNAVAILABLE', 'down')) : inner.get(k)),
    update: (k, fn, o) => (failing ? Promise.reject(new StoreError('STORE_WRITE_FAILED', 'disk full')) : inner.update(k, fn, o)),
  };
  return { store, inner, fail: (on) => void (failing = on) };
}
