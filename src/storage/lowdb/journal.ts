import path from 'node:path';
import { diskError, type AppendFile, type Disk } from './disk.js';
import type { Change } from './entry.js';
import { journalLine } from './journal-format.js';

/**
 * The live journal, `DATA_DIR/journal.log`: changes are appended one append at a time, and changes that
 * arrive while an append is on its way go together in the next one, so one write and one fsync serve them
 * all. An append resolves once its lines are on disk (fdatasync), as the port promises. Measured on a 2-core VM
 * (README, store section): one fdatasync 0.5 ms on a quiet disk, 7 ms on a busy one; `npm run bench -- core`
 * dialogue turns p50 0.08–0.28 ms before, 1.2–7.8 ms with it; 1,000 updates at once 54–135 ms before,
 * 164–186 ms with it (they share fsyncs). Kept: invisible next to a chat platform's round trip, and an answer
 * a user was told is saved survives a power cut.
 */
export interface JournalWriter {
  /** Appends a change; resolves once it is durably written. */
  append(key: string, change: Change): Promise<void>;
  /** Takes up the journal found at open: keeps its first `goodBytes` (drops a cut-off last line), numbering on after `lastSeq`. */
  resume(goodBytes: number | undefined, lastSeq: number): Promise<void>;
  /** Between two appends, renames the journal to `sealedFile`; `then` runs right after, before any later append. */
  seal(then: () => void): Promise<void>;
  /** Resolves when every append and seal asked for so far is done. */
  idle(): Promise<void>;
  /** Closes the file; `remove`: deletes it too (everything in it is in the key files). */
  close(remove: boolean): Promise<void>;
}

export interface JournalHooks {
  /** The appends of these keys failed (and those queued behind them): undo their changes before anyone reads them. */
  failed(keys: ReadonlySet<string>): void;
  /** A change of `key` is on disk. */
  written(key: string): void;
}

interface Pending {
  readonly key: string;
  readonly change: Change;
  resolve(): void;
  reject(err: unknown): void;
}

export function createJournalWriter(opts: { file: string; sealedFile: string; disk: Disk }, hooks: JournalHooks): JournalWriter {
  const { file, sealedFile, disk } = opts;
  const dir = path.dirname(file);
  let pending: Pending[] = [];
  let handle: AppendFile | undefined;
  /** Bytes of whole lines in the file, and the last entry number in it. */
  let bytes = 0;
  let seq = 0;
  /** A failed append left bytes after `bytes` that could not be cut off: cut them before anything else. */
  let tornTail = false;
  /** Every append and seal runs on this chain, one after the other. */
  let chain: Promise<void> = Promise.resolve();
  let appendQueued = false;

  function enqueue(step: () => Promise<void>): Promise<void> {
    const run = chain.then(step);
    chain = run.catch(() => undefined);
    return run;
  }

  async function opened(): Promise<AppendFile> {
    if (handle) return handle;
    const h = await disk.openAppend(file);
    try {
      bytes = await h.size();
      if (bytes === 0) await disk.sync(dir); // a new journal: its name must outlast a power cut as well as its lines
    } catch (err) {
      await h.close().catch(() => undefined);
      throw err;
    }
    return (handle = h);
  }

  async function cutTornTail(): Promise<void> {
    if (!tornTail || !handle) return;
    await handle.truncate(bytes);
    tornTail = false;
  }

  async function appendPending(): Promise<void> {
    appendQueued = false;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const text = batch.map((p, i) => journalLine(seq + 1 + i, p.key, p.change)).join('');
    try {
      const h = await opened();
      await cutTornTail();
      const written = await h.write(text);
      // a regular file takes fewer bytes than asked when the disk fills up in the middle of the write
      if (written !== Buffer.byteLength(text)) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
      await h.datasync();
      bytes += written;
      seq += batch.length;
    } catch (err) {
      // a partial line must not stay in front of the next append
      if (handle) await handle.truncate(bytes).then(() => void (tornTail = false), () => void (tornTail = true));
      const failed = [...batch, ...pending];
      pending = [];
      hooks.failed(new Set(failed.map((p) => p.key)));
      const error = diskError(err, `cannot write the journal ${file}`, 'STORE_WRITE_FAILED');
      for (const p of failed) p.reject(error);
      return;
    }
    for (const p of batch) {
      hooks.written(p.key);
      p.resolve();
    }
  }

  return {
    append(key, change) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ key, change, resolve, reject });
        if (appendQueued) return;
        appendQueued = true;
        void enqueue(appendPending);
      });
    },
    async resume(goodBytes, lastSeq) {
      seq = lastSeq;
      if (goodBytes === undefined) return;
      try {
        const h = await opened();
        if (bytes > goodBytes) await h.truncate(goodBytes); // a last line cut off by a crash
        bytes = goodBytes;
      } catch (err) {
        throw diskError(err, `cannot open the journal ${file}`, 'STORE_UNAVAILABLE');
      }
    },
    seal(then) {
      return enqueue(async () => {
        try {
          await cutTornTail(); // the sealed journal must end in a whole line
          const h = handle;
          handle = undefined;
          await h?.close();
          await disk.rename(file, sealedFile);
        } catch (err) {
          throw diskError(err, `cannot seal the journal ${file}`, 'STORE_WRITE_FAILED');
        }
        bytes = 0;
        then();
        await disk.sync(dir);
      });
    },
    idle: () => chain,
    async close(remove) {
      await chain;
      await handle?.close();
      handle = undefined;
      if (remove) await disk.remove(file).catch(() => undefined);
    },
  };
}
