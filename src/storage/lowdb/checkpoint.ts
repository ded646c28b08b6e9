import { diskError, type Disk } from './disk.js';
import type { Changes } from './changes.js';
import type { JournalWriter } from './journal.js';
import type { KeyFiles } from './key-files.js';

/**
 * Checkpoints move journaled changes into the key files. One seals the journal (once the last sealed one is
 * written out), writes the newest sealed change of every key to its file, flushes those files to disk, and
 * removes the sealed journal; new updates go on appending to a fresh journal meanwhile. A key changed ten
 * times between two checkpoints is written to its file once. When anything fails, the sealed journal and its
 * changes stay for the next checkpoint, or the next start.
 */
export interface Checkpoints {
  /** One checkpoint, after the one running (if any). */
  run(): Promise<void>;
  /** A checkpoint every `everyMs` in the background (skipped while one runs); what fails goes to `onFault`. */
  start(everyMs: number, onFault: (err: unknown) => void): void;
  stop(): void;
  /** Resolves when the checkpoints asked for so far are done. */
  idle(): Promise<void>;
}

export function createCheckpoints(deps: { changes: Changes; journal: JournalWriter; keyFiles: KeyFiles; disk: Disk; sealedFile: string }): Checkpoints {
  const { changes, journal, keyFiles } = deps;
  let queue: Promise<void> = Promise.resolve();
  let running = false;
  let timer: NodeJS.Timeout | undefined;

  async function checkpoint(): Promise<void> {
    if (changes.counts.sealed === 0) {
      if (changes.counts.live === 0) return;
      await journal.seal(() => changes.sealed());
    }
    const out = changes.toWriteOut();
    // a key with a newer change in the live journal gets this one now and the newer one next time
    for (const [key, change] of out) await keyFiles.write(key, keyFiles.pathOf(key), change);
    // only once the files are on disk may the sealed journal go
    await keyFiles.syncWritten();
    for (const [key] of out) changes.wroteOut(key);
    await deps.disk.remove(deps.sealedFile).catch((err: unknown) => {
      throw diskError(err, `cannot remove the sealed journal ${deps.sealedFile}`, 'STORE_WRITE_FAILED');
    });
  }

  function run(): Promise<void> {
    const next = queue.then(async () => {
      running = true;
      try {
        await checkpoint();
      } finally {
        running = false;
      }
    });
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    run,
    start(everyMs, onFault) {
      timer = setInterval(() => {
        if (!running) run().catch(onFault);
      }, everyMs);
      timer.unref();
    },
    stop: () => clearInterval(timer),
    idle: () => queue,
  };
}
