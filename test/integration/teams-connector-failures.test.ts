import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import nock from 'nock';
import { CONNECTOR } from '../../src/adapters/teams/connector.js';
import { onlyLoopback, startTestApp, until, type TestApp } from '../helpers/app.js';
import { APP_ID, fakeBotFrameworkIdentity, SERVICE_URL, teamsFixture } from '../helpers/teams.js';

/**
 * Every outgoing Teams call ends: a Bot Connector on 127.0.0.1 that accepts and never answers, one that fails
 * and recovers, one that refuses a card; with an app id, token and signing-key calls that hang. The policy is
 * shortened here (300 ms per attempt); its default is checked on its own.
 */

onlyLoopback(nock);

const CALLS = { retries: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 }, timeoutMs: 300 };

/** A fake Bot Connector: each request to /v3/... is handled by the next step of `script` (the last one repeats). */
async function fakeConnector(): Promise<{ url: string; requests: Array<{ method: string; body: string }>; script: Array<(res: ServerResponse) => void>; close(): Promise<void> }> {
  const requests: Array<{ method: string; body: string }> = [];
  const script: Array<(res: ServerResponse) => void> = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', body });
      script[Math.min(requests.length - 1, script.length - 1)]?.(res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`,
    requests,
    script,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

const status = (code: number) => (res: ServerResponse) => {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(code < 300 ? { id: 'sent-1' } : { error: { code: 'ServiceError', message: 'failed' } }));
};
const silent = () => undefined;

const logsWith = (app: TestApp, text: string) => app.logs.filter((l) => l.includes(text)).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the default Bot Connector policy', () => {
  test('five seconds per attempt, two quick retries: a reply that times out and the notice after it fit in the 15 s Teams waits', () => {
    expect(CONNECTOR.timeoutMs).toBe(5000);
    expect(CONNECTOR.retries.retries).toBe(2);
    expect(2 * CONNECTOR.timeoutMs).toBeLessThan(15_000);
  });
});

describe('a Bot Connector that fails (local mode)', () => {
  let app: TestApp;
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  let n = 0;
  const ask = (text = 'wat is de sociale basis?') => app.post('/api/messages', { ...teamsFixture('personal-message'), id: `fail-${++n}`, serviceUrl: connector.url, text });

  beforeAll(async () => {
    app = await startTestApp({}, undefined, { calls: CALLS });
  });
  afterAll(() => app.close());
  beforeEach(async () => {
    connector = await fakeConnector();
  });
  afterEach(() => connector.close());

  test('accepts and never answers: the request is answered within the limit, the log says why, no turn is left running', async () => {
    connector.script.push(silent);
    const started = Date.now();
    const res = await ask();
    // the reply (300 ms, a time-out is not retried) and the error notice after it (300 ms)
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(connector.requests).toHaveLength(2);
    const [failed] = logsWith(app, 'teams turn failed');
    expect(failed).toMatchObject({ platform: 'teams', code: 'CALL_TIMEOUT', host: new URL(connector.url).host, conversation: 'teams:a:1PersonalConversationWithAnna', kind: 'message' });
    expect(logsWith(app, 'teams error notice not delivered')[0]).toMatchObject({ code: 'CALL_TIMEOUT' });
    expect(app.inflight.count).toBe(0);
    expect(app.logs.join('')).not.toContain('wat is de sociale basis');
  });

  test('a 503 and a 502 are retried and the reply arrives', async () => {
    connector.script.push(status(503), status(502), status(200));
    expect((await ask()).status).toBe(200);
    expect(connector.requests).toHaveLength(3);
    expect(connector.requests.every((r) => r.body.includes('Sociale basis'))).toBe(true);
  });

  test('a reply the connector refuses (400): the user gets the friendly notice instead', async () => {
    connector.script.push(status(400), status(200));
    expect((await ask('wat is preventie?')).status).toBe(200);
    expect(connector.requests).toHaveLength(2);
    expect(connector.requests[1]!.body).toContain('Er ging iets mis aan mijn kant');
    expect(logsWith(app, 'teams turn failed').at(-1)).toMatchObject({ status: 400 });
  });
});

describe('shutdown after a hanging connector', () => {
  test('close() finds no turns left and logs none still running', async () => {
    const connector = await fakeConnector();
    connector.script.push(silent);
    const app = await startTestApp({}, undefined, { calls: CALLS });
    const pending = app.post('/api/messages', { ...teamsFixture('personal-message'), serviceUrl: connector.url });
    await until(() => connector.requests.length > 0);
    await app.close({ drainMs: 3000 });
    expect((await pending).status).toBe(200);
    expect(app.logs.some((l) => l.includes('turns still running'))).toBe(false);
    await connector.close();
  });
});

describe('Teams with an app id: token and signing-key calls that hang', () => {
  let app: TestApp;
  let identity: ReturnType<typeof fakeBotFrameworkIdentity>;
  let sent = 0;

  beforeAll(async () => {
    nock.cleanAll();
    // registered before the identity's own (persisted) answers, so these match first: the signing keys come
    // late once, the token endpoint never answers in time
    nock('https://login.botframework.com').get('/v1/.well-known/openidconfiguration').delay(1200).reply(200, {
      issuer: 'https://api.botframework.com',
      jwks_uri: 'https://login.botframework.com/v1/.well-known/keys',
      id_token_signing_alg_values_supported: ['RS256'],
    });
    nock('https://login.microsoftonline.com').persist().post(/\/botframework\.com\/oauth2\/v2\.0\/token.*/).delay(3000).reply(200, { token_type: 'Bearer', expires_in: 3600, access_token: 'late' });
    identity = fakeBotFrameworkIdentity();
    nock(SERVICE_URL).persist().post(/\/v3\/conversations\/.*\/activities/).reply(() => (sent++, [200, { id: 'x' }]));
    app = await startTestApp({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-password-not-logged' }, undefined, { calls: CALLS });
  });
  afterAll(() => app.close());

  test('the signing keys do not come in time: 503 within the limit, no turn; once they come, requests are authenticated', async () => {
    const before = app.events.length;
    const started = Date.now();
    const res = await app.post('/api/messages', teamsFixture('personal-message'), { authorization: `Bearer ${identity.sign()}` });
    expect(res.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1100);
    expect(logsWith(app, 'not authenticated in time')[0]).toMatchObject({ code: 'AUTH_TIMEOUT', limitMs: 600 });
    expect(app.events.length).toBe(before);
    await new Promise((r) => setTimeout(r, 1300)); // the late keys arrive and are cached
    const again = await app.post('/api/messages', { ...teamsFixture('personal-message'), id: 'after-keys' }, { authorization: `Bearer ${identity.sign()}` });
    expect(again.status).toBe(200);
    expect(app.events.length).toBe(before + 1);
  });

  test('the token endpoint never answers: the turn ends within the limit, the log names the token call, nothing is posted', async () => {
    const started = Date.now();
    const res = await app.post('/api/messages', { ...teamsFixture('personal-message'), id: 'token-hangs' }, { authorization: `Bearer ${identity.sign()}` });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(logsWith(app, 'teams token call failed')[0]).toMatchObject({ code: 'CALL_TIMEOUT', host: 'login.microsoftonline.com' });
    expect(logsWith(app, 'teams turn failed').length).toBeGreaterThan(0);
    expect(sent).toBe(0);
    expect(app.inflight.count).toBe(0);
    expect(app.logs.join('')).not.toContain('test-password-not-logged');
  });
});
