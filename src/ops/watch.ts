import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from '../log.js';

/**
 * Watches the knowledge folder (KNOWLEDGE_WATCH=true) and calls `onChange` once things settle: an editor
 * that saves in steps (temp file, rename, chmod) or `git pull` touching ten files gives one reload. When
 * the folder disappears (deleted, or replaced by a deploy), it reports the change and re-attaches as soon
 * as the folder is back.
 */
export interface KnowledgeWatcher {
  close(): void;
}

export function watchKnowledge(dir: string, onChange: () => void, opts: { log: Logger; debounceMs?: number; retryMs?: number }): KnowledgeWatcher {
  const debounceMs = opts.debounceMs ?? 300;
  let watcher: FSWatcher | undefined;
  let debounce: NodeJS.Timeout | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  const changed = (): void => {
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      if (!closed) onChange();
    }, debounceMs);
  };

  const attach = (): void => {
    if (closed) return;
    try {
      watcher = watch(dir, { recursive: true, persistent: false }, changed);
      watcher.on('error', () => detach());
    } catch {
      watcher = undefined;
      retry = setTimeout(attach, opts.retryMs ?? 2000);
    }
  };

  const detach = (): void => {
    watcher?.close();
    watcher = undefined;
    opts.log.warn({ dir }, 'knowledge folder watch interrupted; retrying');
    changed(); // a vanished folder is a change too: the reload reports it and keeps the old version
    retry = setTimeout(attach, opts.retryMs ?? 2000);
  };

  attach();
  return {
    close() {
      closed = true;
      clearTimeout(debounce);
      clearTimeout(retry);
      watcher?.close();
    },
  };
}
