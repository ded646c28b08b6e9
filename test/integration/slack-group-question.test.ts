import nock from 'nock';
import { onlyLoopback, startTestApp, until, type TestApp } from '../helpers/app.js';
import { BOT_TOKEN, SIGNING_SECRET, SLACK_API, blocksText, buttonClick, interceptSlack, signed, slackFixture, type WebApiCall } from '../helpers/slack.js';

/**
 * A member's question at a free-text step of a group session, through the real server: the bot asks that
 * member only (an ephemeral message) whether it is an answer or a question, answers the question to them
 * only, and the tally never counts it.
 */

onlyLoopback(nock);

describe('Slack: a question during a group session is private to the member who asked', () => {
  let app: TestApp;
  let slack: ReturnType<typeof interceptSlack>;
  const send = (kind: 'json' | 'form' | 'payload', data: Record<string, unknown>) => {
    const req = signed(kind, data);
    return app.post('/slack/events', req.body, req.headers);
  };
  const calls = (method: string): WebApiCall[] => slack.calls.filter((c) => c.method === method);

  beforeAll(async () => {
    slack = interceptSlack();
    app = await startTestApp({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${SLACK_API}/api/` });
    await until(() => slack.calls.some((c) => c.method === 'auth.test'));
  });
  afterAll(() => app.close());

  test('the question is asked about and answered ephemerally; the tally stays at zero', async () => {
    const channel = 'C0VRAAG';
    const posts = () => calls('chat.postMessage').filter((c) => c.args['channel'] === channel);
    await send('form', { ...slackFixture('slash-command'), text: 'start kort kanaal', channel_id: channel });
    await until(() => blocksText(posts().map((c) => c.args['blocks'])).includes('Stand: A'));
    for (const next of ['Stand: B', 'Stand: C']) {
      await send('payload', buttonClick('U0KARIN', channel, posts().at(-1)!.args['blocks'], 'Volgende vraag'));
      await until(() => blocksText(posts().map((c) => c.args['blocks'])).includes(next));
    }
    const question = posts().find((c) => blocksText(c.args['blocks']).includes('Toelichting?'))!;
    const before = slack.calls.length;

    // a mention in the thread under the free-text question, as its answer would be
    const mention = slackFixture('app-mention');
    const event = { ...(mention['event'] as object), channel, user: 'U0BRAM', ts: '1732443999.000200', thread_ts: question.ts, text: '<@U0BOT> wat is de sociale basis?' };
    await send('json', { ...mention, event_id: 'Ev-vraag-1', event });
    await until(() => calls('chat.postEphemeral').length > 0);
    const ask = calls('chat.postEphemeral')[0]!;
    expect(ask.args).toMatchObject({ channel, user: 'U0BRAM', thread_ts: question.ts });
    expect(blocksText(ask.args['blocks'])).toContain('Of is het een vraag aan mij?');

    await send('payload', buttonClick('U0BRAM', channel, ask.args['blocks'], 'Het is een vraag', { container: { type: 'message', channel_id: channel, message_ts: '2', is_ephemeral: true } }));
    await until(() => slack.responses.length > 0);
    expect(slack.responses[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(blocksText(slack.responses[0]!['blocks'])).toContain('Alles wat vrij toegankelijk is');
    // nothing of it reached the channel or the tally
    const later = slack.calls.slice(before).filter((c) => c.method === 'chat.postMessage' || c.method === 'chat.update');
    expect(later).toEqual([]);
  });
});
