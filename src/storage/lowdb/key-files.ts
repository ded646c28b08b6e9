import { createHash } from 'node:crypto';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { DataFile, TextFile } from 'lowdb/node';
import { StoreError } from '../port.js';
import { diskError, type Disk } from './disk.js';
import type { Change, Entry } from './entry.js';

/**
 * One small lowdb file per key, `DATA_DIR/<shard>/<key>.json` holding `{"key", "expiresAt"?, "value"}`: a
 * single lowdb file would be rewritten whole on every write (9 ms at 1,000 conversations, 75 ms at 10,000).
 * lowdb reads a file and writes it (temp file, then rename: the old or the new version, never half).
 */
export interface KeyFiles {
  pathOf(key: string): string;
  /** The key's entry, undefined when it has no file; STORE_CORRUPT (the file left as it is) when it is damaged. */
  read(key: string, file: string): Promise<Entry | undefined>;
  /** Writes a change to its file (a delete removes the file); durable only after `syncWritten`. */
  write(key: string, file: string, change: Change): Promise<void>;
  /** fsyncs every file written since the last call, then their folders. */
  syncWritten(): Promise<void>;
  /** Every key file at open, without reading it where the name says the key (hashed names are read). */
  scan(): Promise<Array<{ key: string; file: string; expiresAt?: number }>>;
  /** For a key the scan did not find: STORE_CORRUPT when its (hashed) file is there but could not be read. */
  checkNotFound(key: string): void;
}

const MAX_PLAIN_NAME = 180;

/** File name of a key: readable when short (so the index needs no reads at open), a hash when long. */
function fileName(key: string): string {
  const plain = encodeURIComponent(key).replace(/\./g, '%2E');
  return plain.length <= MAX_PLAIN_NAME ? `${plain}.json` : `h-${createHash('sha1').update(key).digest('hex')}.json`;
}

const shardOf = (key: string): string => createHash('sha1').update(key).digest('hex').slice(0, 2);

/** A key file's JSON, refused unless it is an entry: `null`, a number or an array is damage, not "no value". */
function parseEntry(text: string): Entry {
  const data = JSON.parse(text) as unknown;
  const what = data === null ? 'null' : Array.isArray(data) ? 'an array' : typeof data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`it holds ${what} instead of an entry`);
  const e = data as Partial<Record<keyof Entry, unknown>>;
  if (typeof e.key !== 'string' || !('value' in e) || (e.expiresAt !== undefined && typeof e.expiresAt !== 'number')) throw new Error('it holds no entry');
  return data as Entry;
}

export function createKeyFiles(opts: { root: string; disk: Disk; adapter?: (file: string) => Adapter<Entry | null> }): KeyFiles {
  const { root, disk } = opts;
  // compact JSON (lowdb's JSONFile indents): smaller files, less work per write
  const adapterOf = opts.adapter ?? ((file: string) => new DataFile<Entry | null>(file, { parse: parseEntry, stringify: (d) => JSON.stringify(d) }));
  const shards = new Set<string>();
  /** Hashed key files the scan could not read: their key is unknown, but their file must not be overwritten. */
  const unreadable = new Set<string>();
  /** Written since the last sync: files with new content, and folders with new or removed names. */
  const unsynced = { files: new Set<string>(), folders: new Set<string>() };

  async function read(key: string, file: string): Promise<Entry | undefined> {
    const db = new Low<Entry | null>(adapterOf(file), null);
    try {
      await db.read();
    } catch (err) {
      // never replaced by an empty value: the file stays as it is for an admin to inspect
      const why = err instanceof SyntaxError ? 'it is not valid JSON' : (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      throw new StoreError('STORE_CORRUPT', `the data file ${file} is damaged or unreadable (${why}); it was left untouched`, { cause: err });
    }
    const entry = db.data;
    if (!entry) return undefined;
    if (typeof entry !== 'object' || entry.key !== key) throw new StoreError('STORE_CORRUPT', `the data file ${file} does not hold the expected entry; it was left untouched`);
    return entry;
  }

  async function write(key: string, file: string, change: Change): Promise<void> {
    try {
      unsynced.folders.add(path.dirname(file));
      if (change === null) return await disk.remove(file);
      const shard = path.dirname(file);
      if (!shards.has(shard)) {
        await disk.mkdir(shard);
        shards.add(shard);
      }
      const entry = `{"key":${JSON.stringify(key)},${change.expiresAt !== undefined ? `"expiresAt":${change.expiresAt},` : ''}"value":${change.json}}`;
      if (opts.adapter) await new Low<Entry | null>(opts.adapter(file), JSON.parse(entry) as Entry).write();
      else await new TextFile(file).write(entry);
      unsynced.files.add(file);
    } catch (err) {
      throw diskError(err, `cannot write the data file ${file}`, 'STORE_WRITE_FAILED');
    }
  }

  async function syncWritten(): Promise<void> {
    // files first, then the folders that hold their new names
    for (const set of [unsynced.files, unsynced.folders]) {
      const todo = [...set];
      // two at a time: each fsync mostly waits for the disk, and two of libuv's four threads stay free for the
      // journal's appends and the turns' reads (500 files on a busy disk: 4.3-5.5 s one by one, 2.4-2.5 s two at a time)
      const worker = async (): Promise<void> => {
        for (let f = todo.pop(); f !== undefined; f = todo.pop()) {
          try {
            await disk.sync(f);
          } catch (err) {
            // a file removed since (its key deleted) needs no flush
            if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw diskError(err, `cannot flush ${f} to disk`, 'STORE_WRITE_FAILED');
          }
          set.delete(f);
        }
      };
      await Promise.all([worker(), worker()]);
    }
  }

  async function scan(): Promise<Array<{ key: string; file: string; expiresAt?: number }>> {
    const found: Array<{ key: string; file: string; expiresAt?: number }> = [];
    try {
      for (const shard of (await disk.readdir(root)).filter((s) => /^[0-9a-f]{2}$/.test(s))) {
        for (const name of await disk.readdir(path.join(root, shard))) {
          if (!name.endsWith('.json') || name.startsWith('.')) continue;
          const file = path.join(root, shard, name);
          if (!name.startsWith('h-')) found.push({ key: decodeURIComponent(name.slice(0, -'.json'.length)), file });
          else {
            // long keys are hashed: the key is inside the file (a damaged one cannot be indexed)
            const db = new Low<Entry | null>(adapterOf(file), null);
            await db.read().catch(() => undefined);
            if (db.data?.key) found.push({ key: db.data.key, file, expiresAt: db.data.expiresAt });
            else unreadable.add(file);
          }
        }
      }
    } catch (err) {
      throw diskError(err, `cannot read the data folder ${root}`, 'STORE_UNAVAILABLE');
    }
    return found;
  }

  const pathOf = (key: string): string => path.join(root, shardOf(key), fileName(key));
  function checkNotFound(key: string): void {
    if (unreadable.size === 0) return;
    const file = pathOf(key);
    if (unreadable.has(file)) throw new StoreError('STORE_CORRUPT', `the data file ${file} is damaged or unreadable; it was left untouched`);
  }
  return { pathOf, read, write, syncWritten, scan, checkNotFound };
}
