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
    let entry = writers.get(key)?.latest ?? cache.get(key);
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

  /**
   * Group commit per key. The key's lock covers the read-modify-write in memory only; the file write runs
   * after it, and updates made while a write is on its way are written together by the next one. Every
   * update still resolves only when a write that contains it is on disk. When a write fails, its updates
   * and the ones made on top of them fail with STORE_WRITE_FAILED and the key goes back to what is on disk.
   * (One file write per vote inside the lock made votes of one group session wait for each other's disk I/O.)
   */
  interface Waiter {
    resolve(): void;
    reject(err: unknown): void;
  }
  interface Writer {
    /** What is on disk for the key (to go back to after a failed write). */
    durable: { cached?: Cached; indexed?: Indexed };
    latest: Cached;
    pending?: { file: string; cached: Cached; value: unknown; waiters: Waiter[] };
    idle: Promise<void>;
  }
  const writers = new Map<string, Writer>();
  /** Failed writes per key: an update that read before a failure must not write on top of the reverted state. */
  const failures = new Map<string, number>();

  async function ensureShard(file: string): Promise<void> {
    const shard = path.dirname(file);
    if (shards.has(shard)) return;
    try {
      await mkdir(shard, { recursive: true });
    } catch (err) {
      throw new StoreError('STORE_WRITE_FAILED', `cannot create ${shard} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { cause: err });
    }
    shards.add(shard);
  }

  async function writeFile(key: string, file: string, cached: Cached, value: unknown): Promise<void> {
    try {
      if (opts.adapter) await new Low<Entry | null>(opts.adapter(file), { key, value, ...(cached.expiresAt !== undefined ? { expiresAt: cached.expiresAt } : {}) }).write();
      // the file is the entry as compact JSON, built around the value's JSON text made once
      else await new TextFile(file).write(`{"key":${JSON.stringify(key)},${cached.expiresAt !== undefined ? `"expiresAt":${cached.expiresAt},` : ''}"value":${cached.json}}`);
    } catch (err) {
      // the previous file is intact: the write goes to a temp file first
      throw new StoreError('STORE_WRITE_FAILED', `cannot write ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { cause: err });
    }
  }

  /** Makes `cached` the key's value now and returns when it is on disk. Runs under the key's lock. */
  function scheduleWrite(key: string, file: string, cached: Cached, value: unknown, readGen: number): Promise<void> {
    if ((failures.get(key) ?? 0) !== readGen) return Promise.reject(new StoreError('STORE_WRITE_FAILED', `an earlier write of ${file} failed; nothing was written`));
    let w = writers.get(key);
    if (!w) {
      w = { durable: { cached: cache.get(key), indexed: index.get(key) }, latest: cached, idle: Promise.resolve() };
      writers.set(key, w);
      const writer = w;
      w.idle = new Promise<void>((resolve) => queueMicrotask(() => void pump(key, writer).finally(resolve)));
    }
    w.latest = cached;
    index.set(key, { file, expiresAt: cached.expiresAt });
    remember(key, cached);
    return new Promise<void>((resolve, reject) => {
      const waiter = { resolve, reject };
      if (w.pending) w.pending = { file, cached, value, waiters: [...w.pending.waiters, waiter] };
      else w.pending = { file, cached, value, waiters: [waiter] };
    });
  }

  async function pump(key: string, w: Writer): Promise<void> {
    while (w.pending) {
      const batch = w.pending;
      w.pending = undefined;
      try {
        await writeFile(key, batch.file, batch.cached, batch.value);
        w.durable = { cached: batch.cached, indexed: { file: batch.file, expiresAt: batch.cached.expiresAt } };
        for (const waiter of batch.waiters) waiter.resolve();
      } catch (err) {
        const failed = [...batch.waiters, ...((w.pending as Writer['pending'])?.waiters ?? [])];
        w.pending = undefined;
        failures.set(key, (failures.get(key) ?? 0) + 1);
        if (w.durable.cached) remember(key, w.durable.cached);
        else cache.delete(key);
        if (w.durable.indexed) index.set(key, w.durable.indexed);
        else index.delete(key);
        w.latest = w.durable.cached ?? w.latest;
        for (const waiter of failed) waiter.reject(err);
      }
    }
    writers.delete(key);
  }

  await buildIndex();

  const store: LowdbStore = {
    async get<T>(key: string) {
      const entry = await liveEntry(key);
      return entry === undefined ? undefined : (JSON.parse(entry.json) as T);
    },
    async update<T>(key: string, fn: (current: T | undefined) => T | undefined, options: WriteOptions = {}) {
      const file = fileOf(key);
      const scheduled = await mutex.run(key, async () => {
        await ensureShard(file);
        const gen = failures.get(key) ?? 0;
        const current = await liveEntry(key);
        const next = fn(current === undefined ? undefined : (JSON.parse(current.json) as T));
        if (next === undefined) {
          await writers.get(key)?.idle; // a queued write must not bring the file back after the delete
          await remove(key);
          return undefined;
        }
        const cached: Cached = { json: JSON.stringify(next), ...(options.ttlMs !== undefined ? { expiresAt: now() + options.ttlMs } : {}) };
        return { next, durable: scheduleWrite(key, file, cached, next, gen) };
      });
      if (!scheduled) return undefined;
      await scheduled.durable;
      return scheduled.next;
    },
    delete(key: string) {
      return mutex.run(key, async () => {
        await writers.get(key)?.idle; // a queued write must not bring the file back after the delete
        await remove(key);
      });
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
          if (!known || writers.has(key)) return; // a write on its way decides this key's expiry
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
      await Promise.allSettled([...writers.values()].map((w) => w.idle));
    },
  };

  const timer = setInterval(() => void store.sweepExpired().catch(() => undefined), opts.sweepEveryMs ?? 60 * 60 * 1000);
  timer.unref();
  // in the background: a big data folder must not delay the start
  if (opts.sweepAtOpen !== false) void store.sweepExpired().catch(() => undefined);
  return store;
}
