import nock from 'nock';
import { onlyLoopback, startTestApp, until, type TestApp } from '../helpers/app.js';
import { BOT_TOKEN, SIGNING_SECRET, SLACK_API, blocksText, buttonClick, findButton, interceptSlack, signed, slackFixture, type WebApiCall } from '../helpers/slack.js';

/**
 * Knowledge where people already talk (issue 17, Slack): the message shortcut "Leg uit met Routeplanner"
 * explains the concepts named in any message privately, each with "Deel in de thread"; and an admin makes a
 * channel the content team's with `/routeplanner experts hier`.
 */

onlyLoopback(nock);

describe('Slack: the message shortcut and experts hier', () => {
  let app: TestApp;
  let slack: ReturnType<typeof interceptSlack>;
  const send = (kind: 'form' | 'payload', data: Record<string, unknown>) => {
    const req = signed(kind, data);
    return app.post('/slack/events', req.body, req.headers);
  };
  const calls = (method: string): WebApiCall[] => slack.calls.filter((c) => c.method === method);
  /** A click on a private message the shortcut sent: Slack says only that it was ephemeral, in which channel. */
  const clickPrivate = (blocks: unknown, label: string) =>
    send('payload', buttonClick('U0BRAM', 'C0BELEID', blocks, label, { container: { type: 'message', message_ts: '1732470002.000100', channel_id: 'C0BELEID', is_ephemeral: true }, response_url: 'https://hooks.slack.com/actions/T0GEMEENTE/1/share' }));

  beforeAll(async () => {
    slack = interceptSlack();
    app = await startTestApp({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${SLACK_API}/api/`, SLACK_ADMIN_IDS: 'U0ADMIN' });
    await until(() => slack.calls.some((c) => c.method === 'auth.test'));
  });
  afterAll(() => app.close());
  beforeEach(() => {
    nock.cleanAll();
    slack = interceptSlack();
  });

  test('the shortcut answers privately, one message per concept in the order named (a typo too), each with "Deel in de thread"', async () => {
    expect((await send('payload', slackFixture('message-action'))).status).toBe(200);
    await until(() => slack.responses.length >= 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(slack.responses.map((r) => r['response_type'])).toEqual(['ephemeral', 'ephemeral']);
    expect(slack.responses.map((r) => blocksText(r['blocks']).split('\n')[0])).toEqual(['*Sociale basis*', '*Preventie*']);
    const share = findButton(slack.responses[0]!['blocks'], 'Deel in de thread');
    expect(share.action_id).toBe('rp_share_1732470000.000200_0'); // the explained message's thread
    expect(calls('chat.postMessage')).toEqual([]); // nothing public yet
  });

  test('"Deel in de thread" posts that concept\'s answer in the thread of the explained message, for everyone', async () => {
    await send('payload', slackFixture('message-action'));
    await until(() => slack.responses.length >= 2);
    const second = slack.responses[1]!['blocks'];
    await clickPrivate(second, 'Deel in de thread');
    await until(() => calls('chat.postMessage').length > 0);
    const post = calls('chat.postMessage')[0]!.args;
    expect(post).toMatchObject({ channel: 'C0BELEID', thread_ts: '1732470000.000200' });
    expect(blocksText(post['blocks'])).toContain('*Preventie*');
    expect(calls('chat.postEphemeral')).toEqual([]);
  });

  test('where the bot may not post (no member of the channel), the clicker hears why, privately', async () => {
    nock.cleanAll();
    nock(SLACK_API).persist().post('/api/chat.postMessage').reply(200, { ok: false, error: 'not_in_channel' });
    slack = interceptSlack();
    await send('payload', slackFixture('message-action'));
    await until(() => slack.responses.length >= 2);
    await clickPrivate(slack.responses[0]!['blocks'], 'Deel in de thread');
    await until(() => slack.responses.length >= 3);
    expect(slack.responses[2]).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Ik kan niet in deze thread schrijven') });
    expect(app.logs.some((l) => l.includes('slack share refused') && l.includes('not_in_channel'))).toBe(true);
  });

  test('a message without known concepts says so, privately; a replayed shortcut runs once', async () => {
    const action = { ...slackFixture('message-action'), message: { type: 'message', user: 'U0KARIN', ts: '1732470100.000100', text: 'Wie haalt er koffie?' } };
    await send('payload', action);
    await send('payload', action);
    await until(() => slack.responses.length > 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(slack.responses).toHaveLength(1);
    expect(slack.responses[0]).toMatchObject({ response_type: 'ephemeral', text: 'Ik vind in dit bericht geen begrippen die ik ken.' });
  });

  test('/routeplanner experts hier: an admin makes the channel the content team\'s; anyone else is refused', async () => {
    await send('form', { ...slackFixture('slash-command'), text: 'experts hier', channel_id: 'C0REDACTIE2' });
    await until(() => slack.responses.length > 0);
    expect(slack.responses[0]).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Alleen een beheerder kan het kanaal van de kennisredactie instellen') });
    await send('form', { ...slackFixture('slash-command'), text: 'experts hier', channel_id: 'C0REDACTIE2', user_id: 'U0ADMIN' });
    await until(() => slack.responses.length > 1);
    expect(slack.responses[1]).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Dit kanaal is nu het kanaal van de kennisredactie (slack)') });
    expect(await app.store.get('experts:channel:slack')).toMatchObject({ address: { platform: 'slack', ref: 'c:T0GEMEENTE:C0REDACTIE2' }, conversationKey: 'slack:T0GEMEENTE:C0REDACTIE2' });
  });
});
