import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { StoreError } from '../../../src/storage/port.js';
import { createRedisStore, type RedisStore } from '../../../src/storage/redis-store.js';
import { describeStoreContract } from './store-contract.js';

// CI starts Redis: when it is not there, these tests fail (loudly, in beforeAll) rather than skip
const REDIS_URL = 'redis://127.0.0.1:6379/0';

/** The tests' own connection, to look at and damage raw keys. */
const admin = new Redis(REDIS_URL, { lazyConnect: true, enableOfflineQueue: false, connectTimeout: 2000, commandTimeout: 2000, maxRetriesPerRequest: 1, retryStrategy: () => null });
admin.on('error', () => undefined);

beforeAll(async () => {
  await admin.connect().catch((err: unknown) => {
    throw new Error(`these tests need Redis at ${REDIS_URL} (start it, e.g. \`redis-server\`): ${String(err)}`);
  });
});
afterAll(() => admin.quit());

const uniquePrefix = (): string => `test:${randomUUID()}:`;

async function deleteAll(prefix: string): Promise<void> {
  const keys = await admin.keys(`${prefix}*`); // the prefix is a UUID: no glob characters to escape
  if (keys.length > 0) await admin.del(...keys);
}

describeStoreContract('redis store', async () => {
  const prefix = uniquePrefix();
  let t = 1_000_000;
  return { store: createRedisStore({ url: REDIS_URL, prefix, now: () => t }), advance: (ms) => void (t += ms), cleanup: () => deleteAll(prefix) };
});

describe('redis store', () => {
  let prefix: string;
  let stores: RedisStore[];
  const open = (p = prefix): RedisStore => {
    const store = createRedisStore({ url: REDIS_URL, prefix: p });
    stores.push(store);
    return store;
  };
  beforeEach(() => {
    prefix = uniquePrefix();
    stores = [];
  });
  afterEach(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await deleteAll(prefix);
  });

  test('two instances (two connections) doing 100 concurrent updates of one key lose nothing', async () => {
    const [a, b] = [open(), open()];
    expect(a.client).not.toBe(b.client);
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? a : b).update<number[]>('votes', (c) => [...(c ?? []), i])),
    );
    const votes = await a.get<number[]>('votes');
    expect(votes).toHaveLength(100);
    expect(new Set(votes).size).toBe(100);
  });

  test('two prefixes do not see each other', async () => {
    const otherPrefix = uniquePrefix();
    const [a, b] = [open(), open(otherPrefix)];
    try {
      await a.update('conv:1', () => 'a');
      await b.update('conv:1', () => 'b');
      await b.update('conv:2', () => 'b2');
      expect(await a.get('conv:1')).toBe('a');
      expect(await b.get('conv:1')).toBe('b');
      expect(await a.list('')).toEqual(['conv:1']);
      expect((await b.list('conv:')).sort()).toEqual(['conv:1', 'conv:2']);
      await a.delete('conv:1');
      expect(await b.get('conv:1')).toBe('b');
    } finally {
      await deleteAll(otherPrefix);
    }
  });

  test('list treats glob characters in keys literally', async () => {
    const store = open();
    await store.update('a*', () => 1);
    await store.update('a?b', () => 2);
    await store.update('[x]\\y', () => 3);
    await store.update('abc', () => 4);
    expect(await store.list('a*')).toEqual(['a*']);
    expect(await store.list('a?')).toEqual(['a?b']);
    expect(await store.list('[x]\\')).toEqual(['[x]\\y']);
  });

  test('a time to live sets a real Redis expiry; a write without one removes it', async () => {
    const store = open();
    await store.update('session', () => ({ step: 1 }), { ttlMs: 60_000 });
    const pttl = await admin.pttl(`${prefix}session`);
    expect(pttl).toBeGreaterThan(55_000);
    expect(pttl).toBeLessThanOrEqual(60_000);
    expect(JSON.parse((await admin.get(`${prefix}session`))!)).toEqual({ v: { step: 1 }, e: expect.any(Number) });
    await store.update('session', () => ({ step: 2 }));
    expect(await admin.pttl(`${prefix}session`)).toBe(-1);
  });

  test('a damaged value gives STORE_CORRUPT on get and update and is never overwritten', async () => {
    const store = open();
    for (const raw of ['{not json', '"no envelope"']) {
      await admin.set(`${prefix}conv:a`, raw);
      await expect(store.get('conv:a')).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
      await expect(store.update('conv:a', () => ({ overwritten: true }))).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
      expect(await admin.get(`${prefix}conv:a`)).toBe(raw);
    }
    expect(await store.list('conv:')).toEqual(['conv:a']);
  });

  test('a key of another type gives STORE_CORRUPT', async () => {
    const store = open();
    await admin.hset(`${prefix}conv:h`, 'f', '1');
    await expect(store.get('conv:h')).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
  });

  test('Redis unreachable: operations fail fast with STORE_UNAVAILABLE and ping is false', async () => {
    const store = createRedisStore({ url: 'redis://127.0.0.1:1' }); // nothing listens on port 1
    try {
      const started = Date.now();
      await expect(store.get('x')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      await expect(store.update('x', () => 1)).rejects.toBeInstanceOf(StoreError);
      await expect(store.update('x', () => 1)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      await expect(store.list('')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      await expect(store.delete('x')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      expect(await store.ping()).toBe(false);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await store.close();
    }
  });

  test('a given client is used and left open by close()', async () => {
    const client = new Redis(REDIS_URL, { enableOfflineQueue: false, commandTimeout: 2000 });
    client.on('error', () => undefined);
    try {
      const store = createRedisStore({ url: 'unused', client, prefix });
      expect(store.client).toBe(client);
      await store.update('k', () => 1);
      await store.close();
      expect(await client.get(`${prefix}k`)).toBe('{"v":1}');
    } finally {
      await client.quit();
    }
  });
});
