import { access, constants, mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { StoreError, type StoreErrorCode } from '../port.js';

/**
 * The file operations of the lowdb store other than the key files themselves (lowdb reads and writes those),
 * behind one small interface so tests can make the disk full or slow.
 */
export interface Disk {
  mkdir(dir: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  /** The file's bytes, or undefined when it does not exist. */
  read(file: string): Promise<Buffer | undefined>;
  /** Creates `file` holding `text`; fails with EEXIST when it is there, and leaves nothing behind on any failure. */
  createExclusive(file: string, text: string): Promise<void>;
  openAppend(file: string): Promise<AppendFile>;
  rename(from: string, to: string): Promise<void>;
  /** Removes a file; one that is not there is fine. */
  remove(file: string): Promise<void>;
  /** Makes a file's data, or a folder's list of names, durable (fsync). */
  sync(fileOrDir: string): Promise<void>;
  canWrite(dir: string): Promise<boolean>;
}

/** A file open for appending: the journal. */
export interface AppendFile {
  /** Returns the number of bytes written, which may be fewer than asked (a full disk). */
  write(text: string): Promise<number>;
  datasync(): Promise<void>;
  truncate(size: number): Promise<void>;
  size(): Promise<number>;
  close(): Promise<void>;
}

const errno = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | undefined)?.code;

export const nodeDisk: Disk = {
  mkdir: async (dir) => void (await mkdir(dir, { recursive: true })),
  readdir: (dir) => readdir(dir),
  async read(file) {
    try {
      return await readFile(file);
    } catch (err) {
      if (errno(err) === 'ENOENT') return undefined;
      throw err;
    }
  },
  async createExclusive(file, text) {
    const handle = await open(file, 'wx');
    try {
      await handle.writeFile(text);
      await handle.close();
    } catch (err) {
      // a lock file without its holder would look like one left by a crash
      await handle.close().catch(() => undefined);
      await unlink(file).catch(() => undefined);
      throw err;
    }
  },
  async openAppend(file) {
    const handle = await open(file, 'a');
    return {
      write: async (text) => (await handle.write(text)).bytesWritten,
      datasync: () => handle.datasync(),
      truncate: (size) => handle.truncate(size),
      size: async () => (await handle.stat()).size,
      close: () => handle.close(),
    };
  },
  rename: (from, to) => rename(from, to),
  remove: (file) =>
    unlink(file).catch((err: unknown) => {
      if (errno(err) !== 'ENOENT') throw err;
    }),
  async sync(fileOrDir) {
    // Windows cannot open a folder for fsync; its folder entries are written through anyway
    if (process.platform === 'win32') return;
    const handle = await open(fileOrDir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  canWrite: (dir) => access(dir, constants.W_OK).then(() => true, () => false),
};

/** The disk problems an operator can act on, in plain words (the error code follows in brackets). */
const PLAIN: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk holding DATA_DIR is full',
  EDQUOT: 'the disk quota for DATA_DIR is used up',
  EROFS: 'the disk holding DATA_DIR is mounted read only',
  EACCES: 'this process has no permission to write there',
  EPERM: 'this process has no permission to write there',
  EIO: 'the disk reported an input/output error',
};

/** A full disk refuses writes; the store as such is there. */
const WRITE_REFUSED = new Set(['ENOSPC', 'EDQUOT', 'EROFS']);

/** A StoreError for a failed file operation: `doing` says what ("cannot lock the data folder /data"), the rest says why. */
export function diskError(err: unknown, doing: string, code: StoreErrorCode): StoreError {
  if (err instanceof StoreError) return err;
  const name = errno(err) ?? 'error';
  const why = PLAIN[name];
  return new StoreError(WRITE_REFUSED.has(name) ? 'STORE_WRITE_FAILED' : code, `${doing}: ${why ? `${why} (${name})` : name}`, { cause: err });
}
