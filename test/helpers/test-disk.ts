import type { Disk } from '../../src/storage/lowdb/disk.js';
import { nodeDisk } from '../../src/storage/lowdb/disk.js';

export const enospc = (): Error => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });

/**
 * The real disk for the lowdb store, which can be made slow or full: while `full()` holds, creating a file
 * (the folder lock) and appending to the journal fail with ENOSPC, as on a full disk. `appended` sees the
 * text of every journal append that went through.
 */
export function createTestDisk(opts: { full?: () => boolean; slowMs?: number; appended?: (text: string) => void } = {}): Disk {
  const full = (): boolean => opts.full?.() ?? false;
  return {
    ...nodeDisk,
    async createExclusive(file, text) {
      if (full()) throw enospc();
      await nodeDisk.createExclusive(file, text);
    },
    async openAppend(file) {
      const real = await nodeDisk.openAppend(file);
      return {
        ...real,
        async write(text) {
          if (opts.slowMs) await new Promise((r) => setTimeout(r, opts.slowMs));
          if (full()) throw enospc();
          opts.appended?.(text);
          return real.write(text);
        },
      };
    },
  };
}

/** The changes in a journal append (`<entry> <checksum> {"k":key,"v":value}` lines), as key and value. */
export function appendedValues(text: string): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const line of text.trim().split('\n')) {
    const r = JSON.parse(line.slice(line.indexOf('{'))) as { k: string; v?: unknown };
    values.set(r.k, r.v);
  }
  return values;
}
