import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import type { ReloadFailure, ReloadSuccess } from '../../src/knowledge/reload-report.js';
import { normaliseQuery } from '../../src/ops/unanswered.js';
import { RELOAD_HISTORY_KEY } from '../../src/ops/reloader.js';
import type { ReloadAttempt } from '../../src/knowledge/reload-report.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import type { Store } from '../../src/storage/port.js';
import { onlyLoopback, startTestApp, until, type TestApp } from '../helpers/app.js';
import { SMALL_KNOWLEDGE } from '../helpers/snapshot.js';
import { BOT_TOKEN, SIGNING_SECRET, SLACK_API, interceptSlack, signed, slackFixture } from '../helpers/slack.js';
import { cardsOf, cardText, interceptConnector, teamsFixture, type SentActivity } from '../helpers/teams.js';

/**
 * Admin operations through the real server: POST /admin/reload, the chat commands in Teams and Slack,
 * file watching, dialogues across reloads, and a graceful close. Each app gets its own temp copy of the
 * small knowledge fixture.
 */

onlyLoopback(nock);

const TOKEN = 'admin-test-token-not-logged';
const ADMIN_AAD = 'aad-admin-0000-0000-0000-000000000001';
const USER_AAD = '6f1c2b3a-aaaa-4bbb-8ccc-000000000001'; // Anna in the fixture: not an admin
const SHORT_A = 'Alles wat vrij toegankelijk is en mensen helpt elkaar te ontmoeten en mee te doen.';
const BASIS = 'concepts/basis.yaml';

const temps: string[] = [];
afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

async function knowledgeCopy(): Promise<{ dir: string; read(rel: string): Promise<string>; write(rel: string, text: string): Promise<void>; edit(rel: string, from: string, to: string): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rp-admin-'));
  temps.push(dir);
  await cp(SMALL_KNOWLEDGE, dir, { recursive: true });
  const read = (rel: string) => readFile(path.join(dir, rel), 'utf8');
  const write = (rel: string, text: string) => writeFile(path.join(dir, rel), text);
  return {
    dir, read, write,
    async edit(rel, from, to) {
      const text = await read(rel);
      if (!text.includes(from)) throw new Error(`"${from}" not in ${rel}`);
      await write(rel, text.replace(from, to));
    },
  };
}

let messageId = 0;
/** A personal Teams message from a user (by AAD object id), each user in their own 1:1 conversation. */
function teamsMessage(text: string, aad = USER_AAD, name = 'Anna de Vries'): Record<string, unknown> {
  const f = teamsFixture('personal-message');
  return {
    ...f,
    id: `msg-${++messageId}`,
    text,
    from: { id: `29:${aad}`, name, aadObjectId: aad },
    conversation: { ...(f['conversation'] as object), id: `a:1Personal-${aad}` },
  };
}

const allText = (sent: readonly SentActivity[]) => cardsOf(sent).map(cardText).join('\n');

describe('POST /admin/reload', () => {
  let app: TestApp;
  let k: Awaited<ReturnType<typeof knowledgeCopy>>;
  beforeAll(async () => {
    k = await knowledgeCopy();
    app = await startTestApp({ KNOWLEDGE_DIR: k.dir, ADMIN_TOKEN: TOKEN });
  });
  afterAll(() => app.close());

  const reload = (headers: Record<string, string> = {}) => app.post('/admin/reload', '', headers);

  test('without Authorization: 401 and nothing reloaded', async () => {
    const res = await reload();
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toEqual({ error: 'unauthorized' });
    expect((await app.reloader.status()).attempts.map((a) => a.via)).toEqual(['start']);
  });

  test('a wrong token, a token with extra text or another scheme: 401, and the token is not logged', async () => {
    for (const authorization of ['Bearer wrong-token', `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`, TOKEN]) {
      expect((await reload({ authorization })).status).toBe(401);
    }
    expect((await app.reloader.status()).attempts.map((a) => a.via)).toEqual(['start']);
    expect(app.logs.some((l) => l.includes('admin reload refused'))).toBe(true);
    expect(app.logs.join('')).not.toContain(TOKEN);
  });

  test('the right token: 200 with the JSON report', async () => {
    const before = app.knowledge.current().version;
    await k.edit(BASIS, 'Uitleg over preventie.', 'Nieuwe uitleg over preventie.');
    const res = await reload({ authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    const report = JSON.parse(res.body) as ReloadSuccess;
    expect(report).toMatchObject({
      ok: true, changed: true, by: 'http', via: 'http', previousVersion: before,
      counts: { concepts: 2, dialogues: 2 },
      concepts: { added: [], changed: ['preventie'], removed: [] },
      dialogues: { added: [], changed: [], removed: [] },
      warnings: [],
    });
    expect(report.version).toBe(app.knowledge.current().version);
    expect(report.version).not.toBe(before);
    // the scheme is case-insensitive
    expect((await reload({ authorization: `bearer ${TOKEN}` })).status).toBe(200);
  });

  test('broken knowledge: 422 with errors (file and line) and the old version still active', async () => {
    const before = app.knowledge.current().version;
    await k.edit(BASIS, 'related: [sociale-basis]', 'related: [bestaat-niet]');
    const res = await reload({ authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(422);
    const report = JSON.parse(res.body) as ReloadFailure;
    expect(report).toMatchObject({ ok: false, activeVersion: before, by: 'http', via: 'http' });
    expect(report.errors).toContainEqual(expect.objectContaining({ file: BASIS, line: expect.any(Number), message: expect.stringContaining('bestaat-niet') }));
    expect(report.errors.every((e) => e.line > 0)).toBe(true);
    expect(app.knowledge.current().version).toBe(before);
    const [last] = (await app.reloader.status()).attempts;
    expect(last).toMatchObject({ ok: false, via: 'http', version: before, errors: report.errors.length });
  });
});

test('without ADMIN_TOKEN the reload route does not exist (404), whatever the header', async () => {
  const app = await startTestApp();
  try {
    expect((await app.post('/admin/reload', '')).status).toBe(404);
    expect((await app.post('/admin/reload', '', { authorization: 'Bearer ' })).status).toBe(404);
    expect((await app.post('/admin/reload', '', { authorization: 'Bearer undefined' })).status).toBe(404);
    expect((await app.reloader.status()).attempts).toHaveLength(1); // only the start
  } finally {
    await app.close();
  }
});

describe('Teams: admin commands in chat', () => {
  let app: TestApp;
  let sent: SentActivity[];
  let k: Awaited<ReturnType<typeof knowledgeCopy>>;
  beforeAll(async () => {
    k = await knowledgeCopy();
    app = await startTestApp({ KNOWLEDGE_DIR: k.dir, TEAMS_ADMIN_IDS: `other-admin, ${ADMIN_AAD}`, INSTANCE_ID: 'test-instance' });
  });
  afterAll(() => app.close());
  beforeEach(() => {
    nock.cleanAll();
    sent = interceptConnector();
  });

  const say = async (text: string, aad = USER_AAD, name?: string) => {
    sent.length = 0;
    const res = await app.post('/api/messages', teamsMessage(text, aad, name));
    expect(res.status).toBe(200);
    return allText(sent);
  };

  test('a non-admin is refused politely, nothing is reloaded, and the refusal is logged', async () => {
    const attempts = (await app.reloader.status()).attempts.length;
    for (const command of ['herlaad kennis', 'status', 'onbeantwoord']) {
      const text = await say(command);
      expect(text).toContain('Dat mag alleen een beheerder');
    }
    expect((await app.reloader.status()).attempts.length).toBe(attempts);
    const refusals = app.logs.filter((l) => l.includes('admin command refused'));
    expect(refusals).toHaveLength(3);
    expect(refusals[0]).toContain(`teams:${USER_AAD}`);
    expect(refusals.map((l) => (JSON.parse(l) as { command: string }).command)).toEqual(['reload', 'status', 'unanswered']);
  });

  test('an admin types herlaad kennis: the card has the Dutch report', async () => {
    const before = app.knowledge.current().version;
    const unchanged = await say('herlaad kennis', ADMIN_AAD, 'Beheerder');
    expect(unchanged).toContain('De kennisbestanden zijn niet veranderd');
    expect(unchanged).toContain(before);

    await k.edit('dialogues/kort.yaml', 'prompt: Kies A of B.', 'prompt: Kies nu A of B.');
    const text = await say('herlaad', ADMIN_AAD, 'Beheerder');
    const now = app.knowledge.current().version;
    expect(now).not.toBe(before);
    expect(text).toContain('Kennis herladen');
    expect(text).toContain(now);
    expect(text).toContain(`(was ${before})`);
    expect(text).toContain('2 begrippen en 2 gesprekken');
    expect(text).toContain('Gesprekken: nieuw geen; gewijzigd 1 (kort); verwijderd geen.');
    expect(text).toContain('Begrippen: nieuw geen; gewijzigd geen; verwijderd geen.');
    const [last] = (await app.reloader.status()).attempts;
    expect(last).toMatchObject({ ok: true, via: 'chat', by: `Beheerder, teams:${ADMIN_AAD}`, version: now, changes: 1 });
  });

  test('a failed reload in chat lists the problems with file and line, and the old version stays', async () => {
    const before = app.knowledge.current().version;
    const good = await k.read(BASIS);
    await k.write(BASIS, good.replace('term: Preventie', 'term: [Preventie'));
    try {
      const text = await say('herlaad kennis', ADMIN_AAD, 'Beheerder');
      expect(text).toContain('Herladen is niet gelukt');
      expect(text).toContain(`De vorige versie (`);
      expect(text).toContain(before);
      expect(text).toMatch(/concepts\/basis\.yaml:\d+:\d+/);
      expect(app.knowledge.current().version).toBe(before);
      expect(await say('wat is de sociale basis?')).toContain(SHORT_A);
    } finally {
      await k.write(BASIS, good);
    }
  });

  test('status shows the active version and the attempts', async () => {
    const text = await say('status', ADMIN_AAD, 'Beheerder');
    const active = app.reloader.active();
    expect(text).toContain(`Actieve kennisversie: `);
    expect(text).toContain(active.version);
    expect(text).toContain('(2 begrippen, 2 gesprekken)');
    expect(text).toContain('Laatste pogingen:');
    expect(text).toContain('bij het starten, door test-instance: gelukt');
    expect(text).toContain('via de chat');
    expect(text).toMatch(/mislukt \(\d+ fouten?\)/);
    expect(text).toContain(`versie ${active.version}`);
  });

  test('onbeantwoord lists a question asked earlier that got no answer', async () => {
    const question = 'Hoe vraag ik een parkeervergunning aan voor 3 auto’s?';
    const asked = await say(question);
    expect(asked).toContain('Daar heb ik geen antwoord op');
    await say(question.toUpperCase(), 'someone-else');
    const text = await say('onbeantwoord', ADMIN_AAD, 'Beheerder');
    expect(text).toContain('die het vaakst zonder zeker antwoord bleven');
    expect(text).toContain(`"${normaliseQuery(question)}": 2×`);
    expect(text).toContain('geen antwoord');
    expect(text).not.toContain(USER_AAD);
  });
});

describe('Slack: admin commands', () => {
  let app: TestApp;
  let slack: ReturnType<typeof interceptSlack>;
  let k: Awaited<ReturnType<typeof knowledgeCopy>>;
  const send = (kind: 'json' | 'form', data: Record<string, unknown>) => {
    const req = signed(kind, data);
    return app.post('/slack/events', req.body, req.headers);
  };
  beforeAll(async () => {
    k = await knowledgeCopy();
    nock.cleanAll();
    slack = interceptSlack();
    app = await startTestApp({ KNOWLEDGE_DIR: k.dir, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${SLACK_API}/api/`, SLACK_ADMIN_IDS: 'U0ADMIN' });
  });
  afterAll(() => app.close());
  beforeEach(() => {
    nock.cleanAll();
    slack = interceptSlack();
  });

  const responseText = () => slack.responses.map((r) => String(r['text'])).join('\n');

  test('a non-admin /routeplanner herlaad is refused privately, even after the files changed', async () => {
    const before = app.knowledge.current().version;
    await k.edit(BASIS, 'Uitleg over preventie.', 'Andere uitleg over preventie.');
    expect((await send('form', { ...slackFixture('slash-command'), text: 'herlaad' })).status).toBe(200);
    await until(() => slack.responses.length > 0);
    expect(slack.responses[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(responseText()).toContain('Dat mag alleen een beheerder');
    expect(app.knowledge.current().version).toBe(before);
    expect(app.logs.some((l) => l.includes('admin command refused') && l.includes('U0KARIN'))).toBe(true);
  });

  test('/routeplanner onbeantwoord for an admin lists the unanswered questions privately', async () => {
    const dm = slackFixture('dm-message');
    await send('json', { ...dm, event_id: 'Ev-unanswered-1', event: { ...(dm['event'] as object), text: 'wanneer is de gemeenteraad over de begroting' } });
    await until(() => slack.calls.some((c) => c.method === 'chat.postMessage'));
    await send('form', { ...slackFixture('slash-command'), text: 'onbeantwoord', user_id: 'U0ADMIN' });
    await until(() => slack.responses.length > 0);
    expect(slack.responses[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(responseText()).toContain('"wanneer is de gemeenteraad over de begroting": 1×');
    expect(responseText()).not.toContain('U0ANNA');
  });

  test('/routeplanner onbeantwoord for a non-admin is refused', async () => {
    await send('form', { ...slackFixture('slash-command'), text: 'onbeantwoord' });
    await until(() => slack.responses.length > 0);
    expect(responseText()).toContain('Dat mag alleen een beheerder');
    expect(responseText()).not.toContain('gemeenteraad');
  });
});

describe('KNOWLEDGE_WATCH=true', () => {
  let app: TestApp;
  let sent: SentActivity[];
  let k: Awaited<ReturnType<typeof knowledgeCopy>>;
  beforeAll(async () => {
    k = await knowledgeCopy();
    app = await startTestApp({ KNOWLEDGE_DIR: k.dir, KNOWLEDGE_WATCH: 'true' });
  });
  afterAll(() => app.close());
  beforeEach(() => {
    nock.cleanAll();
    sent = interceptConnector();
  });

  const ask = async () => {
    sent.length = 0;
    await app.post('/api/messages', teamsMessage('wat is de sociale basis?'));
    return allText(sent);
  };

  test('a changed file is picked up and the bot answers with the new text', async () => {
    expect(await ask()).toContain(SHORT_A);
    const before = app.knowledge.current().version;
    await k.edit(BASIS, SHORT_A, 'Door de watcher opgepikte nieuwe uitleg van de sociale basis.');
    await until(() => app.knowledge.current().version !== before, 15_000);
    expect(await ask()).toContain('Door de watcher opgepikte nieuwe uitleg van de sociale basis.');
    await until(() => app.logs.some((l) => l.includes('knowledge reloaded') && l.includes('"via":"watch"')), 5000);
  });

  test('a broken file keeps the old version, and the failed attempt is in the history', async () => {
    const before = app.knowledge.current().version;
    const beforeText = await ask();
    await k.write('concepts/kapot.yaml', 'concepts:\n  - id: [kapot\n');
    try {
      await until(() => app.logs.some((l) => l.includes('knowledge reload failed')), 15_000);
      const history = (await app.store.get<ReloadAttempt[]>(RELOAD_HISTORY_KEY)) ?? [];
      expect(history[0]).toMatchObject({ ok: false, via: 'watch', by: 'watch', version: before });
      expect(app.knowledge.current().version).toBe(before);
      expect(await ask()).toBe(beforeText);
    } finally {
      await unlink(path.join(k.dir, 'concepts/kapot.yaml'));
    }
  });
});

describe('a personal dialogue in Teams across reloads', () => {
  let app: TestApp;
  let sent: SentActivity[];
  let k: Awaited<ReturnType<typeof knowledgeCopy>>;
  beforeAll(async () => {
    k = await knowledgeCopy();
    app = await startTestApp({ KNOWLEDGE_DIR: k.dir, ADMIN_TOKEN: TOKEN });
  });
  afterAll(() => app.close());
  beforeEach(() => {
    nock.cleanAll();
    sent = interceptConnector();
  });

  const say = async (text: string) => {
    sent.length = 0;
    expect((await app.post('/api/messages', teamsMessage(text))).status).toBe(200);
    return allText(sent);
  };
  const reload = async () => {
    const res = await app.post('/admin/reload', '', { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    return JSON.parse(res.body) as ReloadSuccess;
  };

  test('a reload that changes the dialogue moves the run on safely; one that removes it ends it with a summary', async () => {
    expect(await say('start kort')).toContain('Kies A of B.');
    expect(await say('2')).toContain('Score?');

    // a new step before the current one
    await k.edit('dialogues/kort.yaml', '  - id: b\n', '  - id: nieuw\n    kind: text\n    title: Nieuw\n    prompt: Een nieuwe vraag?\n    maxLength: 100\n  - id: b\n');
    expect((await reload()).dialogues.changed).toEqual(['kort']);
    const changed = await say('4');
    expect(changed).toContain('Dit gesprek is bijgewerkt sinds je begon');
    expect(changed).toContain('Een nieuwe vraag?');
    expect(changed).not.toMatch(/ging iets mis/);
    expect(await say('Mijn antwoord')).toContain('Score?');

    // the dialogue is removed
    await unlink(path.join(k.dir, 'dialogues/kort.yaml'));
    expect((await reload()).dialogues.removed).toEqual(['kort']);
    const removed = await say('5');
    expect(removed).toContain('bestaat niet meer');
    expect(removed).toContain('Kort gesprek');
    expect(removed).toContain('Optie B');
    expect(removed).toContain('Mijn antwoord');
    expect(removed).not.toMatch(/ging iets mis/);
    expect(app.logs.some((l) => l.includes('teams turn failed'))).toBe(false);
  });
});

describe('graceful close', () => {
  test('a turn that is still writing its state finishes before close() resolves', async () => {
    const inner = createMemoryStore();
    let armed = false;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let reachedGate!: () => void;
    const atGate = new Promise<void>((r) => (reachedGate = r));
    const order: string[] = [];
    const store: Store = {
      ...inner,
      async update(key, fn, opts) {
        if (armed && !key.startsWith('ops:') && !key.startsWith('teams:msg:')) {
          armed = false;
          reachedGate();
          await gate;
          const value = await inner.update(key, fn, opts);
          order.push(`written ${key}`);
          return value;
        }
        return inner.update(key, fn, opts);
      },
      async close() {
        order.push('store closed');
        await inner.close();
      },
    };
    const app = await startTestApp({}, store);
    nock.cleanAll();
    const sent = interceptConnector();
    armed = true;
    const turn = app.post('/api/messages', teamsMessage('start kort'));
    await atGate; // the turn is in flight, blocked in its state write
    let closed = false;
    const closing = app.close({ drainMs: 20_000 }).then(() => {
      closed = true;
      order.push('closed');
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(false); // close waits for the turn
    expect(app.inflight.draining).toBe(true);
    release();
    const res = await turn;
    await closing;
    expect(res.status).toBe(200);
    expect(allText(sent)).toContain('Kies A of B.');
    expect(order[0]).toMatch(/^written user:/);
    expect(order.slice(-2)).toEqual(['store closed', 'closed']);
    const keys = await inner.list('user:');
    expect(keys).toHaveLength(1);
    expect(JSON.stringify(await inner.get(keys[0]!))).toContain('"kort"');
    expect(app.logs.some((l) => l.includes('turns still running after the drain time'))).toBe(false);
  });
});
