import type { Cached, Change } from './entry.js';

/** Where a key's entry is on disk and, once known, when it expires (unknown: counts as live). */
export interface Indexed {
  readonly file: string;
  expiresAt?: number;
}

/** What a key looked like in memory, to go back to after a failed append. */
export interface KeyState {
  readonly indexed: Indexed | undefined;
  readonly cached: Cached | undefined;
}

/**
 * Every key of the data folder (from the file names at open, then kept up to date by every change), and the
 * recently used values. This process is the only writer of its data folder, so a turn reads its
 * conversation from memory; values are kept as JSON text, so nobody can change a stored value from outside.
 */
export interface KeyIndex {
  /** A key file found at open. */
  found(key: string, file: string, expiresAt?: number): void;
  known(key: string): Indexed | undefined;
  keys(): string[];
  /** Keys that start with `prefix` and are not known to have expired at `now`. */
  list(prefix: string, now: number): string[];
  cached(key: string): Cached | undefined;
  remember(key: string, value: Cached): void;
  /** Makes a change visible: a value is indexed (its file stays where it was), a delete forgets the key. */
  apply(key: string, change: Change): void;
  stateOf(key: string): KeyState;
  restore(key: string, state: KeyState): void;
}

export function createKeyIndex(opts: { fileOf: (key: string) => string; cacheEntries: number }): KeyIndex {
  const index = new Map<string, Indexed>();
  const cache = new Map<string, Cached>();
  const remember = (key: string, value: Cached): void => {
    cache.delete(key); // to the back: the front is the least recently used
    cache.set(key, value);
    if (cache.size > opts.cacheEntries) cache.delete(cache.keys().next().value as string);
  };
  return {
    found: (key, file, expiresAt) => void index.set(key, { file, expiresAt }),
    known: (key) => index.get(key),
    keys: () => [...index.keys()],
    list: (prefix, now) => [...index].filter(([k, v]) => k.startsWith(prefix) && (v.expiresAt === undefined || v.expiresAt > now)).map(([k]) => k),
    cached: (key) => cache.get(key),
    remember,
    apply(key, change) {
      if (change === null) {
        index.delete(key);
        cache.delete(key);
      } else {
        index.set(key, { file: index.get(key)?.file ?? opts.fileOf(key), expiresAt: change.expiresAt });
      }
    },
    stateOf: (key) => ({ indexed: index.get(key), cached: cache.get(key) }),
    restore(key, state) {
      if (state.indexed) index.set(key, state.indexed);
      else index.delete(key);
      if (state.cached) remember(key, state.cached);
      else cache.delete(key);
    },
  };
}
