import { Writable } from 'node:stream';
import { jest } from '@jest/globals';
import { createLogger } from '../../../src/log.js';
import { createFaultLog } from '../../../src/storage/fault-log.js';
import { createMemoryStore } from '../../../src/storage/memory-store.js';
import { StoreError, type Store } from '../../../src/storage/port.js';
import { PROBE_KEY, watchStore } from '../../../src/storage/watched-store.js';

/** Store faults in the log (one warn line per code, rate-limited) and the store's health for /readyz. */

interface LogLine {
  level: number;
  msg: string;
  code?: string;
  op?: string;
  detail?: string;
  suppressed?: number;
}

function capturedLog(): { log: ReturnType<typeof createLogger>; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(JSON.parse(chunk.toString()) as LogLine);
      cb();
    },
  });
  return { log: createLogger({ level: 'debug', destination }), lines };
}

const WARN = 40;

/** A memory store whose operations fail with `failure` while it is set. */
function storeFailingWith(): { store: Store; inner: Store; failWith(e: StoreError | undefined): void } {
  const inner = createMemoryStore();
  let failure: StoreError | undefined;
  const failOr = <T>(work: () => Promise<T>): Promise<T> => (failure ? Promise.reject(failure) : work());
  const store: Store = {
    ...inner,
    get: (k) => failOr(() => inner.get(k)),
    update: (k, fn, o) => failOr(() => inner.update(k, fn, o)),
    delete: (k) => failOr(() => inner.delete(k)),
  };
  return { store, inner, failWith: (e) => void (failure = e) };
}

describe('store fault log', () => {
  test('one warn line per code at once, then the faults of the next period counted in one line', () => {
    jest.useFakeTimers();
    try {
      const { log, lines } = capturedLog();
      const faults = createFaultLog(log, { everyMs: 60_000 });
      const full = new StoreError('STORE_WRITE_FAILED', 'cannot write the journal /data/journal.log: the disk holding DATA_DIR is full (ENOSPC)');
      faults.report(full, 'update');
      for (let i = 0; i < 5; i++) faults.report(full, 'update');
      faults.report(new StoreError('STORE_CORRUPT', 'the data file /data/3f/a.json is damaged'), 'get');
      expect(lines).toEqual([
        expect.objectContaining({ level: WARN, code: 'STORE_WRITE_FAILED', op: 'update', detail: full.message, msg: 'store fault: a write failed (a full disk, or a store that refuses writes)' }),
        expect.objectContaining({ level: WARN, code: 'STORE_CORRUPT', op: 'get', msg: 'store fault: stored data is damaged; it was left untouched' }),
      ]);
      jest.advanceTimersByTime(59_000);
      expect(lines).toHaveLength(2);
      jest.advanceTimersByTime(1_000);
      expect(lines).toHaveLength(3);
      expect(lines[2]).toMatchObject({ level: WARN, code: 'STORE_WRITE_FAILED', suppressed: 5, msg: expect.stringContaining('(5 more since the last line)') });
      // a minute without faults ends the quiet time: the next fault is logged at once again
      jest.advanceTimersByTime(60_000);
      expect(lines).toHaveLength(3);
      faults.report(full, 'delete');
      expect(lines).toHaveLength(4);
      expect(lines[3]).toMatchObject({ code: 'STORE_WRITE_FAILED', op: 'delete' });
      faults.close();
    } finally {
      jest.useRealTimers();
    }
  });

  test('turns against a failing store log codes, never the values or user text', async () => {
    const { log, lines } = capturedLog();
    const { store, failWith } = storeFailingWith();
    const watched = watchStore(store, createFaultLog(log));
    failWith(new StoreError('STORE_UNAVAILABLE', 'Redis GET failed: Connection is closed.'));
    await expect(watched.update('user:u1:conv:c1', () => ({ answer: 'Mijn geheime toelichting' }))).rejects.toBeInstanceOf(StoreError);
    await expect(watched.get('user:u1:conv:c1')).rejects.toBeInstanceOf(StoreError);
    expect(lines).toHaveLength(1); // the same code again within the minute
    expect(lines[0]).toMatchObject({ level: WARN, code: 'STORE_UNAVAILABLE', op: 'update', detail: 'Redis GET failed: Connection is closed.' });
    expect(JSON.stringify(lines)).not.toContain('geheime');
    await watched.close();
  });
});

describe('store health', () => {
  test('ok while writes work; "writes failing" after a failed write although the ping answers; ok again by itself', async () => {
    const { log } = capturedLog();
    const { store, inner, failWith } = storeFailingWith();
    const watched = watchStore(store, createFaultLog(log));
    expect(await watched.health()).toBe('ok');
    expect(await inner.get(PROBE_KEY)).toBeUndefined(); // a healthy store is not written to by health checks

    failWith(new StoreError('STORE_WRITE_FAILED', 'disk full'));
    await expect(watched.update('k', () => 1)).rejects.toMatchObject({ code: 'STORE_WRITE_FAILED' });
    expect(await store.ping()).toBe(true);
    expect(await watched.health()).toBe('writes failing');
    expect(await watched.ping()).toBe(false);

    failWith(undefined); // space freed: the next health check's probe write works
    expect(await watched.health()).toBe('ok');
    expect(await inner.get(PROBE_KEY)).toEqual(expect.any(Number));
    expect(await watched.health()).toBe('ok');
    await watched.close();
  });

  test('a damaged entry is one key\'s problem: logged, but the store stays healthy', async () => {
    const { log, lines } = capturedLog();
    const { store, failWith } = storeFailingWith();
    const watched = watchStore(store, createFaultLog(log));
    failWith(new StoreError('STORE_CORRUPT', 'the data file /data/ab/k.json is damaged'));
    await expect(watched.update('k', () => 1)).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
    failWith(undefined);
    expect(await watched.health()).toBe('ok');
    expect(lines.map((l) => l.code)).toEqual(['STORE_CORRUPT']);
    await watched.close();
  });

  test('unavailable when the ping fails, whatever the writes did', async () => {
    const { log } = capturedLog();
    const inner = createMemoryStore();
    const watched = watchStore({ ...inner, ping: () => Promise.reject(new Error('connection refused')) }, createFaultLog(log));
    expect(await watched.health()).toBe('unavailable');
    await watched.close();
  });
});
