import { statSync, watch, type FSWatcher } from 'node:fs';
import type { Logger } from '../log.js';

/**
 * Watches the knowledge folder (KNOWLEDGE_WATCH=true) and calls `onChange` once things settle: an editor
 * that saves in steps (temp file, rename, chmod) or `git pull` touching ten files gives one reload. A folder
 * that is deleted, moved away or replaced (a deploy swapping a symlink) is noticed by a check every
 * `checkMs`: the change is reported (the reload fails and keeps the old version while the folder is gone),
 * and the watch attaches to the new folder as soon as there is one, with a reload of what it holds.
 */
export interface KnowledgeWatcher {
  close(): void;
}

export function watchKnowledge(dir: string, onChange: () => void, opts: { log: Logger; debounceMs?: number; checkMs?: number }): KnowledgeWatcher {
  const debounceMs = opts.debounceMs ?? 300;
  let watcher: FSWatcher | undefined;
  /** The inode of the folder being watched: a different one at the same path is a replaced folder. */
  let watchedIno: number | undefined;
  let debounce: NodeJS.Timeout | undefined;
  let closed = false;

  const changed = (): void => {
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      if (!closed) onChange();
    }, debounceMs);
  };

  const inodeOf = (): number | undefined => {
    try {
      const s = statSync(dir);
      return s.isDirectory() ? s.ino : undefined;
    } catch {
      return undefined;
    }
  };

  const detach = (): void => {
    watcher?.close();
    watcher = undefined;
    watchedIno = undefined;
  };

  const attach = (): boolean => {
    const ino = inodeOf();
    if (ino === undefined) return false;
    try {
      watcher = watch(dir, { recursive: true, persistent: false }, changed);
      watcher.on('error', () => {
        detach();
        changed();
      });
      watchedIno = ino;
      return true;
    } catch {
      detach();
      return false;
    }
  };

  attach();
  const check = setInterval(() => {
    if (closed) return;
    const ino = inodeOf();
    if (watcher && ino === watchedIno) return;
    if (watcher) {
      opts.log.warn({ dir }, 'the knowledge folder was removed or replaced; watching for a new one');
      detach();
      changed();
    }
    if (ino !== undefined && attach()) {
      opts.log.info({ dir }, 'watching the knowledge folder again');
      changed();
    }
  }, opts.checkMs ?? 2000);
  check.unref();

  return {
    close() {
      closed = true;
      clearTimeout(debounce);
      clearInterval(check);
      detach();
    },
  };
}
