import nock from 'nock';
import { onlyLoopback, startTestApp, type TestApp } from '../helpers/app.js';
import { APP_ID, fakeBotFrameworkIdentity, interceptConnector, teamsFixture } from '../helpers/teams.js';
import { BOT_TOKEN, SIGNING_SECRET, SLACK_API, interceptSlack, signature, signed, slackFixture } from '../helpers/slack.js';

/**
 * Wrong field types are refused at the adapter edge with 400 and a short message, never 500, and run no
 * turn. Authentication comes first: a Teams request without a valid token gets 401, a Slack request with a
 * bad signature 401, whatever their shape.
 */

onlyLoopback(nock);

const WRONG = [5, { a: 1 }, ['x']];
const kind = (v: unknown) => (Array.isArray(v) ? 'array' : typeof v);

describe('Teams activities with wrong field types (local mode)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());
  beforeEach(() => {
    nock.cleanAll();
    interceptConnector();
  });

  const fields: Array<[string, (v: unknown) => Record<string, unknown>, (v: unknown) => string]> = [
    ['text', (v) => ({ ...teamsFixture('personal-message'), text: v }), (v) => `text: expected string, received ${kind(v)}`],
    ['from.name', (v) => ({ ...teamsFixture('personal-message'), from: { id: '29:x', name: v, aadObjectId: 'aad-x' } }), (v) => `from.name: expected string, received ${kind(v)}`],
    ['entities', (v) => ({ ...teamsFixture('channel-mention'), entities: v }), (v) => (Array.isArray(v) ? 'entities.0: expected object, received string' : `entities: expected array, received ${kind(v)}`)],
  ];
  const wrongFields = fields.flatMap(([field, make, message]) => WRONG.map((value) => ({ field, value, body: make(value), error: `invalid activity: ${message(value)}` })));
  test.each(wrongFields)('$field as $value: 400 with "$error", no turn', async ({ body, error }) => {
    const before = app.events.length;
    const res = await app.post('/api/messages', body);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ error });
    expect(app.events.length).toBe(before);
  });

  test.each(
    [
    ['an entity that is not an object', { ...teamsFixture('channel-mention'), entities: [5] }, 'invalid activity: entities.0: expected object, received number'],
    ['a mention whose id is a number', { ...teamsFixture('channel-mention'), entities: [{ type: 'mention', mentioned: { id: 7 } }] }, 'invalid activity: entities.0.mentioned.id: expected string, received number'],
    ['a card submit whose payload is a number', { ...teamsFixture('card-submit'), value: { rp: 12 } }, 'invalid activity: value.rp: expected string, received number'],
    ['membersAdded as an object', { ...teamsFixture('conversation-update'), membersAdded: { id: 'x' } }, 'invalid activity: membersAdded: expected array, received object'],
    ['a conversation that is text', { ...teamsFixture('personal-message'), conversation: 'a:1' }, 'invalid activity: conversation: expected object, received string'],
    ['no type', { ...teamsFixture('personal-message'), type: undefined }, 'invalid activity: type: expected string, received undefined'],
    ['a list instead of an activity', [1, 2], 'invalid activity: expected object, received array'],
    ].map(([name, body, error]) => ({ name, body, error })),
  )('$name: 400 with "$error"', async ({ body, error: message }) => {
    const before = app.events.length;
    const res = await app.post('/api/messages', body as object);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ error: message });
    expect(app.events.length).toBe(before);
  });

  test('fields we do not read may have any type; a card submit with data of its own still works', async () => {
    const res = await app.post('/api/messages', { ...teamsFixture('personal-message'), id: 'other-fields', channelData: 5, locale: { x: 1 }, value: 'platform data' });
    expect(res.status).toBe(200);
    expect(app.events.at(-1)).toMatchObject({ kind: 'message', text: 'wat is de sociale basis?' });
  });
});

describe('Teams with an app id: authentication before the shape', () => {
  let app: TestApp;
  let identity: ReturnType<typeof fakeBotFrameworkIdentity>;
  beforeAll(async () => {
    nock.cleanAll();
    identity = fakeBotFrameworkIdentity();
    interceptConnector();
    app = await startTestApp({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-password-not-logged' });
  });
  afterAll(() => app.close());

  test('without a token, a wrong type, malformed JSON or a list all get 401', async () => {
    for (const body of [{ ...teamsFixture('personal-message'), text: 5 }, '{"type": "message",', '[1,2]']) {
      expect((await app.post('/api/messages', body)).status).toBe(401);
    }
  });

  test('with a valid token, a wrong type gets 400 and no turn', async () => {
    const before = app.events.length;
    const res = await app.post('/api/messages', { ...teamsFixture('personal-message'), text: { x: 1 } }, { authorization: `Bearer ${identity.sign()}` });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ error: 'invalid activity: text: expected string, received object' });
    expect(app.events.length).toBe(before);
  });
});

describe('Slack payloads with wrong field types', () => {
  let app: TestApp;
  let slack: ReturnType<typeof interceptSlack>;
  const send = (kind: 'json' | 'form' | 'payload', data: Record<string, unknown>, opts: Parameters<typeof signed>[2] = {}) => {
    const req = signed(kind, data, opts);
    return app.post('/slack/events', req.body, req.headers);
  };
  const dm = (event: Record<string, unknown>) => ({ ...slackFixture('dm-message'), event: { ...(slackFixture('dm-message')['event'] as object), ...event } });
  const action = (patch: Record<string, unknown>) => ({ ...slackFixture('block-action'), ...patch });
  const submission = (view: Record<string, unknown>) => ({ type: 'view_submission', team: { id: 'T0GEMEENTE' }, user: { id: 'U0KARIN', name: 'karin' }, view: { id: 'V1', type: 'modal', callback_id: 'rp_text_modal', ...view } });

  beforeAll(async () => {
    slack = interceptSlack();
    app = await startTestApp({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${SLACK_API}/api/` });
    await new Promise((r) => setTimeout(r, 100)); // Bolt's token check
  });
  afterAll(() => app.close());
  beforeEach(() => {
    nock.cleanAll();
    slack = interceptSlack();
  });

  const cases: Array<[string, 'json' | 'form' | 'payload', Record<string, unknown>, string]> = [
    ['a message text as a number', 'json', dm({ text: 5 }), 'invalid event: event.text: expected string, received number'],
    ['a message text as an object', 'json', dm({ text: { a: 1 } }), 'invalid event: event.text: expected string, received object'],
    ['a message user as a list', 'json', dm({ user: ['U1'] }), 'invalid event: event.user: expected string, received array'],
    ['a message without a channel', 'json', dm({ channel: undefined }), 'invalid event: event.channel: expected string, received undefined'],
    ['an event callback without its event', 'json', { ...slackFixture('dm-message'), event: undefined }, 'invalid event: event: expected object, received undefined'],
    ['an App Home event whose user is a number', 'json', { ...slackFixture('app-home-opened'), event: { type: 'app_home_opened', user: 5 } }, 'invalid event: event.user: expected string, received number'],
    ['button clicks as an object', 'payload', action({ actions: { action_id: 'rp_button_0' } }), 'invalid block actions: actions: expected array, received object'],
    ['a button value as a number', 'payload', action({ actions: [{ action_id: 'rp_button_0', value: 3 }] }), 'invalid block actions: actions.0.value: expected string, received number'],
    ['a clicking user whose id is an object', 'payload', action({ user: { id: { x: 1 } } }), 'invalid block actions: user.id: expected string, received object'],
    ['ticked options that are not a list', 'payload', action({ state: { values: { b1: { rp_values_0: { type: 'checkboxes', selected_options: 'a' } } } } }), 'invalid block actions: state.values.b1.rp_values_0.selected_options: expected array, received string'],
    ['modal metadata as a number', 'payload', submission({ private_metadata: 5 }), 'invalid view submission: view.private_metadata: expected string, received number'],
    ['a modal answer as a list', 'payload', submission({ private_metadata: '{}', state: { values: { rp_text: { rp_text: { value: ['a'] } } } } }), 'invalid view submission: view.state.values.rp_text.rp_text.value: expected string, received array'],
    ['a slash command without its user', 'form', { ...slackFixture('slash-command'), user_id: undefined }, 'invalid slash command: user_id: expected string, received undefined'],
    ['a payload type that is a number', 'json', { type: 7 }, 'invalid payload: type: expected string'],
  ];
  test.each(cases.map(([name, kind, data, error]) => ({ name, kind, data, error })))('$name: 400 with "$error"', async ({ kind, data, error: message }) => {
    const before = app.events.length;
    const body = kind === 'form' ? Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) : data;
    const res = await send(kind, body);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ error: message });
    await new Promise((r) => setTimeout(r, 30));
    expect(app.events.length).toBe(before);
    expect(slack.calls).toEqual([]);
  });

  test('a JSON body that is not an object gets 400; a bad signature gets 401 whatever the shape', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const post = (raw: string) => app.post('/slack/events', raw, { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature(raw, ts) });
    for (const raw of ['[1]', '"text"', '5']) {
      const res = await post(raw);
      expect([res.status, JSON.parse(res.body)]).toEqual([400, { error: 'invalid payload: expected an object' }]);
    }
    expect((await post('null')).status).toBe(400);
    expect((await send('json', dm({ text: 5 }), { secret: 'wrong-secret' })).status).toBe(401);
    expect(slack.calls).toEqual([]);
  });
});
