import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createRedisDeduper } from '../../../src/adapters/redis-dedupe.js';

// CI starts Redis: when it is not there, these tests fail (loudly, in beforeAll) rather than skip
const REDIS_URL = 'redis://127.0.0.1:6379/0';

const client = (url: string): Redis => {
  const c = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, connectTimeout: 2000, commandTimeout: 2000, maxRetriesPerRequest: 1, retryStrategy: () => null });
  c.on('error', () => undefined);
  return c;
};

const [one, two] = [client(REDIS_URL), client(REDIS_URL)];
const prefix = `test:${randomUUID()}:`;

beforeAll(async () => {
  await Promise.all([one.connect(), two.connect()]).catch((err: unknown) => {
    throw new Error(`these tests need Redis at ${REDIS_URL} (start it, e.g. \`redis-server\`): ${String(err)}`);
  });
});
afterAll(async () => {
  const keys = await one.keys(`${prefix}*`);
  if (keys.length > 0) await one.del(...keys);
  await Promise.all([one.quit(), two.quit()]);
});

test('the same event id on two instances: exactly one first delivery, 20 times over', async () => {
  const [a, b] = [createRedisDeduper(one, { prefix }), createRedisDeduper(two, { prefix })];
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => Promise.all([a.firstDelivery(`Ev${i}`), b.firstDelivery(`Ev${i}`)])));
  for (const pair of results) expect(pair.filter(Boolean)).toHaveLength(1);
  expect(await a.firstDelivery('Ev0')).toBe(false);
});

test('different ids are both first deliveries; the marker expires with the time to live', async () => {
  const [a, b] = [createRedisDeduper(one, { prefix, ttlMs: 60_000 }), createRedisDeduper(two, { prefix })];
  expect(await a.firstDelivery('EvA')).toBe(true);
  expect(await b.firstDelivery('EvB')).toBe(true);
  const pttl = await one.pttl(`${prefix}dedupe:EvA`);
  expect(pttl).toBeGreaterThan(55_000);
  expect(pttl).toBeLessThanOrEqual(60_000);
});

test('Redis unreachable: every delivery counts as the first', async () => {
  const down = client('redis://127.0.0.1:1'); // nothing listens on port 1
  try {
    const d = createRedisDeduper(down, { prefix });
    expect(await d.firstDelivery('Ev1')).toBe(true);
    expect(await d.firstDelivery('Ev1')).toBe(true);
  } finally {
    down.disconnect();
  }
});

test('Redis not answering in time: counts as the first delivery', async () => {
  const slow = { set: () => new Promise(() => undefined) } as unknown as Redis;
  const started = Date.now();
  expect(await createRedisDeduper(slow, { prefix, timeoutMs: 50 }).firstDelivery('Ev1')).toBe(true);
  expect(Date.now() - started).toBeLessThan(1000);
});
