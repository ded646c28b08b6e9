import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLowdbStore } from '../../../src/storage/lowdb-store.js';
import type { Disk } from '../../../src/storage/lowdb/disk.js';
import { nodeDisk } from '../../../src/storage/lowdb/disk.js';
import type { StoreError } from '../../../src/storage/port.js';
import { createTestDisk, enospc } from '../../helpers/test-disk.js';

/** The lowdb store refuses damaged data loudly, survives a full disk, and makes a resolved write durable. */

const tempDir = (): string => mkdtempSync(path.join(tmpdir(), 'rp-lowdb-faults-'));
const keyFile = (dir: string): string => {
  const [shard] = readdirSync(dir).filter((s) => /^[0-9a-f]{2}$/.test(s));
  const [name] = readdirSync(path.join(dir, shard!)).filter((n) => n.endsWith('.json'));
  return path.join(dir, shard!, name!);
};

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A store with one key in its key file, then closed. */
async function storedInKeyFile(key: string, value: unknown): Promise<string> {
  const store = await createLowdbStore({ dir });
  await store.update(key, () => value);
  await store.close();
  return keyFile(dir);
}

describe('a key file that is not an entry', () => {
  test.each([['null'], ['42'], ['[]'], ['false'], ['"text"'], ['{}'], ['{"key":"conv:a"}']])('%s is STORE_CORRUPT on get and update, and the file stays as it is', async (content) => {
    const file = await storedInKeyFile('conv:a', { step: 'rol' });
    writeFileSync(file, content);
    const store = await createLowdbStore({ dir });
    await expect(store.get('conv:a')).rejects.toMatchObject({ code: 'STORE_CORRUPT', message: expect.stringContaining(file) });
    await expect(store.update('conv:a', () => ({ step: 'nieuw' }))).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
    await expect(store.update('conv:a', () => undefined)).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
    expect(await store.sweepExpired()).toBe(0);
    await store.close(); // a checkpoint at close has nothing to write for it
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  test('a damaged file of a long key (named by its hash, so the key is only inside it) is STORE_CORRUPT too, never overwritten', async () => {
    const key = `teams:${'x'.repeat(300)}`;
    const file = await storedInKeyFile(key, { step: 'rol' });
    expect(path.basename(file)).toMatch(/^h-[0-9a-f]{40}\.json$/);
    writeFileSync(file, 'null');
    const store = await createLowdbStore({ dir });
    await expect(store.get(key)).rejects.toMatchObject({ code: 'STORE_CORRUPT', message: expect.stringContaining(file) });
    await expect(store.update(key, () => ({ step: 'nieuw' }))).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
    await store.close();
    expect(readFileSync(file, 'utf8')).toBe('null');
  });

  test('the message says what the file holds, without its content', async () => {
    const file = await storedInKeyFile('conv:a', 'geheim');
    writeFileSync(file, 'null');
    const store = await createLowdbStore({ dir });
    await expect(store.get('conv:a')).rejects.toThrow(`the data file ${file} is damaged or unreadable (it holds null instead of an entry); it was left untouched`);
    writeFileSync(file, '{"key":"conv:a","value":"geheim"'); // cut off
    await expect(store.get('conv:a')).rejects.toThrow('(it is not valid JSON)');
    await store.close();
  });
});

describe('a damaged journal', () => {
  const journal = (): string => path.join(dir, 'journal.log');
  const sealed = (): string => path.join(dir, 'journal.sealed.log');

  /** Four updates in the live journal (a crash: the store is never closed), and its lines. */
  async function journalOfFour(): Promise<string[]> {
    const store = await createLowdbStore({ dir, checkpointEveryMs: 60_000 });
    for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) await store.update(key, () => ({ answer: `antwoord ${i}` }));
    return readFileSync(journal(), 'utf8').split('\n').slice(0, -1);
  }

  async function refusedAt(file: string, line: number, why: string | RegExp): Promise<void> {
    const before = readFileSync(file);
    const err = (await createLowdbStore({ dir }).then(() => undefined, (e: unknown) => e)) as StoreError;
    expect(err).toMatchObject({ code: 'STORE_CORRUPT' });
    expect(err.message).toContain(`the journal ${file} is damaged at line ${line}: `);
    expect(err.message).toMatch(why);
    expect(err.message).toContain('The store did not start and left the file untouched');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(path.join(dir, '.lock'))).toBe(false); // refused without keeping the folder locked
  }

  test('a line in the middle changed so that it still reads as JSON is refused: its checksum does not match', async () => {
    const lines = await journalOfFour();
    lines[1] = lines[1]!.replace('antwoord 1', 'antwoord 7');
    writeFileSync(journal(), `${lines.join('\n')}\n`);
    await refusedAt(journal(), 2, 'its checksum does not match its content');
  });

  test('a line missing in the middle is refused: the entry numbers have a gap', async () => {
    const lines = await journalOfFour();
    writeFileSync(journal(), `${[lines[0], lines[2], lines[3]].join('\n')}\n`);
    await refusedAt(journal(), 2, 'entry 3 follows entry 1');
  });

  test('bytes cut out of the middle (the end of one line and the start of the next) are refused', async () => {
    const text = (await journalOfFour()).join('\n') + '\n';
    const cutFrom = text.indexOf('antwoord 1');
    writeFileSync(journal(), text.slice(0, cutFrom) + text.slice(text.indexOf('antwoord 2')));
    await refusedAt(journal(), 2, /checksum|not a journal line|follows/);
  });

  test('a cut-off last line of the live journal is still dropped (its update never resolved), and the numbering goes on', async () => {
    const lines = await journalOfFour();
    writeFileSync(journal(), `${lines.join('\n')}\n${lines[3]!.slice(0, 20)}`);
    const store = await createLowdbStore({ dir, checkpointEveryMs: 60_000 });
    expect(await store.get('d')).toEqual({ answer: 'antwoord 3' });
    await store.update('e', () => 'e');
    expect(readFileSync(journal(), 'utf8').split('\n').at(-2)).toMatch(/^5 [0-9a-f]{8} \{"k":"e","v":"e"\}$/);
    await store.close();
  });

  test('a sealed journal whose last line is cut off is refused: it was complete when it was sealed', async () => {
    const lines = await journalOfFour();
    writeFileSync(sealed(), `${lines.slice(0, 3).join('\n')}\n${lines[3]!.slice(0, 25)}`);
    rmSync(journal());
    await refusedAt(sealed(), 4, 'the line is cut off, and a sealed journal was complete when it was sealed');
  });

  test('a sealed journal that lost whole lines at its end is refused: the live journal does not follow on from it', async () => {
    const lines = await journalOfFour();
    writeFileSync(sealed(), `${lines.slice(0, 2).join('\n')}\n`);
    writeFileSync(journal(), `${lines[3]}\n`);
    await refusedAt(journal(), 1, `it starts at entry 4, but the sealed journal ${sealed()} ends at entry 2`);
  });

  test('a journal of the previous version (lines without entry numbers) is read, and this version goes on after it', async () => {
    writeFileSync(journal(), '{"k":"a","v":1}\n{"k":"b","v":{"answer":"Beleid"}}\n{"k":"a","d":1}\n');
    const store = await createLowdbStore({ dir, checkpointEveryMs: 60_000 });
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('b')).toEqual({ answer: 'Beleid' });
    await store.update('c', () => 3);
    const reopened = await createLowdbStore({ dir, readOnly: true });
    expect(await reopened.get('c')).toBe(3);
    await reopened.close();
    await store.close();
  });

  test('values with line and paragraph separators (U+2028, U+2029) and newlines come back from the journal as they were', async () => {
    const odd = 'een\u2028twee\u2029drie\nvier\r"vijf"';
    const store = await createLowdbStore({ dir, checkpointEveryMs: 60_000 });
    await store.update('odd', () => ({ text: odd }));
    const reopened = await createLowdbStore({ dir, readOnly: true });
    expect(await reopened.get('odd')).toEqual({ text: odd });
    await reopened.close();
    await store.close();
  });
});

describe('a full disk', () => {
  test('at start, the message says the disk is full (not just that the folder cannot be locked), and no lock is left', async () => {
    const disk = createTestDisk({ full: () => true });
    await expect(createLowdbStore({ dir, disk })).rejects.toMatchObject({
      code: 'STORE_WRITE_FAILED',
      message: `cannot lock the data folder ${dir}: the disk holding DATA_DIR is full (ENOSPC)`,
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  test('during writes: the updates fail, and a line the disk cut short is removed, so the journal reads well after', async () => {
    let room = Infinity;
    const disk: Disk = {
      ...nodeDisk,
      async openAppend(file) {
        const real = await nodeDisk.openAppend(file);
        // a disk that fills up in the middle of an append: part of the text gets in
        return { ...real, write: (text) => (text.length <= room ? real.write(text) : real.write(text.slice(0, room))) };
      },
    };
    const store = await createLowdbStore({ dir, disk, checkpointEveryMs: 60_000 });
    await store.update('a', () => 1);
    room = 10;
    await expect(store.update('a', () => 2)).rejects.toMatchObject({ code: 'STORE_WRITE_FAILED', message: expect.stringContaining('the disk holding DATA_DIR is full') });
    room = Infinity;
    await store.update('b', () => 'b');
    const reopened = await createLowdbStore({ dir, readOnly: true });
    expect([await reopened.get('a'), await reopened.get('b')]).toEqual([1, 'b']);
    await reopened.close();
    await store.close();
  });

  test('a checkpoint that fails in the background is reported as a STORE_WRITE_FAILED fault', async () => {
    const { JSONFile } = await import('lowdb/node');
    const faults: StoreError[] = [];
    const store = await createLowdbStore({
      dir,
      checkpointEveryMs: 20,
      onBackgroundFault: (err) => faults.push(err),
      adapter: (file) => ({ read: () => new JSONFile<never>(file).read(), write: () => Promise.reject(enospc()) }),
    });
    await store.update('a', () => 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(faults[0]).toMatchObject({ code: 'STORE_WRITE_FAILED', message: expect.stringContaining('cannot write the data file') });
    expect(await store.get('a')).toBe(1);
    await store.close();
  });
});

describe('durability', () => {
  /** The real disk, recording appends, fsyncs and removals in order. */
  function recordingDisk(events: string[]): Disk {
    const name = (f: string): string => (path.extname(f) === '.json' ? 'key file' : f === dir ? 'data folder' : /^[0-9a-f]{2}$/.test(path.basename(f)) ? 'shard folder' : path.basename(f));
    return {
      ...nodeDisk,
      async openAppend(file) {
        const real = await nodeDisk.openAppend(file);
        return { ...real, write: (t) => (events.push('append'), real.write(t)), datasync: () => (events.push('fsync journal'), real.datasync()) };
      },
      sync: (f) => (events.push(`fsync ${name(f)}`), nodeDisk.sync(f)),
      remove: (f) => (events.push(`remove ${name(f)}`), nodeDisk.remove(f)),
      rename: (a, b) => (events.push(`rename ${name(a)} to ${name(b)}`), nodeDisk.rename(a, b)),
    };
  }

  test('an update resolves after its journal line is fsynced; updates that come together share one append and one fsync', async () => {
    const events: string[] = [];
    const store = await createLowdbStore({ dir, disk: recordingDisk(events), checkpointEveryMs: 60_000 });
    await store.update('a', () => 1).then(() => events.push('resolved'));
    expect(events).toEqual(['fsync data folder', 'append', 'fsync journal', 'resolved']); // a new journal: its folder entry first
    events.length = 0;
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.update('votes', (c: number[] | undefined) => [...(c ?? []), i])));
    expect(events.filter((e) => e === 'fsync journal').length).toBeLessThanOrEqual(2);
    await store.close();
  });

  test('a checkpoint fsyncs the key files and their folders before it removes the sealed journal', async () => {
    const events: string[] = [];
    const store = await createLowdbStore({ dir, disk: recordingDisk(events), checkpointEveryMs: 60_000 });
    await store.update('a', () => 1);
    events.length = 0;
    await store.checkpoint();
    expect(events).toEqual([
      'rename journal.log to journal.sealed.log',
      'fsync data folder',
      'fsync key file',
      'fsync shard folder',
      'remove journal.sealed.log',
    ]);
    await store.close();
  });
});
