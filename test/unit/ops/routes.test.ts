import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { createMemoryStore } from '../../../src/storage/memory-store.js';
import type { Store } from '../../../src/storage/port.js';
import { onlyLoopback, startTestApp, type TestApp } from '../../helpers/app.js';
import { SMALL_KNOWLEDGE } from '../../helpers/snapshot.js';
import { cardsOf, cardText, interceptConnector, teamsFixture } from '../../helpers/teams.js';

/** GET /readyz and GET /metrics on the real server. */

onlyLoopback(nock);

const TOKEN = 'routes-test-admin-token';

async function getJson(app: TestApp, route: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${app.url}${route}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('/readyz', () => {
  test('200 with the knowledge version, the instance and the store state', async () => {
    const app = await startTestApp({ INSTANCE_ID: 'instance-a' });
    try {
      const { status, body } = await getJson(app, '/readyz');
      expect(status).toBe(200);
      expect(body).toEqual({
        status: 'ready',
        instance: 'instance-a',
        knowledge: { version: app.knowledge.current().version, concepts: 2 },
        store: 'ok',
      });
    } finally {
      await app.close();
    }
  });

  test('503 when the store does not answer its ping (false, rejected)', async () => {
    const inner = createMemoryStore();
    let ping: () => Promise<boolean> = async () => false;
    const store: Store = { ...inner, ping: () => ping() };
    const app = await startTestApp({}, store);
    try {
      const down = await getJson(app, '/readyz');
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ status: 'not ready', store: 'unavailable', knowledge: { version: app.knowledge.current().version } });
      ping = () => Promise.reject(new Error('connection refused'));
      expect((await getJson(app, '/readyz')).status).toBe(503);
      ping = async () => true;
      expect((await getJson(app, '/readyz')).status).toBe(200);
      // liveness is a separate question: the process is alive even with the store down
      ping = async () => false;
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  test('503 with shuttingDown while draining; other routes get 503 too', async () => {
    const app = await startTestApp();
    try {
      await app.inflight.drain(0);
      const { status, body } = await getJson(app, '/readyz');
      expect(status).toBe(503);
      expect(body).toMatchObject({ status: 'not ready', store: 'ok', shuttingDown: true });
      const turn = await app.post('/api/messages', teamsFixture('personal-message'));
      expect(turn.status).toBe(503);
      expect(app.events).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('/metrics', () => {
  let app: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rp-metrics-'));
    await cp(SMALL_KNOWLEDGE, dir, { recursive: true });
    app = await startTestApp({ KNOWLEDGE_DIR: dir, ADMIN_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => nock.cleanAll());

  const metrics = async () => {
    const res = await fetch(`${app.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };
  const reload = () => app.post('/admin/reload', '', { authorization: `Bearer ${TOKEN}` });

  test('Prometheus text: turns by platform and outcome, lookups, turn latency buckets', async () => {
    const before = await metrics();
    expect(before).toContain('# TYPE routeplanner_turns_total counter');
    expect(before).toContain('routeplanner_lookups_total{outcome="match"} 0');
    expect(before).not.toContain('routeplanner_turns_total{platform="teams",outcome="ok"}');

    const sent = interceptConnector();
    expect((await app.post('/api/messages', teamsFixture('personal-message'))).status).toBe(200);
    expect(cardText(cardsOf(sent)[0])).toContain('Sociale basis');
    await app.post('/api/messages', { ...teamsFixture('personal-message'), id: 'm-2', text: 'hoe laat vertrekt de trein naar Zwolle' });

    const text = await metrics();
    expect(text).toContain('routeplanner_turns_total{platform="teams",outcome="ok"} 2');
    expect(text).toContain('routeplanner_lookups_total{outcome="match"} 1');
    expect(text).toMatch(/^routeplanner_lookups_total\{outcome="(none|suggest)"\} 1$/m);
    expect(text).toContain('# TYPE routeplanner_turn_duration_seconds histogram');
    expect(text).toMatch(/^routeplanner_turn_duration_seconds_bucket\{le="\+Inf",platform="teams"\} 2$/m);
    expect(text).toMatch(/^routeplanner_turn_duration_seconds_count\{platform="teams"\} 2$/m);
    // default process metrics are there, with our prefix; no user or conversation ids anywhere
    expect(text).toContain('routeplanner_process_cpu_user_seconds_total');
    expect(text).not.toMatch(/Anna|6f1c2b3a|PersonalConversation|sociale basis/);
  });

  test('reloads, failed reloads and the active version', async () => {
    const first = app.knowledge.current().version;
    expect(await metrics()).toContain(`routeplanner_knowledge_info{version="${first}"} 1`);
    expect(await metrics()).toContain('routeplanner_knowledge_concepts 2');

    const basis = path.join(dir, 'concepts/basis.yaml');
    const good = await readFile(basis, 'utf8');
    await writeFile(basis, good.replace('Uitleg over preventie.', 'Nieuwe uitleg over preventie.'));
    expect((await reload()).status).toBe(200);
    const second = app.knowledge.current().version;
    expect(second).not.toBe(first);

    await writeFile(basis, 'concepts: [kapot');
    expect((await reload()).status).toBe(422);
    expect((await reload()).status).toBe(422);

    const text = await metrics();
    expect(text).toContain('routeplanner_reloads_total{via="http"} 1');
    expect(text).toContain('routeplanner_reloads_failed_total{via="http"} 2');
    expect(text).toContain(`routeplanner_knowledge_info{version="${second}"} 1`);
    expect(text).not.toContain(`version="${first}"`); // only the active version is reported
    await writeFile(basis, good);
  });
});
