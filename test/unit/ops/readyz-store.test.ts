import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import nock from 'nock';
import { encodeAction } from '../../../src/bot/actions.js';
import { createLogger } from '../../../src/log.js';
import { createFaultLog } from '../../../src/storage/fault-log.js';
import { createLowdbStore } from '../../../src/storage/lowdb-store.js';
import { createRedisStore } from '../../../src/storage/redis-store.js';
import { watchStore } from '../../../src/storage/watched-store.js';
import { onlyLoopback, startTestApp, until, type TestApp } from '../../helpers/app.js';
import { cardsOf, cardText, interceptConnector, teamsFixture } from '../../helpers/teams.js';
import { createTestDisk } from '../../helpers/test-disk.js';

/**
 * /readyz while the store answers its ping but its writes fail (a full disk under lowdb, a Redis that refuses
 * writes), through the real server: 503 with "writes failing", one warn line with the code, and back to 200 by
 * itself once writes work again.
 */

onlyLoopback(nock);

const REDIS_URL = 'redis://127.0.0.1:6379/0';

function faultLogLines(): { lines: Array<Record<string, unknown>>; faults: ReturnType<typeof createFaultLog> } {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      cb();
    },
  });
  return { lines, faults: createFaultLog(createLogger({ level: 'debug', destination })) };
}

async function readyz(app: TestApp): Promise<{ status: number; store: unknown }> {
  const res = await fetch(`${app.url}/readyz`);
  return { status: res.status, store: ((await res.json()) as { store: unknown }).store };
}

/** A card click that starts the small dialogue: a turn that writes. */
const startDialogue = (id: string) => ({ ...teamsFixture('card-submit'), id, value: { rp: encodeAction({ a: 'start', d: 'kort' }) } });

test('lowdb on a disk that fills up: the turn gets the notice, the log a STORE_WRITE_FAILED line, /readyz 503 until there is room again', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rp-readyz-'));
  let full = false;
  const { lines, faults } = faultLogLines();
  const store = watchStore(await createLowdbStore({ dir, disk: createTestDisk({ full: () => full }), onBackgroundFault: (e) => faults.report(e, 'background') }), faults);
  const app = await startTestApp({}, store);
  try {
    expect(await readyz(app)).toEqual({ status: 200, store: 'ok' });
    full = true;
    expect(await readyz(app)).toEqual({ status: 200, store: 'ok' }); // nothing has tried to write yet

    const sent = interceptConnector();
    expect((await app.post('/api/messages', startDialogue('m-full'))).status).toBe(200);
    await until(() => sent.length > 0);
    expect(cardText(cardsOf(sent)[0])).toContain('Ik kan je antwoord nu niet opslaan');
    expect(lines).toEqual([expect.objectContaining({ level: 40, code: 'STORE_WRITE_FAILED', op: 'update', detail: expect.stringContaining('the disk holding DATA_DIR is full (ENOSPC)') })]);

    expect(await readyz(app)).toEqual({ status: 503, store: 'writes failing' });
    expect(await readyz(app)).toEqual({ status: 503, store: 'writes failing' });
    full = false;
    expect(await readyz(app)).toEqual({ status: 200, store: 'ok' });
    expect((await app.post('/api/messages', startDialogue('m-room'))).status).toBe(200);
    await until(() => sent.length > 1);
    expect(cardText(cardsOf(sent).at(-1))).toContain('Kort');
    expect(lines).toHaveLength(1); // the probe's failure fell in the same minute as the first fault
  } finally {
    nock.cleanAll();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Redis that refuses writes (here: an ACL user without write commands) while it answers PING: /readyz 503 until it takes writes again', async () => {
  const admin = new Redis(REDIS_URL, { enableOfflineQueue: true, maxRetriesPerRequest: 1 });
  const prefix = `test:readyz:${randomUUID()}:`;
  const user = `rp-test-${randomUUID()}`;
  await admin.call('ACL', 'SETUSER', user, 'on', '>secret', `~${prefix}*`, '&*', '+@all');
  const { lines, faults } = faultLogLines();
  const store = watchStore(createRedisStore({ url: `redis://${user}:secret@127.0.0.1:6379/0`, prefix }), faults);
  const app = await startTestApp({}, store);
  try {
    expect(await readyz(app)).toEqual({ status: 200, store: 'ok' });
    await admin.call('ACL', 'SETUSER', user, '-@write'); // the app wrote its start record; from now on writes are refused
    await expect(store.update('conv:1', () => ({ step: 'a' }))).rejects.toMatchObject({ code: 'STORE_WRITE_FAILED' });
    expect(lines).toEqual([expect.objectContaining({ code: 'STORE_WRITE_FAILED', op: 'update' })]);
    expect(await readyz(app)).toEqual({ status: 503, store: 'writes failing' });
    await admin.call('ACL', 'SETUSER', user, '+@write');
    expect(await readyz(app)).toEqual({ status: 200, store: 'ok' });
    expect(await store.update('conv:1', () => ({ step: 'b' }))).toEqual({ step: 'b' });
  } finally {
    await app.close();
    await admin.call('ACL', 'DELUSER', user);
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    await admin.quit();
  }
});
