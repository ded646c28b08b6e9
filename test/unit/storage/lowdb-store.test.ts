import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { createLowdbStore, type Entry } from '../../../src/storage/lowdb-store.js';
import { StoreError } from '../../../src/storage/port.js';
import { REPO_ROOT } from '../../helpers/knowledge-dir.js';
import { describeStoreContract } from './store-contract.js';
import { appendedValues, createTestDisk } from '../../helpers/test-disk.js';

const tempDir = (): string => mkdtempSync(path.join(tmpdir(), 'rp-lowdb-'));
/** The store's data files (not its lock). */
const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && d.name !== '.lock').map((d) => path.join(d.parentPath, d.name));

/**
 * A lowdb store on a test disk that can be made slow and full, and that reports every journal append (the
 * values it wrote, per key).
 */
async function storeOnTestDisk(dir: string, disk: { slowMs?: number; full?: () => boolean; wrote?: (values: Map<string, unknown>) => void }) {
  return createLowdbStore({
    dir,
    checkpointEveryMs: 60_000,
    disk: createTestDisk({ slowMs: disk.slowMs, full: disk.full, appended: (text) => disk.wrote?.(appendedValues(text)) }),
  });
}

/** A lowdb store whose checkpoints write key files through `beforeWrite` (which may throw, as a full disk). */
async function storeWithKeyFiles(dir: string, beforeWrite: (data: Entry | null) => void) {
  const { JSONFile } = await import('lowdb/node');
  return createLowdbStore({
    dir,
    checkpointEveryMs: 60_000,
    adapter: (file) => {
      const real = new JSONFile<Entry | null>(file);
      return {
        read: () => real.read(),
        write: async (data) => {
          beforeWrite(data);
          await real.write(data);
        },
      };
    },
  });
}

describeStoreContract('lowdb store', async () => {
  const dir = tempDir();
  let t = 1_000_000;
  return { store: await createLowdbStore({ dir, now: () => t }), advance: (ms) => void (t += ms), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

describe('lowdb store on disk', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('data survives re-opening the store from the same folder', async () => {
    const a = await createLowdbStore({ dir });
    await a.update('user:1:conv:x', () => ({ step: 'rol' }));
    await a.update(`long:${'y'.repeat(300)}`, () => 1);
    await a.close();
    const b = await createLowdbStore({ dir });
    expect(await b.get('user:1:conv:x')).toEqual({ step: 'rol' });
    expect(await b.list('long:')).toHaveLength(1);
    await b.close();
  });

  test('one update appends one short journal line and then rewrites one small file, however many conversations are stored', async () => {
    const store = await createLowdbStore({ dir, checkpointEveryMs: 60_000 });
    // together, so they share appends (one fsync each) instead of waiting for 1,000 fsyncs in a row
    await Promise.all(Array.from({ length: 1000 }, (_, i) => store.update(`conv:${i}`, () => ({ i }))));
    await store.checkpoint();
    const journal = path.join(dir, 'journal.log');
    expect(existsSync(journal)).toBe(false); // sealed, written out and removed; the next append starts a new one
    const before = new Map(files(dir).map((f) => [f, statSync(f).mtimeMs]));
    await new Promise((r) => setTimeout(r, 20));
    await store.update('conv:500', () => ({ i: 'changed' }));
    // entry numbers go on from the journal before; the checksum covers the number and the change
    const change = '{"k":"conv:500","v":{"i":"changed"}}';
    expect(readFileSync(journal, 'utf8')).toBe(`1001 ${crc32(`1001 ${change}`).toString(16).padStart(8, '0')} ${change}\n`);
    await store.checkpoint();
    const changed = files(dir).filter((f) => statSync(f).mtimeMs !== before.get(f) && !f.endsWith('.log'));
    expect(changed).toHaveLength(1);
    expect(statSync(changed[0]!).size).toBeLessThan(200);
    expect(JSON.parse(readFileSync(changed[0]!, 'utf8'))).toEqual({ key: 'conv:500', value: { i: 'changed' } });
    await store.close();
  });

  test('a key changed many times between checkpoints is written to its file once, with its last value', async () => {
    const writes: string[] = [];
    const store = await storeWithKeyFiles(dir, (data) => void writes.push(data!.key));
    for (let i = 0; i < 20; i++) await store.update('user:u1:conv:c1', () => ({ step: i }));
    await store.update('user:u2:conv:c2', () => ({ step: 0 }));
    await store.checkpoint();
    expect(writes.sort()).toEqual(['user:u1:conv:c1', 'user:u2:conv:c2']);
    await store.close();
    const reopened = await createLowdbStore({ dir });
    expect(await reopened.get('user:u1:conv:c1')).toEqual({ step: 19 });
    await reopened.close();
  });

  test('after a crash, the journal is replayed on top of the key files; a last line cut off mid-write is dropped', async () => {
    const store = await createLowdbStore({ dir, checkpointEveryMs: 60_000 });
    await store.update('a', () => 1);
    await store.checkpoint();
    await store.update('a', () => 2);
    await store.update('b', () => 'b');
    await store.delete('b');
    await store.update('c', () => 'c');
    // a crash: the store is never closed, and the last append was cut off
    writeFileSync(path.join(dir, 'journal.log'), `${readFileSync(path.join(dir, 'journal.log'), 'utf8')}{"k":"d","v":`);
    const reopened = await createLowdbStore({ dir });
    expect(await reopened.get('a')).toBe(2);
    expect(await reopened.get('b')).toBeUndefined();
    expect(await reopened.get('c')).toBe('c');
    expect(await reopened.list('')).toEqual(expect.arrayContaining(['a', 'c']));
    expect(await reopened.list('d')).toEqual([]);
    await reopened.update('e', () => 'e'); // appended after the cut-off line was dropped
    await reopened.close();
    const again = await createLowdbStore({ dir });
    expect(await again.get('e')).toBe('e');
    expect(files(dir).filter((f) => f.endsWith('.log'))).toEqual([]);
    await again.close();
    await store.close().catch(() => undefined);
  });

  test('a journal damaged before its last line stops the store from opening with STORE_CORRUPT, and is left as it is', async () => {
    const store = await createLowdbStore({ dir, checkpointEveryMs: 60_000 });
    await store.update('a', () => 1);
    await store.update('b', () => 2);
    const journal = path.join(dir, 'journal.log');
    const damaged = readFileSync(journal, 'utf8').replace('{"k":"a"', '{"k":');
    writeFileSync(journal, damaged);
    await expect(createLowdbStore({ dir })).rejects.toMatchObject({ code: 'STORE_CORRUPT', message: expect.stringContaining('line 1') });
    expect(readFileSync(journal, 'utf8')).toBe(damaged);
  });

  test('a checkpoint that cannot write a key file keeps the sealed journal, and nothing is lost', async () => {
    let full = false;
    const store = await storeWithKeyFiles(dir, () => {
      if (full) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    });
    await store.update('a', () => 1);
    full = true;
    await expect(store.checkpoint()).rejects.toThrow('ENOSPC');
    expect(files(dir).map((f) => path.basename(f)).sort()).toEqual(['journal.sealed.log']);
    await store.update('a', () => 2); // goes on in a fresh journal
    expect(await store.get('a')).toBe(2);
    const reopened = await createLowdbStore({ dir, readOnly: true });
    expect(await reopened.get('a')).toBe(2);
    await reopened.close();
    full = false;
    await store.close();
    expect(files(dir).filter((f) => f.endsWith('.log'))).toEqual([]);
    const again = await createLowdbStore({ dir });
    expect(await again.get('a')).toBe(2);
    await again.close();
  });

  test('a corrupt file gives STORE_CORRUPT on get and update and is never replaced', async () => {
    const first = await createLowdbStore({ dir });
    await first.update('conv:a', () => ({ ok: true }));
    await first.close();
    const [file] = files(dir);
    writeFileSync(file!, '{not json'); // damaged while the bot was down (a crash, a disk error, a careless edit)
    const store = await createLowdbStore({ dir });
    await expect(store.get('conv:a')).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
    await expect(store.update('conv:a', () => ({ overwritten: true }))).rejects.toBeInstanceOf(StoreError);
    expect(readFileSync(file!, 'utf8')).toBe('{not json');
    await store.close();
  });

  test('a failed write (disk full) gives STORE_WRITE_FAILED and the old value stays', async () => {
    let full = false;
    const store = await storeOnTestDisk(dir, { full: () => full });
    await store.update('conv:a', () => 'oud');
    full = true;
    await expect(store.update('conv:a', () => 'nieuw')).rejects.toMatchObject({ code: 'STORE_WRITE_FAILED' });
    full = false;
    expect(await store.get('conv:a')).toBe('oud');
    await store.close();
  });

  test('concurrent updates share journal appends, and each resolves only once its change is on disk', async () => {
    const written: number[][] = [];
    const store = await storeOnTestDisk(dir, { slowMs: 5, wrote: (values) => written.push([...((values.get('votes') as number[]) ?? [])]) });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        store.update<number[]>('votes', (c) => [...(c ?? []), i]).then((v) => {
          // resolved: a write that contains this vote is on disk
          expect(written.some((w) => w.includes(i))).toBe(true);
          return v;
        }),
      ),
    );
    expect(results.at(-1)).toHaveLength(40);
    expect(written.length).toBeLessThan(40);
    expect(written.at(-1)).toHaveLength(40);
    await store.close();
    const reopened = await createLowdbStore({ dir });
    expect(await reopened.get<number[]>('votes')).toHaveLength(40);
    await reopened.close();
  });

  test('a failed shared write fails every update in it and on top of it; the key goes back to what is on disk', async () => {
    let full = false;
    const store = await storeOnTestDisk(dir, { slowMs: 5, full: () => full });
    await store.update<number[]>('votes', () => [0]);
    full = true;
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => store.update<number[]>('votes', (c) => [...(c ?? []), i + 1])));
    expect(outcomes.every((o) => o.status === 'rejected' && (o.reason as StoreError).code === 'STORE_WRITE_FAILED')).toBe(true);
    expect(await store.get('votes')).toEqual([0]);
    full = false;
    expect(await store.update<number[]>('votes', (c) => [...(c ?? []), 99])).toEqual([0, 99]);
    await store.close();
  });

  test('a delete right after an update waits for its write, so the file does not come back', async () => {
    const store = await createLowdbStore({ dir });
    const written = store.update('user:u1:conv:c1', () => ({ answer: 'Beleid' }));
    await store.delete('user:u1:conv:c1');
    await written;
    await store.close();
    expect(files(dir)).toEqual([]);
    const reopened = await createLowdbStore({ dir });
    expect(await reopened.get('user:u1:conv:c1')).toBeUndefined();
    await reopened.close();
  });

  test('expired entries are swept from disk', async () => {
    let t = 0;
    const store = await createLowdbStore({ dir, now: () => t, sweepAtOpen: false });
    await store.update('old', () => 1, { ttlMs: 10 });
    await store.update('new', () => 2, { ttlMs: 1000 });
    t = 100;
    expect(await store.sweepExpired()).toBe(1);
    expect(files(dir)).toHaveLength(1);
    await store.close();
  });

  test('a folder that cannot be created is a clear STORE_UNAVAILABLE error', async () => {
    const blocker = path.join(dir, 'file');
    writeFileSync(blocker, 'x');
    await expect(createLowdbStore({ dir: path.join(blocker, 'data') })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  test('killed with SIGKILL right after a write resolved, the value is on disk; while it ran, its folder was locked for other writers', async () => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO_ROOT });
    mkdirSync(dir, { recursive: true });
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'test/fixtures/kill-after-write.mjs'), dir, 'user:u1:conv:c1', 'Beleid'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('written')) resolve();
      });
      child.on('exit', (code) => code !== null && code !== 0 && reject(new Error(`child exited ${code}`)));
    });
    // one writer per folder: while the child runs, this process cannot open it for writing (reading is fine)
    await expect(createLowdbStore({ dir })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringContaining(`in use by process ${child.pid}`) });
    const reader = await createLowdbStore({ dir, readOnly: true });
    expect(await reader.get('user:u1:conv:c1')).toEqual({ answer: 'Beleid' });
    await reader.close();
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    // the lock of a killed process is taken over
    const store = await createLowdbStore({ dir });
    expect(await store.get('user:u1:conv:c1')).toEqual({ answer: 'Beleid' });
    await store.close();
  }, 60_000);
});
