import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { StoreError } from '../port.js';
import { diskError, type Disk } from './disk.js';

/**
 * One writer per data folder: `.lock` names the process that has it. A lock whose process is gone (a crash,
 * a container restart) is taken over; one held by another live process is STORE_UNAVAILABLE, because two
 * writers would each seal and remove the journal the other is appending to. Returns the release.
 */
export async function lockFolder(root: string, disk: Disk): Promise<() => Promise<void>> {
  const file = path.join(root, '.lock');
  const me = (await processId(process.pid)) ?? `${process.pid}:`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await disk.createExclusive(file, me);
      return () => disk.remove(file).catch(() => undefined);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw diskError(err, `cannot lock the data folder ${root}`, 'STORE_UNAVAILABLE');
    }
    const holder = ((await disk.read(file).catch(() => undefined))?.toString('utf8') ?? '').trim();
    const pid = Number(holder.split(':')[0]);
    // this process opening the folder again (tests), or a holder that is gone: take it over
    const alive = Number.isInteger(pid) && pid > 0 && pid !== process.pid && (await processId(pid)) === holder;
    if (alive) throw new StoreError('STORE_UNAVAILABLE', `the data folder ${root} is in use by process ${pid}; stop it or give this one its own DATA_DIR`);
    await disk.remove(file).catch(() => undefined);
  }
  throw new StoreError('STORE_UNAVAILABLE', `cannot lock the data folder ${root}: its lock file keeps coming back`);
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
