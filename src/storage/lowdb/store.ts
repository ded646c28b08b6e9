import path from 'node:path';
import type { Adapter } from 'lowdb';
import { createKeyedMutex } from '../keyed-mutex.js';
import { StoreError, type Store, type WriteOptions } from '../port.js';
import { createChanges } from './changes.js';
import { createCheckpoints } from './checkpoint.js';
import { diskError, nodeDisk, type Disk } from './disk.js';
import { cachedOf, isExpired, type Cached, type Change, type Entry } from './entry.js';
import { scheduleSweeps, sweepExpired } from './expiry.js';
import { lockFolder } from './folder-lock.js';
import { createKeyIndex } from './index-cache.js';
import { readJournals } from './journal-format.js';
import { createJournalWriter } from './journal.js';
import { createKeyFiles } from './key-files.js';

/**
 * The embedded store: one small lowdb file per key (key-files.ts), in front of which sits a journal
 * (journal.ts). Writing a new file per update (temp file, then rename) costs 0.2–0.45 ms of CPU on ext4,
 * mostly in the kernel, against 0.03 ms for appending a line to a file that is already open; so an update
 * appends one line to `journal.log` and resolves once that line is on disk, and checkpoints (checkpoint.ts)
 * move the changes into the key files every five seconds. Opening reads the key file names, then replays the
 * sealed journal and the journal on top (journal-format.ts). In memory: the index of keys and recently used
 * values (index-cache.ts) and the changes not yet in their files (changes.ts). One process writes a folder
 * (folder-lock.ts); expired entries are swept (expiry.ts).
 */

export interface LowdbStore extends Store {
  /** Deletes the files of expired entries; returns how many. Runs at open and every hour. */
  sweepExpired(): Promise<number>;
  /** Writes every journaled change to the key files and empties the journal (also runs every five seconds and at close). */
  checkpoint(): Promise<void>;
}

export interface LowdbStoreOptions {
  readonly dir: string;
  readonly now?: () => number;
  /** For tests: the lowdb adapter per key file (default: DataFile with compact JSON). */
  readonly adapter?: (file: string) => Adapter<Entry | null>;
  /** For tests: the other file operations (default: node:fs), e.g. on a disk that fills up. */
  readonly disk?: Disk;
  readonly sweepEveryMs?: number;
  /** Sweep expired entries right after opening (default true; benchmarks turn it off). */
  readonly sweepAtOpen?: boolean;
  /** How many entries to keep in memory (default 5,000). */
  readonly cacheEntries?: number;
  /** How often journaled changes go to the key files (default 5,000 ms). */
  readonly checkpointEveryMs?: number;
  /** Read only (the ops CLI next to a running bot): replays the journal, never writes. */
  readonly readOnly?: boolean;
  /** Faults of background work (checkpoints, sweeps), which no caller sees: for the log. */
  readonly onBackgroundFault?: (err: StoreError) => void;
}

export type { Entry } from './entry.js';

export async function createLowdbStore(opts: LowdbStoreOptions): Promise<LowdbStore> {
  const now = opts.now ?? Date.now;
  const disk = opts.disk ?? nodeDisk;
  const root = path.resolve(opts.dir);
  const journalFile = path.join(root, 'journal.log');
  const sealedFile = path.join(root, 'journal.sealed.log');
  const keyFiles = createKeyFiles({ root, disk, adapter: opts.adapter });
  const keys = createKeyIndex({ fileOf: keyFiles.pathOf, cacheEntries: opts.cacheEntries ?? 5000 });
  const changes = createChanges(keys);
  const journal = createJournalWriter({ file: journalFile, sealedFile, disk }, { failed: (k) => changes.revert(k), written: (k) => changes.written(k) });
  const checkpoints = createCheckpoints({ changes, journal, keyFiles, disk, sealedFile });
  const mutex = createKeyedMutex();
  const onFault = (err: unknown): void => opts.onBackgroundFault?.(err instanceof StoreError ? err : diskError(err, `background work in ${root} failed`, 'STORE_WRITE_FAILED'));

  try {
    await disk.mkdir(root);
  } catch (err) {
    throw diskError(err, `cannot create the data folder ${root}`, 'STORE_UNAVAILABLE');
  }
  const unlock = opts.readOnly ? async () => undefined : await lockFolder(root, disk);

  try {
    for (const f of await keyFiles.scan()) keys.found(f.key, f.file, f.expiresAt);
    const { sealed, live } = await readJournals(disk, { sealed: sealedFile, live: journalFile }, opts.readOnly === true);
    for (const [key, change] of sealed?.changes ?? []) changes.replay(key, change, 'sealed');
    for (const [key, change] of live?.changes ?? []) changes.replay(key, change, 'live');
    if (!opts.readOnly) await journal.resume(live?.goodBytes, live?.last ?? sealed?.last ?? 0);
  } catch (err) {
    await journal.close(false).catch(() => undefined);
    await unlock();
    throw err;
  }

  async function liveEntry(key: string): Promise<Cached | undefined> {
    const known = keys.known(key);
    if (!known) keyFiles.checkNotFound(key);
    if (!known || isExpired(known.expiresAt, now())) return undefined;
    let entry = changes.journaled(key) ?? keys.cached(key);
    if (!entry) {
      const read = await keyFiles.read(key, known.file);
      if (read) keys.remember(key, (entry = cachedOf(read.value, read.expiresAt)));
    }
    known.expiresAt = entry?.expiresAt;
    return entry && !isExpired(entry.expiresAt, now()) ? entry : undefined;
  }

  /** Makes `change` the key's value now; resolves when its journal line is on disk. Runs under the key's lock. */
  function journalChange(key: string, change: Change, readGeneration: number): Promise<void> {
    if (opts.readOnly) return Promise.reject(new StoreError('STORE_WRITE_FAILED', 'the store was opened read only'));
    try {
      changes.stage(key, change, readGeneration);
    } catch (err) {
      return Promise.reject(err);
    }
    return journal.append(key, change);
  }

  const sweep = (): Promise<number> =>
    sweepExpired({ keys, changes, keyFiles, now, locked: (key, work) => mutex.run(key, work), remove: (key) => journalChange(key, null, changes.generation(key)) });

  const store: LowdbStore = {
    async get<T>(key: string) {
      const entry = await liveEntry(key);
      return entry === undefined ? undefined : (JSON.parse(entry.json) as T);
    },
    async update<T>(key: string, fn: (current: T | undefined) => T | undefined, options: WriteOptions = {}) {
      // under the lock only until the change is staged: the next update of the key builds on it while it is written
      const scheduled = await mutex.run(key, async () => {
        const generation = changes.generation(key);
        const current = await liveEntry(key);
        const next = fn(current === undefined ? undefined : (JSON.parse(current.json) as T));
        if (next === undefined) return { next, durable: keys.known(key) ? journalChange(key, null, generation) : Promise.resolve() };
        const change: Cached = { json: JSON.stringify(next), ...(options.ttlMs !== undefined ? { expiresAt: now() + options.ttlMs } : {}) };
        return { next, durable: journalChange(key, change, generation) };
      });
      await scheduled.durable;
      return scheduled.next;
    },
    delete(key: string) {
      return mutex.run(key, async () => {
        if (keys.known(key)) await journalChange(key, null, changes.generation(key));
      });
    },
    list: async (prefix: string) => keys.list(prefix, now()),
    ping: () => disk.canWrite(root),
    sweepExpired: sweep,
    checkpoint: () => (opts.readOnly ? Promise.resolve() : checkpoints.run()),
    async close() {
      stopSweeps();
      checkpoints.stop();
      await mutex.idle();
      await journal.idle();
      await checkpoints.idle();
      if (!opts.readOnly) {
        // twice: the sealed journal of a checkpoint on its way, then the rest
        await checkpoints.run().catch(onFault);
        await checkpoints.run().catch(onFault);
      }
      await journal.close(!opts.readOnly && changes.counts.live === 0 && changes.counts.sealed === 0);
      await unlock();
    },
  };

  if (!opts.readOnly) checkpoints.start(opts.checkpointEveryMs ?? 5000, onFault);
  const stopSweeps = opts.readOnly ? () => undefined : scheduleSweeps(sweep, { everyMs: opts.sweepEveryMs ?? 60 * 60 * 1000, atOpen: opts.sweepAtOpen !== false, onFault });
  return store;
}
