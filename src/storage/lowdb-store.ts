import { createHash } from 'node:crypto';
import { access, mkdir, readdir, unlink, constants } from 'node:fs/promises';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { DataFile, TextFile } from 'lowdb/node';
import { createKeyedMutex } from './keyed-mutex.js';
import { StoreError, type Store, type WriteOptions } from './port.js';

/**
 * The embedded store: lowdb with ONE SMALL FILE PER KEY under `dir/<shard>/`. A single lowdb file rewrites
 * everything on each write (9 ms at 1,000 conversations, 75 ms at 10,000), so a turn here writes only its
 * own conversation's file, whatever the number of stored conversations. lowdb's JSONFile (steno) writes a
 * temp file and renames it, so a file is either the old or the new version, never half.
 */

export interface Entry {
  readonly key: string;
  readonly value: unknown;
  readonly expiresAt?: number;
}

export interface LowdbStore extends Store {
  /** Deletes the files of expired entries; returns how many. Runs at open and every hour. */
  sweepExpired(): Promise<number>;
}

export interface LowdbStoreOptions {
  readonly dir: string;
  readonly now?: () => number;
  /** For tests: the lowdb adapter per file (default: JSONFile). */
  readonly adapter?: (file: string) => Adapter<Entry | null>;
  readonly sweepEveryMs?: number;
  /** Sweep expired entries right after opening (default true; benchmarks turn it off). */
  readonly sweepAtOpen?: boolean;
  /** How many entries to keep in memory (default 5,000). */
  readonly cacheEntries?: number;
}

interface Cached {
  /** The value as JSON text. */
  readonly json: string;
  readonly expiresAt?: number;
}

interface Indexed {
  readonly file: string;
  /** Known once the file was read or written; unknown entries count as live. */
  expiresAt?: number;
}

const MAX_PLAIN_NAME = 180;

/** File name of a key: readable when short (so the index needs no reads at open), a hash when long. */
function fileName(key: string): string {
  const plain = encodeURIComponent(key).replace(/\./g, '%2E');
  return plain.length <= MAX_PLAIN_NAME ? `${plain}.json` : `h-${createHash('sha1').update(key).digest('hex')}.json`;
}

function shardOf(key: string): string {
  return createHash('sha1').update(key).digest('hex').slice(0, 2);
}

export async function createLowdbStore(opts: LowdbStoreOptions): Promise<LowdbStore> {
  const now = opts.now ?? Date.now;
  const root = path.resolve(opts.dir);
  // compact JSON (lowdb's JSONFile indents every file): smaller files, less work per write
  const adapterOf = opts.adapter ?? ((file: string) => new DataFile<Entry | null>(file, { parse: JSON.parse, stringify: (d) => JSON.stringify(d) }));
  const shards = new Set<string>();
  const mutex = createKeyedMutex();
  const index = new Map<string, Indexed>();
  /**
   * Recently used entries, as this process last read or wrote them: this process is the only writer of its
   * data folder, so a turn reads its conversation from memory and only writes go to disk. Values are kept as
   * their JSON text: every read parses a fresh copy, so nobody can change a cached value from outside, and a
   * write serialises once for both the cache and the file (deep-cloning a group session with hundreds of
   * votes three times per vote was most of a vote's cost).
   */
  const cache = new Map<string, Cached>();
  const remember = (key: string, entry: Cached): void => {
    cache.delete(key);
    cache.set(key, entry);
    if (cache.size > (opts.cacheEntries ?? 5000)) cache.delete(cache.keys().next().value as string);
  };

  try {
    await mkdir(root, { recursive: true });
  } catch (err) {
    throw new StoreError('STORE_UNAVAILABLE', `cannot create the data folder ${root}`, { cause: err });
  }

  const fileOf = (key: string): string => index.get(key)?.file ?? path.join(root, shardOf(key), fileName(key));

  async function readEntry(key: string, file: string): Promise<Entry | undefined> {
    const db = new Low<Entry | null>(adapterOf(file), null);
    try {
      await db.read();
    } catch (err) {
      // never replaced by an empty value: the file stays as it is for an admin to inspect
      throw new StoreError('STORE_CORRUPT', `the data file ${file} is damaged or unreadable; it was left untouched`, { cause: err });
    }
    const entry = db.data;
    if (!entry) return undefined;
    if (typeof entry !== 'object' || entry.key !== key) {
      throw new StoreError('STORE_CORRUPT', `the data file ${file} does not hold the expected entry; it was left untouched`);
    }
    return entry;
  }

  async function liveEntry(key: string): Promise<Cached | undefined> {
    const known = index.get(key);
    if (!known) return undefined;
    if (known.expiresAt !== undefined && known.expiresAt <= now()) return undefined;
    let entry = cache.get(key);
    if (!entry) {
      const read = await readEntry(key, known.file);
      if (read) remember(key, (entry = { json: JSON.stringify(read.value), ...(read.expiresAt !== undefined ? { expiresAt: read.expiresAt } : {}) }));
    }
    known.expiresAt = entry?.expiresAt;
    if (!entry || (entry.expiresAt !== undefined && entry.expiresAt <= now())) return undefined;
    return entry;
  }

  async function remove(key: string): Promise<void> {
    const known = index.get(key);
    if (!known) return;
    try {
      await unlink(known.file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new StoreError('STORE_WRITE_FAILED', `cannot delete ${known.file}`, { cause: err });
    }
    index.delete(key);
    cache.delete(key);
  }

  async function buildIndex(): Promise<void> {
    let shards: string[] = [];
    try {
      shards = (await readdir(root)).filter((s) => /^[0-9a-f]{2}$/.test(s));
    } catch (err) {
      throw new StoreError('STORE_UNAVAILABLE', `cannot read the data folder ${root}`, { cause: err });
    }
    for (const shard of shards) {
      for (const name of await readdir(path.join(root, shard))) {
        if (!name.endsWith('.json') || name.startsWith('.')) continue;
        const file = path.join(root, shard, name);
        if (name.startsWith('h-')) {
          // long keys are hashed: the key is inside the file
          const db = new Low<Entry | null>(adapterOf(file), null);
          await db.read().catch(() => undefined);
          if (db.data?.key) index.set(db.data.key, { file, expiresAt: db.data.expiresAt });
        } else {
          index.set(decodeURIComponent(name.slice(0, -'.json'.length)), { file });
        }
      }
    }
  }

  await buildIndex();

  const store: LowdbStore = {
    async get<T>(key: string) {
      const entry = await liveEntry(key);
      return entry === undefined ? undefined : (JSON.parse(entry.json) as T);
    },
    update<T>(key: string, fn: (current: T | undefined) => T | undefined, options: WriteOptions = {}) {
      return mutex.run(key, async () => {
        const current = await liveEntry(key);
        const next = fn(current === undefined ? undefined : (JSON.parse(current.json) as T));
        if (next === undefined) {
          await remove(key);
          return undefined;
        }
        const file = fileOf(key);
        const entry: Entry = { key, value: next, ...(options.ttlMs !== undefined ? { expiresAt: now() + options.ttlMs } : {}) };
        const json = JSON.stringify(next);
        try {
          const shard = path.dirname(file);
          if (!shards.has(shard)) {
            await mkdir(shard, { recursive: true });
            shards.add(shard);
          }
          if (opts.adapter) await new Low<Entry | null>(opts.adapter(file), entry).write();
          // the file is the entry as compact JSON, built around the value's JSON text made above
          else await new TextFile(file).write(`{"key":${JSON.stringify(key)},${entry.expiresAt !== undefined ? `"expiresAt":${entry.expiresAt},` : ''}"value":${json}}`);
        } catch (err) {
          // the previous file is intact: the write goes to a temp file first
          throw new StoreError('STORE_WRITE_FAILED', `cannot write ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { cause: err });
        }
        index.set(key, { file, expiresAt: entry.expiresAt });
        remember(key, { json, ...(entry.expiresAt !== undefined ? { expiresAt: entry.expiresAt } : {}) });
        return next;
      });
    },
    delete(key: string) {
      return mutex.run(key, () => remove(key));
    },
    async list(prefix: string) {
      const t = now();
      return [...index].filter(([k, v]) => k.startsWith(prefix) && (v.expiresAt === undefined || v.expiresAt > t)).map(([k]) => k);
    },
    async ping() {
      try {
        await access(root, constants.W_OK);
        return true;
      } catch {
        return false;
      }
    },
    async sweepExpired() {
      let removed = 0;
      for (const key of [...index.keys()]) {
        await mutex.run(key, async () => {
          const known = index.get(key);
          if (!known) return;
          let entry: Entry | undefined;
          try {
            entry = await readEntry(key, known.file);
          } catch {
            return; // a damaged file is reported when used, never swept away
          }
          if (entry?.expiresAt !== undefined && entry.expiresAt <= now()) {
            await remove(key);
            removed++;
          } else if (entry) known.expiresAt = entry.expiresAt;
        });
      }
      return removed;
    },
    async close() {
      clearInterval(timer);
      await mutex.idle();
    },
  };

  const timer = setInterval(() => void store.sweepExpired().catch(() => undefined), opts.sweepEveryMs ?? 60 * 60 * 1000);
  timer.unref();
  // in the background: a big data folder must not delay the start
  if (opts.sweepAtOpen !== false) void store.sweepExpired().catch(() => undefined);
  return store;
}
