import { spawn, type ChildProcess } from 'node:child_process';
import type { GroupSession } from '../../src/bot/dialogues/session.js';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import nock from 'nock';
import { Redis } from 'ioredis';
import { createRedisDeduper } from '../../src/adapters/redis-dedupe.js';
import { createLogger } from '../../src/log.js';
import { createRedisBroadcast, type ReloadBroadcast } from '../../src/ops/cluster.js';
import { createRedisStore } from '../../src/storage/redis-store.js';
import { freePort, onlyLoopback, startTestApp, until, type TestApp } from '../helpers/app.js';
import { SMALL_KNOWLEDGE } from '../helpers/snapshot.js';
import { BOT_TOKEN, SIGNING_SECRET, SLACK_API, interceptSlack, signed, slackFixture } from '../helpers/slack.js';
import { cardsOf, cardText, interceptConnector, teamsFixture, type SentActivity } from '../helpers/teams.js';

/**
 * Several instances behind a load balancer: two real apps on two ports share one real Redis
 * (127.0.0.1:6379; .ci/run starts it). Each test run uses its own key prefix and removes its keys.
 */

onlyLoopback(nock);
jest.setTimeout(30_000);

const REDIS_URL = 'redis://127.0.0.1:6379';
const TOKEN = 'cluster-admin-token';

interface Instance {
  readonly app: TestApp;
}

async function instance(name: string, prefix: string, knowledgeDir: string, redisUrl = REDIS_URL, broadcast?: ReloadBroadcast): Promise<Instance> {
  interceptSlack(); // Bolt checks the token (auth.test) as soon as the app starts
  const store = createRedisStore({ url: redisUrl, prefix, commandTimeoutMs: 500 });
  const app = await startTestApp(
    {
      KNOWLEDGE_DIR: knowledgeDir, ADMIN_TOKEN: TOKEN, KNOWLEDGE_SYNC_SECONDS: '1', INSTANCE_ID: name,
      SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${SLACK_API}/api/`,
    },
    store,
    { deduper: createRedisDeduper(store.client, { prefix }), broadcast: broadcast ?? createRedisBroadcast({ url: redisUrl, prefix, log: createLogger({ level: 'silent' }) }) },
  );
  return { app };
}

async function removeKeys(prefix: string, url = REDIS_URL): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, disconnectTimeout: 100 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const keys = await client.keys(`${prefix}*`);
    if (keys.length > 0) await client.del(...keys);
  } catch {
    // a private Redis that is already gone has nothing left to remove
  } finally {
    client.disconnect();
  }
}

/** The button payload of the choice labelled `label` in the last card that has it. */
function choicePayload(sent: readonly SentActivity[], label: string): string {
  const card = [...cardsOf(sent)].reverse().find((c) => JSON.stringify(c).includes(`"title":"${label}"`))!;
  const match = JSON.stringify(card).match(new RegExp(`"title":"${label}","data":\\{"rp":"((?:[^"\\\\]|\\\\.)*)"`));
  return match![1]!.replace(/\\"/g, '"');
}

const personal = (text: string) => ({ ...teamsFixture('personal-message'), id: randomUUID(), text });
const submit = (rp: string, from?: Record<string, string>) => ({ ...teamsFixture('card-submit'), id: randomUUID(), value: { rp }, ...(from ? { from } : {}) });

describe('two instances sharing Redis', () => {
  let prefix: string;
  let dir: string;
  let a: Instance;
  let b: Instance;
  let sent: SentActivity[];

  beforeAll(async () => {
    prefix = `test:cluster:${randomUUID()}:`;
    dir = mkdtempSync(path.join(tmpdir(), 'rp-cluster-'));
    cpSync(SMALL_KNOWLEDGE, dir, { recursive: true });
    a = await instance('instance-a', prefix, dir);
    b = await instance('instance-b', prefix, dir);
  });
  afterAll(async () => {
    await a?.app.close();
    await b?.app.close();
    await removeKeys(prefix);
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    nock.cleanAll();
    sent = interceptConnector();
  });

  test('a dialogue started through instance A continues through instance B', async () => {
    await a.app.post('/api/messages', personal('start proef'));
    expect(cardText(cardsOf(sent).at(-1))).toContain('Wat is je rol?');
    const beleid = choicePayload(sent, 'Beleid');
    sent.length = 0;
    expect((await b.app.post('/api/messages', submit(beleid))).status).toBe(200);
    expect(cardText(cardsOf(sent).at(-1))).toContain('Wat vind je belangrijk?');
    expect(b.app.events.at(-1)).toMatchObject({ kind: 'action', payload: beleid });
  });

  test('a group session gets concurrent answers through both instances and counts every one', async () => {
    const mention = teamsFixture('channel-mention');
    const conversation = { ...(mention['conversation'] as object), id: `19:cluster@thread.tacv2;messageid=${randomUUID()}` };
    await a.app.post('/api/messages', { ...mention, id: randomUUID(), conversation });
    const beleid = choicePayload(sent, 'Beleid');
    const members = Array.from({ length: 12 }, (_, i) => ({ id: `29:1Lid${i}`, name: `Lid ${i}`, aadObjectId: `aad-lid-${i}` }));
    const results = await Promise.all(
      members.map((from, i) => (i % 2 === 0 ? a : b).app.post('/api/messages', { ...submit(beleid, from), conversation })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const store = a.app.store;
    const key = encodeURIComponent(`teams:${conversation.id}`);
    const session = await store.get<GroupSession>(`session:${key}`);
    expect(session!.tallies['rol']).toMatchObject({ respondents: 12, counts: { 'c:beleid': 12 } });
    expect(await store.list(`vote:${key}:${session!.id}:`)).toHaveLength(12);
  });

  test('a reload through instance A changes the answers on instance B within a second', async () => {
    const file = path.join(dir, 'concepts/basis.yaml');
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, before.replace('short: Alles wat vrij toegankelijk is', 'short: Bijgewerkt, alles wat vrij toegankelijk is'));
    try {
      const res = await a.app.post('/admin/reload', '', { authorization: `Bearer ${TOKEN}` });
      expect(res.status).toBe(200);
      const version = (JSON.parse(res.body) as { version: string }).version;
      const reloadedAt = Date.now();
      let seenOnB = 0;
      await until(() => {
        if (b.app.knowledge.current().version === version) seenOnB ||= Date.now();
        return seenOnB > 0;
      }, 1000);
      expect(seenOnB - reloadedAt).toBeLessThan(1000);
      const ready = await fetch(`${b.app.url}/readyz`).then((r) => r.json() as Promise<{ knowledge: { version: string } }>);
      expect(ready.knowledge.version).toBe(version);
      await b.app.post('/api/messages', personal('wat is de sociale basis?'));
      expect(cardText(cardsOf(sent).at(-1))).toContain('Bijgewerkt, alles wat vrij toegankelijk is');
      // only instance A records the attempt; B followed it
      const status = await b.app.reloader.status();
      expect(status.attempts[0]).toMatchObject({ by: 'http', via: 'http', ok: true, version });
      expect(b.app.reloader.active()).toMatchObject({ version, via: 'peer', loadedBy: 'instance-a' });
    } finally {
      writeFileSync(file, before);
    }
  });

  test('an instance that misses the reload message catches up at its next check', async () => {
    // instance C hears nothing on the channel (as if its connection was down when A published)
    const deaf: ReloadBroadcast = { publish: async () => undefined, subscribe: async () => undefined, close: async () => undefined };
    const c = await instance('instance-c', prefix, dir, REDIS_URL, deaf);
    const file = path.join(dir, 'concepts/basis.yaml');
    const before = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, before.replace('short: Alles wat vrij toegankelijk is', 'short: Gemist, alles wat vrij toegankelijk is'));
      const res = await a.app.post('/admin/reload', '', { authorization: `Bearer ${TOKEN}` });
      const version = (JSON.parse(res.body) as { version: string }).version;
      await until(() => c.app.knowledge.current().version === version, 5000); // KNOWLEDGE_SYNC_SECONDS=1
      expect(c.app.reloader.active()).toMatchObject({ version, via: 'sync' });
    } finally {
      writeFileSync(file, before);
      await c.app.close();
    }
  });

  test('the same Slack event delivered to both instances runs once', async () => {
    nock.cleanAll();
    const slack = interceptSlack();
    const fixture = slackFixture('dm-message');
    const body = { ...fixture, event_id: `Ev${randomUUID()}` };
    const beforeA = a.app.events.length;
    const beforeB = b.app.events.length;
    const req = signed('json', body);
    const [ra, rb] = await Promise.all([a.app.post('/slack/events', req.body, req.headers), b.app.post('/slack/events', req.body, req.headers)]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    await until(() => slack.calls.some((c) => c.method === 'chat.postMessage'));
    await new Promise((r) => setTimeout(r, 300)); // room for a second, wrong, turn to show up
    expect(a.app.events.length - beforeA + (b.app.events.length - beforeB)).toBe(1);
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
  });
});

/** A private Redis we may stop and start (the shared one on 6379 serves other test files at the same time). */
class PrivateRedis {
  private child?: ChildProcess;
  constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const client = new Redis(this.url, { retryStrategy: () => 50, maxRetriesPerRequest: 1, disconnectTimeout: 100 });
    client.on('error', () => undefined);
    try {
      await until(() => client.status === 'ready', 5000);
    } finally {
      client.disconnect();
    }
  }

  /** SHUTDOWN SAVE writes the data to disk first, so the restarted server has it (as a persistent Redis would). */
  async stop(): Promise<void> {
    const exited = new Promise((r) => this.child!.once('exit', r));
    const client = new Redis(this.url, { maxRetriesPerRequest: 1, disconnectTimeout: 100 });
    client.on('error', () => undefined);
    await client.shutdown('SAVE').catch(() => undefined);
    client.disconnect();
    await exited;
  }
}

describe('Redis stopped and restarted in the middle of a dialogue', () => {
  let redis: PrivateRedis;
  let dataDir: string;
  let node: Instance;
  let sent: SentActivity[];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'rp-redis-'));
    redis = new PrivateRedis(await freePort(), dataDir);
    await redis.start();
    node = await instance('instance-c', 'test:restart:', SMALL_KNOWLEDGE, redis.url);
  });
  afterAll(async () => {
    await node?.app.close();
    await redis.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    nock.cleanAll();
    sent = interceptConnector();
  });

  test('no crash, a clear message and 503 on /readyz while it is down; the dialogue goes on when it is back', async () => {
    await node.app.post('/api/messages', personal('start proef'));
    const beleid = choicePayload(sent, 'Beleid');
    await redis.stop();

    sent.length = 0;
    expect((await node.app.post('/api/messages', submit(beleid))).status).toBe(200);
    const down = cardText(cardsOf(sent).at(-1));
    expect(down).toContain('Ik kan je antwoord nu niet opslaan door een storing');
    expect((await fetch(`${node.app.url}/readyz`)).status).toBe(503);

    await redis.start();
    const deadline = Date.now() + 10_000;
    while ((await fetch(`${node.app.url}/readyz`)).status !== 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    sent.length = 0;
    await node.app.post('/api/messages', submit(beleid));
    expect(cardText(cardsOf(sent).at(-1))).toContain('Wat vind je belangrijk?');
    expect(node.app.logs.join('')).not.toContain(BOT_TOKEN);
  });
});
