import { gzipSync } from 'node:zlib';
import nock from 'nock';
import { onlyLoopback, startTestApp, until, type TestApp } from '../helpers/app.js';
import { APP_ID, cardsOf, cardText, fakeBotFrameworkIdentity, interceptConnector, localTeamsApp, teamsFixture, type SentActivity } from '../helpers/teams.js';

/** Teams through the real restify server on 127.0.0.1; the Bot Connector is intercepted with nock. */

onlyLoopback(nock);

describe('Teams in local mode (no app id)', () => {
  let app: TestApp;
  let sent: SentActivity[];
  localTeamsApp((started) => (app = started), (recorded) => (sent = recorded));

  test('a personal question is answered with an Adaptive Card 1.5 concept answer', async () => {
    const res = await app.post('/api/messages', teamsFixture('personal-message'));
    expect(res.status).toBe(200);
    const [card] = cardsOf(sent);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(cardText(card)).toContain('Sociale basis');
    expect(cardText(card)).toContain('Lees meer');
    expect(sent[0]!.path).toBe('/emea/v3/conversations/a%3A1PersonalConversationWithAnna/activities/1732440000001');
    // where the bot can reach Anna later: only what a proactive message needs, never the message text
    const address = { platform: 'teams', ref: JSON.stringify({ s: 'https://smba.trafficmanager.net/emea/', c: 'a:1PersonalConversationWithAnna', t: 'tenant-gemeente', b: '28:routeplanner-bot-app-id' }) };
    expect(app.events.at(-1)).toEqual({
      kind: 'message',
      conversation: { key: 'teams:a:1PersonalConversationWithAnna', scope: 'personal', address },
      actor: { id: 'teams:6f1c2b3a-aaaa-4bbb-8ccc-000000000001', name: 'Anna de Vries', isAdmin: false, isExpert: false, address },
      text: 'wat is de sociale basis?',
    });
  });

  test('a redelivered activity (same id) runs no second turn', async () => {
    const activity = { ...teamsFixture('personal-message'), id: 'redelivered-1' };
    const before = app.events.length;
    expect((await app.post('/api/messages', activity)).status).toBe(200);
    expect((await app.post('/api/messages', activity)).status).toBe(200);
    expect(app.events.length - before).toBe(1);
    expect(cardsOf(sent)).toHaveLength(1);
  });

  test('a channel @mention starts a group session: mention stripped, question and tally cards', async () => {
    await app.post('/api/messages', teamsFixture('channel-mention'));
    expect(app.events.at(-1)).toMatchObject({ kind: 'message', text: 'start proef', conversation: { scope: 'channel' } });
    const text = cardsOf(sent).map(cardText).join('\n');
    expect(text).toContain('Karin Jansen start het groepsgesprek **Proefgesprek**');
    expect(text).toContain('Wat is je rol?');
    expect(text).toContain('Stand: Rol');
  });

  test('a card submit becomes an action event with the payload unread, and group votes update the tally in place', async () => {
    const cards = cardsOf(sent);
    void cards;
    // start a fresh session in another thread
    const mention = teamsFixture('channel-mention');
    const conversation = { ...(mention['conversation'] as object), id: '19:sociaaldomein@thread.tacv2;messageid=99' };
    await app.post('/api/messages', { ...mention, conversation });
    const question = cardsOf(sent).find((c) => cardText(c).includes('Wat is je rol?'))!;
    const beleid = JSON.stringify(question).match(/"title":"Beleid","data":\{"rp":"((?:[^"\\]|\\.)*)"/)![1]!.replace(/\\"/g, '"');
    const submit = { ...teamsFixture('card-submit'), conversation, value: { rp: beleid } };
    sent.length = 0;
    await app.post('/api/messages', { ...submit, from: { id: '29:1Bram', name: 'Bram', aadObjectId: 'aad-bram' } });
    await app.post('/api/messages', { ...submit, from: { id: '29:1Chris', name: 'Chris', aadObjectId: 'aad-chris' } });
    expect(app.events.at(-1)).toMatchObject({ kind: 'action', payload: beleid });
    await until(() => sent.length >= 2);
    expect(sent.map((s) => s.method)).toEqual(['PUT', 'PUT']); // updateActivity, no new message per vote
    expect(cardText(cardsOf(sent).at(-1))).toContain('2 antwoorden');
  });

  test('conversationUpdate with the bot added gives one Dutch welcome with the menu', async () => {
    await app.post('/api/messages', teamsFixture('conversation-update'));
    expect(app.events.at(-1)).toMatchObject({ kind: 'welcome' });
    const text = cardText(cardsOf(sent)[0]);
    expect(text).toContain('Hoi! Ik ben de Routeplanner-bot.');
    // the start button shows a short label; the menu text gives the full title
    expect(text).toContain('Start: Proef\n');
    expect(text).toContain('**Proefgesprek**');
    const other = { ...teamsFixture('conversation-update'), membersAdded: [{ id: '29:someone-else' }] };
    sent.length = 0;
    await app.post('/api/messages', other);
    expect(sent).toEqual([]);
  });

  test('malformed JSON gets 400, an oversize body 413, and neither reaches the core', async () => {
    const before = app.events.length;
    expect((await app.post('/api/messages', '{"type": "message",')).status).toBe(400);
    expect((await app.post('/api/messages', '[1,2]')).status).toBe(400);
    expect((await app.post('/api/messages', { ...teamsFixture('personal-message'), text: 'x'.repeat(300 * 1024) })).status).toBe(413);
    expect(app.events.length).toBe(before);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  test('a body sent in chunks without a length is cut off at the limit (413); a compressed body gets 415', async () => {
    const before = app.events.length;
    const big = JSON.stringify({ ...teamsFixture('personal-message'), text: 'x'.repeat(300 * 1024) });
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < big.length; i += 16 * 1024) controller.enqueue(new TextEncoder().encode(big.slice(i, i + 16 * 1024)));
        controller.close();
      },
    });
    const chunked = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    const gzipped = await app.post('/api/messages', gzipSync(JSON.stringify(teamsFixture('personal-message'))).toString('latin1'), { 'content-encoding': 'gzip' });
    expect(gzipped.status).toBe(415);
    expect(app.events.length).toBe(before);
  });

  test('a channel message without a mention is ignored', async () => {
    const mention = teamsFixture('channel-mention');
    await app.post('/api/messages', { ...mention, text: 'gewoon een bericht', entities: [] });
    expect(sent).toEqual([]);
  });

  test('user text in cards is plain: a name with markdown cannot inject a link', async () => {
    const mention = teamsFixture('channel-mention');
    const conversation = { ...(mention['conversation'] as object), id: '19:sociaaldomein@thread.tacv2;messageid=inject' };
    await app.post('/api/messages', { ...mention, conversation, from: { id: '29:x', name: '[klik hier](https://evil.example) **baas**', aadObjectId: 'aad-x' } });
    const json = JSON.stringify(cardsOf(sent));
    expect(json).not.toContain('https://evil.example');
    expect(json).not.toContain('](');
  });
});

describe('Teams with an app id: every request is authenticated', () => {
  let app: TestApp;
  let identity: ReturnType<typeof fakeBotFrameworkIdentity>;
  beforeAll(async () => {
    nock.cleanAll();
    // botbuilder caches signing keys per process: one identity for the whole block
    identity = fakeBotFrameworkIdentity();
    app = await startTestApp({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-password-not-logged' });
  });
  afterAll(() => app.close());

  test('no token: 401 and no turn runs', async () => {
    const before = app.events.length;
    const res = await app.post('/api/messages', teamsFixture('personal-message'));
    expect(res.status).toBe(401);
    expect(app.events.length).toBe(before);
  });

  test('a token signed with the wrong key: 401 and no turn runs', async () => {
    const before = app.events.length;
    const token = identity.sign({}, identity.otherKey);
    const res = await app.post('/api/messages', teamsFixture('personal-message'), { authorization: `Bearer ${token}` });
    expect(res.status).toBe(401);
    expect(app.events.length).toBe(before);
  });

  test('a token signed by the (nock-served) Bot Framework key is accepted and the reply goes out', async () => {
    const sent = interceptConnector();
    const res = await app.post('/api/messages', teamsFixture('personal-message'), { authorization: `Bearer ${identity.sign()}` });
    expect(res.status).toBe(200);
    await until(() => sent.length > 0);
    expect(cardText(cardsOf(sent)[0])).toContain('Sociale basis');
    expect(app.logs.join('')).not.toContain('test-password-not-logged');
    expect(app.logs.join('')).not.toContain('wat is de sociale basis'); // no message text in logs
    expect(app.logs.join('')).not.toContain(identity.sign().slice(0, 40)); // no tokens either
  });
});
