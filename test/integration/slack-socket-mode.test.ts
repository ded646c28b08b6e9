import nock from 'nock';
import { WebSocketServer, type WebSocket } from 'ws';
import { onlyLoopback, startTestApp, until, type TestApp } from '../helpers/app.js';
import { BOT_TOKEN, SIGNING_SECRET, SLACK_API, blocksText, interceptSlack, slackFixture } from '../helpers/slack.js';

/**
 * With SLACK_APP_TOKEN the adapter uses Socket Mode instead of HTTP: the app opens a connection through the
 * Web API (apps.connections.open, at SLACK_API_URL like every other call) to a WebSocket server, here a
 * local stand-in for Slack's on 127.0.0.1. Events arrive as envelopes; each is acked by its envelope id.
 */

onlyLoopback(nock);

const APP_TOKEN = 'xapp-1-test-app-token-not-logged';

describe('Slack in Socket Mode', () => {
  let app: TestApp;
  let wss: WebSocketServer;
  let slack: ReturnType<typeof interceptSlack>;
  const sockets: WebSocket[] = [];
  const received: Array<Record<string, unknown>> = [];
  let opens: Array<{ auth: string | undefined }> = [];

  beforeAll(async () => {
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => wss.once('listening', () => r()));
    const { port } = wss.address() as { port: number };
    wss.on('connection', (socket) => {
      sockets.push(socket);
      socket.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0ROUTEPLAN' }, debug_info: { host: 'test', approximate_connection_time: 3600 } }));
    });
    // registered before the general fake, so it answers apps.connections.open
    nock(SLACK_API)
      .persist()
      .post('/api/apps.connections.open')
      .reply(function () {
        opens.push({ auth: this.req.headers['authorization'] as string | undefined });
        return [200, { ok: true, url: `ws://127.0.0.1:${port}/link` }];
      });
    slack = interceptSlack();
    app = await startTestApp({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: `${SLACK_API}/api/` });
  });
  afterAll(async () => {
    await app.close();
    for (const s of sockets) s.terminate();
    await new Promise((r) => wss.close(r));
    opens = [];
  });

  test('connects through SLACK_API_URL with the app token, and has no HTTP endpoint', async () => {
    await until(() => sockets.length > 0);
    expect(opens[0]!.auth).toBe(`Bearer ${APP_TOKEN}`);
    const res = await app.post('/slack/events', slackFixture('dm-message'));
    expect(res.status).toBe(404);
    expect(app.logs.join('')).not.toContain(APP_TOKEN);
  });

  test('a DM question arrives as an envelope, is acked by its id, and is answered through the Web API', async () => {
    await until(() => sockets.length > 0);
    sockets[0]!.send(
      JSON.stringify({ envelope_id: 'env-1', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: { ...slackFixture('dm-message'), event_id: 'Ev-socket-1' } }),
    );
    await until(() => received.some((m) => m['envelope_id'] === 'env-1'));
    await until(() => slack.calls.some((c) => c.method === 'chat.postMessage'));
    const post = slack.calls.find((c) => c.method === 'chat.postMessage')!;
    expect(post.args['channel']).toBe('D0ANNADM');
    expect(blocksText(post.args['blocks'])).toContain('*Sociale basis*');
    expect(app.events.at(-1)).toMatchObject({ kind: 'message', text: 'wat is de sociale basis?', conversation: { key: 'slack:T0GEMEENTE:D0ANNADM' } });
  });

  test('a slash command envelope is acked at once and answered privately through response_url', async () => {
    sockets[0]!.send(JSON.stringify({ envelope_id: 'env-2', type: 'slash_commands', accepts_response_payload: true, payload: slackFixture('slash-command') }));
    await until(() => received.some((m) => m['envelope_id'] === 'env-2'));
    await until(() => slack.responses.length > 0);
    expect(slack.responses[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(blocksText(slack.responses[0]!['blocks'])).toContain('*Sociale basis*');
  });

  test('a payload with a wrong field type is acked and dropped with a log line: no turn, no reply', async () => {
    await until(() => sockets.length > 0);
    const before = app.events.length;
    const posts = slack.calls.length;
    const bad = slackFixture('dm-message');
    sockets[0]!.send(JSON.stringify({ envelope_id: 'env-bad', type: 'events_api', accepts_response_payload: false, payload: { ...bad, event_id: 'Ev-socket-bad', event: { ...(bad['event'] as object), text: { x: 1 } } } }));
    await until(() => received.some((m) => m['envelope_id'] === 'env-bad'));
    await until(() => app.logs.some((l) => l.includes('slack payload dropped') && l.includes('event.text: expected string, received object')));
    expect(app.events.length).toBe(before);
    expect(slack.calls.length).toBe(posts);
  });
});
