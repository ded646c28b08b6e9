import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { storeDeps } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { isWatchedStore } from '../../src/storage/watched-store.js';

/** What npm start builds from STORE: lowdb alone, or Redis with shared event markers and reload pub/sub. */

const log = createLogger({ level: 'silent' });

test('STORE=lowdb (the default): an embedded store under DATA_DIR, event markers and reloads stay in the instance', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rp-deps-'));
  try {
    const deps = await storeDeps(loadConfig({ DATA_DIR: dir }), log);
    expect(deps.deduper).toBeUndefined();
    expect(deps.broadcast).toBeUndefined();
    await deps.store.update('k', () => 1);
    expect(await deps.store.get('k')).toBe(1);
    // watched: its faults are logged and /readyz sees failing writes
    expect(isWatchedStore(deps.store) && (await deps.store.health())).toBe('ok');
    await deps.store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('STORE=redis: the Redis store under REDIS_PREFIX, with event markers shared by all instances and the reload channel', async () => {
  const prefix = `test:deps:${randomUUID()}:`;
  const deps = await storeDeps(loadConfig({ STORE: 'redis', REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX: prefix }), log);
  try {
    expect(await deps.store.ping()).toBe(true);
    expect(isWatchedStore(deps.store) && (await deps.store.health())).toBe('ok');
    await deps.store.update('k', () => 'waarde', { ttlMs: 60_000 });
    expect(await deps.store.list('')).toEqual(['k']);
    expect(await deps.deduper!.firstDelivery('Ev1')).toBe(true);
    expect(await deps.deduper!.firstDelivery('Ev1')).toBe(false);
    const heard: string[] = [];
    await deps.broadcast!.subscribe((m) => heard.push(m.version));
    await new Promise((r) => setTimeout(r, 100)); // the subscription is made on connect
    await deps.broadcast!.publish({ version: 'v2', instance: 'elders' });
    const end = Date.now() + 2000;
    while (heard.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(heard).toEqual(['v2']);
  } finally {
    await deps.store.delete('k');
    await deps.store.delete('dedupe:Ev1');
    await deps.broadcast!.close();
    await deps.store.close();
  }
});
