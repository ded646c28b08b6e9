import type { Changes } from './changes.js';
import { isExpired } from './entry.js';
import type { KeyIndex } from './index-cache.js';
import type { KeyFiles } from './key-files.js';

/**
 * Expiry: an entry past its time to live reads as absent at once (every read checks the clock); a sweep
 * deletes its file, through the journal like any other delete. Sweeps run at open (in the background, so a
 * big data folder does not delay the start) and every hour.
 */
export interface ExpiryDeps {
  readonly keys: KeyIndex;
  readonly changes: Changes;
  readonly keyFiles: KeyFiles;
  /** Runs `work` under the key's lock, so a sweep never races an update of the key. */
  readonly locked: (key: string, work: () => Promise<void>) => Promise<void>;
  readonly remove: (key: string) => Promise<void>;
  readonly now: () => number;
}

/** Deletes the expired entries; returns how many. */
export async function sweepExpired(deps: ExpiryDeps): Promise<number> {
  let removed = 0;
  for (const key of deps.keys.keys()) {
    await deps.locked(key, async () => {
      const expiresAt = await expiryOf(deps, key);
      if (expiresAt === 'skip' || !isExpired(expiresAt, deps.now())) return;
      await deps.remove(key);
      removed++;
    });
  }
  return removed;
}

/**
 * When the key's entry expires (undefined: never), learnt for the index; 'skip' when the key is gone or its
 * file is damaged (a damaged file is reported when it is used, never swept away).
 */
async function expiryOf(deps: ExpiryDeps, key: string): Promise<number | undefined | 'skip'> {
  const known = deps.keys.known(key);
  if (!known) return 'skip';
  const change = deps.changes.journaled(key);
  if (change) return (known.expiresAt = change.expiresAt);
  try {
    return (known.expiresAt = (await deps.keyFiles.read(key, known.file))?.expiresAt);
  } catch {
    return 'skip';
  }
}

/** Sweeps every `everyMs` (and right away when `atOpen`); what fails goes to `onFault`. Returns the stop. */
export function scheduleSweeps(sweep: () => Promise<number>, opts: { everyMs: number; atOpen: boolean; onFault: (err: unknown) => void }): () => void {
  const timer = setInterval(() => void sweep().catch(opts.onFault), opts.everyMs);
  timer.unref();
  if (opts.atOpen) void sweep().catch(opts.onFault);
  return () => clearInterval(timer);
}
