import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { access, mkdir, open, readdir, readFile, rename, unlink, writeFile, constants, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { DataFile, TextFile } from 'lowdb/node';
import { createKeyedMutex } from './keyed-mutex.js';
import { StoreError, type Store, type WriteOptions } from './port.js';

/**
 * The embedded store: lowdb with ONE SMALL FILE PER KEY under `dir/<shard>/`, in front of which sits a
 * journal. A single lowdb file rewrites everything on each write (9 ms at 1,000 conversations, 75 ms at
 * 10,000), so every key has its own file, whatever the number of stored conversations.
 *
 * Writing a new file per update (temp file, then rename) costs 0.2–0.45 ms of CPU per write on ext4, mostly
 * in the kernel, against 0.03 ms for appending a line to a file that is already open. So an update appends
 * one line to `journal.log` (updates made while an append is on its way go together in the next one) and
 * resolves once that line is written. Every five seconds a checkpoint seals the journal, writes the
 * latest value of every key in it to the key's lowdb file (temp file and rename, so a file is either the
 * old or the new version, never half), and removes the sealed journal. Opening the store reads the key
 * files, then replays the sealed journal and the journal on top. A key written ten times in five seconds is
 * written to its file once.
 */

export interface Entry {
  readonly key: string;
  readonly value: unknown;
  readonly expiresAt?: number;
}

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
  /** For tests: runs before each journal append with the text to append; throwing acts as a full disk. */
  readonly journalHook?: (text: string) => Promise<void> | void;
  readonly sweepEveryMs?: number;
  /** Sweep expired entries right after opening (default true; benchmarks turn it off). */
  readonly sweepAtOpen?: boolean;
  /** How many entries to keep in memory (default 5,000). */
  readonly cacheEntries?: number;
  /** How often journaled changes go to the key files (default 5,000 ms). */
  readonly checkpointEveryMs?: number;
  /** Read only (the ops CLI next to a running bot): replays the journal, never writes. */
  readonly readOnly?: boolean;
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

/** A journaled change of a key: its new value, or null when it was deleted. */
type Change = Cached | null;

/** A value read back (from a key file or a journal line) as kept in memory. */
const cachedOf = (value: unknown, expiresAt: number | undefined): Cached => ({ json: JSON.stringify(value), ...(expiresAt !== undefined ? { expiresAt } : {}) });

const MAX_PLAIN_NAME = 180;
const JOURNAL = 'journal.log';
const SEALED = 'journal.sealed.log';

/** File name of a key: readable when short (so the index needs no reads at open), a hash when long. */
function fileName(key: string): string {
  const plain = encodeURIComponent(key).replace(/\./g, '%2E');
  return plain.length <= MAX_PLAIN_NAME ? `${plain}.json` : `h-${createHash('sha1').update(key).digest('hex')}.json`;
}

function shardOf(key: string): string {
  return createHash('sha1').update(key).digest('hex').slice(0, 2);
}

/** One journal line: `{"k":key,"x":expiresAt,"v":value}` or `{"k":key,"d":1}` for a delete. */
function journalLine(key: string, change: Change): string {
  if (change === null) return `{"k":${JSON.stringify(key)},"d":1}\n`;
  return `{"k":${JSON.stringify(key)},${change.expiresAt !== undefined ? `"x":${change.expiresAt},` : ''}"v":${change.json}}\n`;
}

/**
 * The changes in a journal file, in order. A last line cut off by a crash is left out (its update never
 * resolved); a damaged line before it is STORE_CORRUPT, and the file is left as it is.
 */
async function readJournal(file: string): Promise<{ changes: Array<[string, Change]>; goodBytes: number } | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreError('STORE_UNAVAILABLE', `cannot read the journal ${file}`, { cause: err });
  }
  const changes: Array<[string, Change]> = [];
  let offset = 0;
  let lineNo = 0;
  while (offset < text.length) {
    const end = text.indexOf('\n', offset);
    lineNo++;
    if (end < 0) break; // cut off by a crash
    try {
      const r = JSON.parse(text.slice(offset, end)) as { k: string; d?: 1; x?: number; v?: unknown };
      if (typeof r.k !== 'string') throw new Error('no key');
      changes.push([r.k, r.d === 1 ? null : cachedOf(r.v, typeof r.x === 'number' ? r.x : undefined)]);
    } catch (err) {
      throw new StoreError('STORE_CORRUPT', `the journal ${file} is damaged at line ${lineNo}; it was left untouched`, { cause: err });
    }
    offset = end + 1;
  }
  return { changes, goodBytes: Buffer.byteLength(text.slice(0, offset)) };
}

/** A process as `pid:start time` (Linux: clock ticks since boot), so a reused pid is not taken for the old process. */
async function processId(pid: number): Promise<string | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return `${pid}:${stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? ''}`;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && existsSync('/proc/self/stat')) return undefined; // no such process
    try {
      process.kill(pid, 0); // no /proc (macOS): the pid is all there is
      return `${pid}:`;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM' ? `${pid}:` : undefined;
    }
  }
}

/**
 * One writer per data folder: `.lock` names the process that has it. A lock whose process is gone (a crash,
 * a container restart) is taken over; one held by another live process is STORE_UNAVAILABLE, because two
 * writers would each seal and remove the journal the other is appending to.
 */
async function lockFolder(root: string): Promise<() => Promise<void>> {
  const file = path.join(root, '.lock');
  const me = (await processId(process.pid)) ?? `${process.pid}:`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(file, me, { flag: 'wx' });
      return () => unlink(file).catch(() => undefined);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new StoreError('STORE_UNAVAILABLE', `cannot lock the data folder ${root}`, { cause: err });
    }
    const holder = (await readFile(file, 'utf8').catch(() => '')).trim();
    const pid = Number(holder.split(':')[0]);
    // this process opening the folder again (tests), or a holder that is gone: take it over
    const alive = Number.isInteger(pid) && pid > 0 && pid !== process.pid && (await processId(pid)) === holder;
    if (alive) throw new StoreError('STORE_UNAVAILABLE', `the data folder ${root} is in use by process ${pid}; stop it or give this one its own DATA_DIR`);
    await unlink(file).catch(() => undefined);
  }
  throw new StoreError('STORE_UNAVAILABLE', `cannot lock the data folder ${root}`);
}

export async function createLowdbStore(opts: LowdbStoreOptions): Promise<LowdbStore> {
  const now = opts.now ?? Date.now;
  const root = path.resolve(opts.dir);
  const journalFile = path.join(root, JOURNAL);
  const sealedFile = path.join(root, SEALED);
  // compact JSON (lowdb's JSONFile indents every file): smaller files, less work per write
  const adapterOf = opts.adapter ?? ((file: string) => new DataFile<Entry | null>(file, { parse: JSON.parse, stringify: (d) => JSON.stringify(d) }));
  const shards = new Set<string>();
  const mutex = createKeyedMutex();
  const index = new Map<string, Indexed>();
  /**
   * Recently used entries as this process last read or wrote them: this process is the only writer of its
   * data folder, so a turn reads its conversation from memory. Values are kept as their JSON text: every
   * read parses a fresh copy, so nobody can change a stored value from outside.
   */
  const cache = new Map<string, Cached>();
  const remember = (key: string, entry: Cached): void => {
    cache.delete(key);
    cache.set(key, entry);
    if (cache.size > (opts.cacheEntries ?? 5000)) cache.delete(cache.keys().next().value as string);
  };
  /** Changes in the journal that are not in the key files yet; `sealed`: those of the journal a checkpoint is writing out. */
  let dirty = new Map<string, Change>();
  const sealed = new Map<string, Change>();

  try {
    await mkdir(root, { recursive: true });
  } catch (err) {
    throw new StoreError('STORE_UNAVAILABLE', `cannot create the data folder ${root}`, { cause: err });
  }

  const unlock = opts.readOnly ? async () => undefined : await lockFolder(root);

  /** Where a key's file goes; a key found at open keeps the file it was found in (the same path, as it was made by this). */
  const pathOf = (key: string): string => path.join(root, shardOf(key), fileName(key));
  const fileOf = (key: string): string => index.get(key)?.file ?? pathOf(key);

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

  /** The journaled change of a key not yet in its file, if any. */
  const journaled = (key: string): Change | undefined => (dirty.has(key) ? dirty.get(key) : sealed.get(key));

  async function liveEntry(key: string): Promise<Cached | undefined> {
    const known = index.get(key);
    if (!known) return undefined;
    if (known.expiresAt !== undefined && known.expiresAt <= now()) return undefined;
    let entry = journaled(key) ?? cache.get(key);
    if (!entry) {
      const read = await readEntry(key, known.file);
      if (read) remember(key, (entry = cachedOf(read.value, read.expiresAt)));
    }
    known.expiresAt = entry?.expiresAt;
    if (!entry || (entry.expiresAt !== undefined && entry.expiresAt <= now())) return undefined;
    return entry;
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

  /** Makes a change visible in memory (the index, the cache and the journaled changes). */
  function apply(key: string, change: Change, into: Map<string, Change>): void {
    into.set(key, change);
    if (change === null) {
      index.delete(key);
      cache.delete(key);
    } else {
      index.set(key, { file: fileOf(key), expiresAt: change.expiresAt });
    }
  }

  // ---- the journal: group commit of appends, one at a time --------------------------------------------

  interface Waiter {
    resolve(): void;
    reject(err: unknown): void;
  }
  interface Pending {
    readonly key: string;
    readonly line: string;
    readonly waiter: Waiter;
  }
  /** What a key looked like before its first change that is not in the journal yet (to go back to after a failed append). */
  interface Before {
    readonly dirty: Change | undefined;
    readonly cached: Cached | undefined;
    readonly indexed: Indexed | undefined;
    /** Changes of the key waiting for or in an append. */
    outstanding: number;
  }
  const before = new Map<string, Before>();
  /** Failed appends per key: an update that read before a failure must not write on top of the reverted state. */
  const failures = new Map<string, number>();
  let pending: Pending[] = [];
  let journal: FileHandle | undefined;
  let journalBytes = 0;
  /** Every append, rotation and checkpoint step runs on this chain, one after the other. */
  let chain: Promise<void> = Promise.resolve();
  let appendQueued = false;

  function enqueue(step: () => Promise<void>): Promise<void> {
    const run = chain.then(step);
    chain = run.catch(() => undefined);
    return run;
  }

  async function openJournal(): Promise<void> {
    try {
      journal = await open(journalFile, 'a');
      journalBytes = (await journal.stat()).size;
    } catch (err) {
      throw new StoreError('STORE_UNAVAILABLE', `cannot open the journal ${journalFile}`, { cause: err });
    }
  }

  /** Makes `change` the key's value now; resolves when its journal line is written. Runs under the key's lock. */
  function journalChange(key: string, change: Change, readGen: number): Promise<void> {
    if (opts.readOnly) return Promise.reject(new StoreError('STORE_WRITE_FAILED', 'the store was opened read only'));
    if ((failures.get(key) ?? 0) !== readGen) return Promise.reject(new StoreError('STORE_WRITE_FAILED', `an earlier write of ${key} failed; nothing was written`));
    let b = before.get(key);
    if (!b) before.set(key, (b = { dirty: dirty.get(key), cached: cache.get(key), indexed: index.get(key), outstanding: 0 }));
    b.outstanding++;
    apply(key, change, dirty);
    if (change) remember(key, change);
    return new Promise<void>((resolve, reject) => {
      pending.push({ key, line: journalLine(key, change), waiter: { resolve, reject } });
      if (!appendQueued) {
        appendQueued = true;
        void enqueue(appendPending);
      }
    });
  }

  async function appendPending(): Promise<void> {
    appendQueued = false;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const text = batch.map((p) => p.line).join('');
    try {
      await opts.journalHook?.(text);
      if (!journal) await openJournal();
      const { bytesWritten } = await journal!.write(text);
      if (bytesWritten !== Buffer.byteLength(text)) throw Object.assign(new Error('short write'), { code: 'EIO' });
      journalBytes += bytesWritten;
    } catch (err) {
      // a partial line must not stay in front of the next append
      await journal?.truncate(journalBytes).catch(() => undefined);
      const failed = [...batch, ...pending];
      pending = [];
      for (const key of new Set(failed.map((p) => p.key))) revert(key);
      const error = err instanceof StoreError ? err : new StoreError('STORE_WRITE_FAILED', `cannot write the journal ${journalFile} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { cause: err });
      for (const p of failed) p.waiter.reject(error);
      return;
    }
    for (const p of batch) {
      const b = before.get(p.key);
      if (b && --b.outstanding === 0) before.delete(p.key);
      p.waiter.resolve();
    }
  }

  /** The key goes back to what it was before its changes that were not written. */
  function revert(key: string): void {
    const b = before.get(key);
    if (!b) return;
    before.delete(key);
    failures.set(key, (failures.get(key) ?? 0) + 1);
    if (b.dirty === undefined) dirty.delete(key);
    else dirty.set(key, b.dirty);
    if (b.cached) remember(key, b.cached);
    else cache.delete(key);
    if (b.indexed) index.set(key, b.indexed);
    else index.delete(key);
  }

  // ---- checkpoints: journaled changes into the key files ------------------------------------------------

  async function ensureShard(file: string): Promise<void> {
    const shard = path.dirname(file);
    if (shards.has(shard)) return;
    await mkdir(shard, { recursive: true });
    shards.add(shard);
  }

  async function writeKeyFile(key: string, file: string, change: Change): Promise<void> {
    if (change === null) {
      await unlink(file).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
      return;
    }
    await ensureShard(file);
    const entry = `{"key":${JSON.stringify(key)},${change.expiresAt !== undefined ? `"expiresAt":${change.expiresAt},` : ''}"value":${change.json}}`;
    if (opts.adapter) await new Low<Entry | null>(opts.adapter(file), JSON.parse(entry) as Entry).write();
    else await new TextFile(file).write(entry);
  }

  /**
   * Seals the journal: on the append chain, so no append is on its way. Changes already in the journal go to
   * the sealed set; a key whose newest change is still waiting for its append stays in the journal's set
   * with that change, and its last written value goes to the sealed set (so a failed append can go back to
   * a value that is on disk).
   */
  async function seal(): Promise<void> {
    await journal?.close();
    journal = undefined;
    await rename(journalFile, sealedFile);
    journalBytes = 0;
    const rest = new Map<string, Change>();
    for (const [key, change] of dirty) {
      const b = before.get(key);
      if (!b) sealed.set(key, change);
      else {
        if (b.dirty !== undefined) sealed.set(key, b.dirty);
        rest.set(key, change);
      }
    }
    dirty = rest;
  }

  /**
   * Seals the journal (once the last sealed one is written out) and writes the sealed changes to the key
   * files, while new updates go on appending to a fresh journal; the sealed journal is removed once every
   * change in it is in its file. A failed write leaves it for the next checkpoint, or the next start.
   */
  async function checkpointStep(): Promise<void> {
    if (opts.readOnly) return;
    if (sealed.size === 0) {
      if (dirty.size === 0) return;
      await enqueue(seal);
    }
    for (const [key, change] of sealed) {
      // a newer change of the key is in the journal and goes to the file next time
      await writeKeyFile(key, pathOf(key), change);
      sealed.delete(key);
    }
    await unlink(sealedFile).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }

  let checkpoints: Promise<void> = Promise.resolve();
  let checkpointing = false;
  function checkpoint(): Promise<void> {
    const run = checkpoints.then(async () => {
      checkpointing = true;
      try {
        await checkpointStep();
      } finally {
        checkpointing = false;
      }
    });
    checkpoints = run.catch(() => undefined);
    return run;
  }

  // ---- open: key files, then the sealed journal and the journal on top ------------------------------------

  try {
    await buildIndex();
    for (const [file, into] of [[sealedFile, 'sealed'], [journalFile, 'dirty']] as const) {
      const read = await readJournal(file);
      if (!read) continue;
      for (const [key, change] of read.changes) apply(key, change, into === 'sealed' ? sealed : dirty);
      if (into === 'dirty' && !opts.readOnly) {
        await openJournal();
        if (journalBytes > read.goodBytes) await journal!.truncate(read.goodBytes); // a line cut off by a crash
        journalBytes = read.goodBytes;
      }
    }
  } catch (err) {
    await journal?.close().catch(() => undefined);
    await unlock();
    throw err;
  }

  const store: LowdbStore = {
    async get<T>(key: string) {
      const entry = await liveEntry(key);
      return entry === undefined ? undefined : (JSON.parse(entry.json) as T);
    },
    async update<T>(key: string, fn: (current: T | undefined) => T | undefined, options: WriteOptions = {}) {
      const scheduled = await mutex.run(key, async () => {
        const gen = failures.get(key) ?? 0;
        const current = await liveEntry(key);
        const next = fn(current === undefined ? undefined : (JSON.parse(current.json) as T));
        if (next === undefined) return { next, durable: index.has(key) ? journalChange(key, null, gen) : Promise.resolve() };
        const change: Cached = { json: JSON.stringify(next), ...(options.ttlMs !== undefined ? { expiresAt: now() + options.ttlMs } : {}) };
        return { next, durable: journalChange(key, change, gen) };
      });
      await scheduled.durable;
      return scheduled.next;
    },
    delete(key: string) {
      return mutex.run(key, async () => {
        if (!index.has(key)) return;
        await journalChange(key, null, failures.get(key) ?? 0);
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
          if (!known) return;
          const change = journaled(key);
          let expiresAt = change?.expiresAt;
          if (change === undefined) {
            try {
              expiresAt = (await readEntry(key, known.file))?.expiresAt;
            } catch {
              return; // a damaged file is reported when used, never swept away
            }
          }
          if (expiresAt !== undefined && expiresAt <= now()) {
            await journalChange(key, null, failures.get(key) ?? 0);
            removed++;
          } else known.expiresAt = expiresAt;
        });
      }
      return removed;
    },
    checkpoint,
    async close() {
      clearInterval(sweepTimer);
      clearInterval(checkpointTimer);
      await mutex.idle();
      await chain;
      await checkpoints;
      // twice: the sealed journal of a checkpoint on its way, then the rest
      await checkpoint().catch(() => undefined);
      await checkpoint().catch(() => undefined);
      await journal?.close();
      journal = undefined;
      if (!opts.readOnly && dirty.size === 0 && sealed.size === 0) await unlink(journalFile).catch(() => undefined);
      await unlock();
    },
  };

  const sweepTimer = setInterval(() => void store.sweepExpired().catch(() => undefined), opts.sweepEveryMs ?? 60 * 60 * 1000);
  sweepTimer.unref();
  const checkpointTimer = setInterval(() => {
    if (!checkpointing) void checkpoint().catch(() => undefined);
  }, opts.checkpointEveryMs ?? 5000);
  checkpointTimer.unref();
  // in the background: a big data folder must not delay the start
  if (opts.sweepAtOpen !== false && !opts.readOnly) void store.sweepExpired().catch(() => undefined);
  return store;
}
