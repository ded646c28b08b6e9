import nock from 'nock';
import { WEB_API } from '../../src/adapters/slack/bolt-app.js';
import { onlyLoopback, startTestApp, until, type TestApp } from '../helpers/app.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import { BOT_TOKEN, SIGNING_SECRET, SLACK_API, interceptSlack, signed, slackFixture } from '../helpers/slack.js';

/**
 * When the Slack Web API fails: a few quick retries, a time limit per call, Retry-After honoured, and then the
 * turn ends with a log line instead of retrying for half an hour. The policy is shortened here; its default
 * is checked on its own.
 */

onlyLoopback(nock);

describe('Slack Web API failures', () => {
  let app: TestApp;
  let slack: ReturnType<typeof interceptSlack>;
  let n = 0;
  const ask = (text = 'wat is de sociale basis?') => {
    const e = slackFixture('dm-message');
    const req = signed('json', { ...e, event_id: `Ev-fail-${++n}`, event: { ...(e['event'] as object), text } });
    return app.post('/slack/events', req.body, req.headers);
  };
  const posts = () => slack.calls.filter((c) => c.method === 'chat.postMessage').length;

  beforeAll(async () => {
    slack = interceptSlack();
    app = await startTestApp({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${SLACK_API}/api/` }, createMemoryStore(), {
      calls: { retries: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 }, timeoutMs: 300 },
    });
    // Bolt's token check runs in the background; let it finish before a test clears the fake Web API
    await until(() => slack.calls.some((c) => c.method === 'auth.test'));
  });
  afterAll(() => app.close());
  beforeEach(() => nock.cleanAll());

  test('the default: three retries within about ten seconds and ten seconds per call, not the client default of half an hour', () => {
    expect(WEB_API.retries.retries).toBe(3);
    const worst = Array.from({ length: WEB_API.retries.retries! }, (_, i) => Math.min(WEB_API.retries.minTimeout! * WEB_API.retries.factor! ** i * 2, WEB_API.retries.maxTimeout!)).reduce((a, b) => a + b, 0);
    expect(worst).toBeLessThanOrEqual(10_000);
    expect(WEB_API.timeoutMs).toBe(10_000);
  });

  test('a Web API that keeps failing: the reply is tried three times, then the turn ends with a log line', async () => {
    let attempts = 0;
    nock(SLACK_API)
      .persist()
      .post('/api/chat.postMessage')
      .reply(() => {
        attempts++;
        return [500, 'upstream down'];
      });
    slack = interceptSlack();
    expect((await ask()).status).toBe(200);
    await until(() => app.logs.some((l) => l.includes('slack turn failed')));
    expect(attempts).toBe(3);
    // the error boundary still tries to tell the user privately
    await until(() => slack.calls.some((c) => c.method === 'chat.postEphemeral'));
    expect(app.logs.join('')).not.toContain('wat is de sociale basis?');
  });

  test('a call that never answers is cut off by the time limit', async () => {
    nock(SLACK_API).persist().post('/api/chat.postMessage').delay(5_000).reply(200, { ok: true, ts: '1.1', channel: 'D0ANNADM' });
    slack = interceptSlack();
    const before = app.logs.filter((l) => l.includes('slack turn failed')).length;
    const started = Date.now();
    await ask('wat is preventie?');
    await until(() => app.logs.filter((l) => l.includes('slack turn failed')).length > before, 4000);
    // three attempts of 300 ms and two short pauses, far from the five seconds the fake would take
    expect(Date.now() - started).toBeLessThan(3000);
  });

  test('a 429 is waited out as its Retry-After says, and the reply is delivered', async () => {
    nock(SLACK_API).post('/api/chat.postMessage').reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' });
    slack = interceptSlack();
    const started = Date.now();
    await ask('wat is de sociale basis?');
    await until(() => posts() === 1, 4000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});
