import nock from 'nock';
import { onlyLoopback, startTestApp, until, type TestApp } from '../helpers/app.js';
import { BOT_TOKEN, SIGNING_SECRET, SLACK_API, blocksText, buttonClick, interceptSlack, signature, signed, slackFixture, type WebApiCall } from '../helpers/slack.js';

/** Slack through the real restify server on 127.0.0.1; the Web API and response_url are nock fakes. */

onlyLoopback(nock);

describe('Slack on the shared restify server', () => {
  let app: TestApp;
  let slack: ReturnType<typeof interceptSlack>;
  const send = (kind: 'json' | 'form' | 'payload', data: Record<string, unknown>, opts: Parameters<typeof signed>[2] = {}) => {
    const req = signed(kind, data, opts);
    return app.post('/slack/events', req.body, req.headers);
  };
  const calls = (method: string): WebApiCall[] => slack.calls.filter((c) => c.method === method);
  const event = (name: string, patch: Record<string, unknown> = {}, eventPatch: Record<string, unknown> = {}) => {
    const f = slackFixture(name);
    return { ...f, ...patch, event: { ...(f['event'] as object), ...eventPatch } };
  };

  beforeAll(async () => {
    slack = interceptSlack(); // Bolt checks the token (auth.test) as soon as the app starts
    app = await startTestApp({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${SLACK_API}/api/`, SLACK_ADMIN_IDS: 'U0ADMIN' });
    // Bolt's token check runs in the background; let it finish before a test clears the fake Web API
    await until(() => slack.calls.some((c) => c.method === 'auth.test'));
  });
  afterAll(() => app.close());
  beforeEach(() => {
    nock.cleanAll();
    slack = interceptSlack();
  });

  test('url_verification is answered with the challenge', async () => {
    const res = await send('json', { type: 'url_verification', challenge: 'uitdaging-123', token: 'x' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ challenge: 'uitdaging-123' });
  });

  test('a bad signature or a stale timestamp gets 401 and runs nothing', async () => {
    const before = app.events.length;
    expect((await send('json', slackFixture('dm-message'), { secret: 'wrong-secret' })).status).toBe(401);
    expect((await send('json', slackFixture('dm-message'), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(401);
    const unsigned = await app.post('/slack/events', JSON.stringify(slackFixture('dm-message')));
    expect(unsigned.status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(app.events.length).toBe(before);
    expect(slack.calls).toEqual([]);
    expect(app.logs.join('')).not.toContain(SIGNING_SECRET);
  });

  test('a DM question is answered in the DM with Block Kit and a plain-text fallback', async () => {
    const res = await send('json', event('dm-message', { event_id: 'Ev-dm-1' }));
    expect(res.status).toBe(200);
    await until(() => calls('chat.postMessage').length > 0);
    const [post] = calls('chat.postMessage');
    expect(post!.args['channel']).toBe('D0ANNADM');
    expect(post!.args['text']).toMatch(/^Sociale basis: /);
    expect(blocksText(post!.args['blocks'])).toContain('*Sociale basis*');
    expect(app.events.at(-1)).toEqual({
      kind: 'message',
      conversation: { key: 'slack:T0GEMEENTE:D0ANNADM', scope: 'personal', address: { platform: 'slack', ref: 'c:T0GEMEENTE:D0ANNADM' } },
      actor: { id: 'slack:T0GEMEENTE:U0ANNA', name: 'U0ANNA', isAdmin: false, isExpert: false, address: { platform: 'slack', ref: 'u:T0GEMEENTE:U0ANNA' } },
      text: 'wat is de sociale basis?',
    });
  });

  test('a retried delivery of the same event never runs the turn twice', async () => {
    const e = event('dm-message', { event_id: 'Ev-retry-1' }, { text: 'sociale basis' });
    await send('json', e);
    await until(() => calls('chat.postMessage').length === 1);
    const before = app.events.length;
    expect((await send('json', e, { retry: 1 })).status).toBe(200);
    expect((await send('json', e, { retry: 2 })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(calls('chat.postMessage')).toHaveLength(1);
    expect(app.events.length).toBe(before);
  });

  test('an app_mention is answered in a thread under it', async () => {
    await send('json', event('app-mention', { event_id: 'Ev-mention-1' }, { text: '<@U0BOT> wat is preventie?' }));
    await until(() => calls('chat.postMessage').length > 0);
    expect(calls('chat.postMessage')[0]!.args).toMatchObject({ channel: 'C0SOCIAALDOMEIN', thread_ts: '1732442500.000200' });
    expect(app.events.at(-1)).toMatchObject({ kind: 'message', text: 'wat is preventie?', conversation: { key: 'slack:T0GEMEENTE:C0SOCIAALDOMEIN:1732442500.000200', scope: 'channel' } });
  });

  test('/routeplanner zoek answers privately through response_url; without a subcommand it shows the help privately', async () => {
    expect((await send('form', slackFixture('slash-command'))).status).toBe(200);
    await until(() => slack.responses.length > 0);
    expect(slack.responses[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(blocksText(slack.responses[0]!['blocks'])).toContain('*Sociale basis*');
    await send('form', { ...slackFixture('slash-command'), text: '' });
    // first the slash command's own subcommands, then what can be typed, with the dialogues
    await until(() => slack.responses.length > 2);
    expect(slack.responses.slice(1).every((r) => r['response_type'] === 'ephemeral')).toBe(true);
    expect(blocksText(slack.responses[1]!['blocks'])).toContain('*/routeplanner start &lt;gesprek&gt; kanaal*'); // mrkdwn, escaped
    expect(blocksText(slack.responses[2]!['blocks'])).toContain('Dit kun je doen');
  });

  test('/routeplanner <vraag> answers the question privately, when the first word is not a subcommand', async () => {
    expect((await send('form', { ...slackFixture('slash-command'), text: 'wat is de sociale basis?' })).status).toBe(200);
    await until(() => slack.responses.length > 0);
    expect(slack.responses[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(blocksText(slack.responses[0]!['blocks'])).toContain('*Sociale basis*');
    expect(app.events.at(-1)).toMatchObject({ kind: 'message', text: 'zoek wat is de sociale basis?', conversation: { key: 'slack:T0GEMEENTE:C0SOCIAALDOMEIN', scope: 'channel' } });
    // an unknown word is a question too: an honest answer instead of the help menu
    await send('form', { ...slackFixture('slash-command'), text: 'dansen' });
    await until(() => slack.responses.length > 1);
    expect(blocksText(slack.responses[1]!['blocks'])).toContain('Daar heb ik geen antwoord op');
    expect(calls('chat.postMessage')).toEqual([]);
  });

  test('/routeplanner start without kanaal runs in the DM; herlaad is refused for non-admins and reloads for admins', async () => {
    await send('form', { ...slackFixture('slash-command'), text: 'start proef' });
    await until(() => calls('chat.postMessage').length >= 2);
    expect(calls('conversations.open')[0]!.args['users']).toBe('U0KARIN');
    expect(calls('chat.postMessage').every((c) => c.args['channel'] === 'D0KARINDM')).toBe(true);
    expect(blocksText(calls('chat.postMessage').map((c) => c.args['blocks']))).toContain('Wat is je rol?');
    await send('form', { ...slackFixture('slash-command'), text: 'herlaad' });
    await until(() => slack.responses.some((r) => String(r['text']).includes('Dat mag alleen een beheerder')));
    await send('form', { ...slackFixture('slash-command'), text: 'herlaad', user_id: 'U0ADMIN' });
    await until(() => slack.responses.some((r) => String(r['text']).includes('De kennisbestanden zijn niet veranderd')));
    expect(slack.responses.filter((r) => String(r['text']).includes('kennis')).every((r) => r['response_type'] === 'ephemeral')).toBe(true);
    expect(app.logs.some((l) => l.includes('admin command refused') && l.includes('U0KARIN'))).toBe(true);
  });

  test('app_home_opened publishes the menu with the dialogues', async () => {
    await send('json', slackFixture('app-home-opened'));
    await until(() => calls('views.publish').length > 0);
    const view = calls('views.publish')[0]!.args['view'] as { type: string; blocks: unknown };
    expect(view.type).toBe('home');
    expect(blocksText(view.blocks)).toContain('Start: Proefgesprek');
  });

  test('the App Home lists an unfinished dialogue; its "Ga verder" button carries on in the DM', async () => {
    await send('json', event('dm-message', { event_id: 'Ev-home-start' }, { user: 'U0PIET', channel: 'D0PIETDM', text: 'start kort' }));
    await until(() => blocksText(calls('chat.postMessage').map((c) => c.args['blocks'])).includes('Kies A of B.'));
    await send('json', { ...slackFixture('app-home-opened'), event_id: 'Ev-home-open', event: { type: 'app_home_opened', user: 'U0PIET', channel: 'D0PIETDM', tab: 'home', event_ts: '1' } });
    await until(() => calls('views.publish').length > 0);
    const home = calls('views.publish')[0]!.args as { user_id: string; view: { blocks: unknown } };
    expect(home.user_id).toBe('U0PIET');
    expect(blocksText(home.view.blocks)).toContain('Kort gesprek');
    expect(blocksText(home.view.blocks)).toContain('Kort gesprek bij: A');

    // a button on the App Home has no channel: the adapter opens the DM and the dialogue goes on there
    const posts = calls('chat.postMessage').length;
    await send('payload', buttonClick('U0PIET', undefined, home.view.blocks, 'Ga verder met het gesprek'));
    const resumed = () => calls('chat.postMessage').slice(posts);
    await until(() => blocksText(resumed().map((c) => c.args['blocks'])).includes('Kies A of B.'));
    expect(calls('conversations.open').at(-1)!.args['users']).toBe('U0PIET');
    expect(resumed().every((c) => c.args['channel'] === 'D0PIETDM')).toBe(true);
  });

  test('a group session: five members answer at once, one message is updated, the lead moves on, the summary is posted', async () => {
    await send('form', { ...slackFixture('slash-command'), text: 'start proef kanaal met namen', channel_id: 'C0GROEP' });
    await until(() => calls('chat.postMessage').length >= 3);
    const [, question, tally] = calls('chat.postMessage');
    expect(blocksText(question!.args['blocks'])).toContain('Wat is je rol?');
    expect(blocksText(tally!.args['blocks'])).toContain('Stand: Rol');
    const click = (user: string, blocks: unknown, label: string) => buttonClick(user, 'C0GROEP', blocks, label);
    const members = ['U01', 'U02', 'U03', 'U04', 'U05'];
    const results = await Promise.all(members.map((m) => send('payload', click(m, question!.args['blocks'], 'Beleid'))));
    expect(results.every((r) => r.status === 200)).toBe(true);
    await until(() => calls('chat.update').some((c) => blocksText(c.args['blocks']).includes('5 antwoorden')));
    expect(calls('chat.postMessage')).toHaveLength(3); // votes update the tally, they post nothing
    expect(calls('chat.update').every((c) => c.args['ts'] === '1732443000.001003')).toBe(true);

    // a member cannot move on; the lead can
    await send('payload', click('U01', tally!.args['blocks'], 'Volgende vraag'));
    await until(() => calls('chat.postEphemeral').length > 0);
    expect(calls('chat.postEphemeral')[0]!.args['text']).toContain('Alleen karin.jansen');
    await send('payload', click('U0KARIN', tally!.args['blocks'], 'Volgende vraag'));
    await until(() => calls('chat.postMessage').length >= 5);
    expect(blocksText(calls('chat.postMessage').map((c) => c.args['blocks']))).toContain('Wat vind je belangrijk?');

    await send('payload', click('U0KARIN', calls('chat.postMessage').at(-1)!.args['blocks'], 'Afsluiten'));
    await until(() => calls('chat.postMessage').some((c) => blocksText(c.args['blocks']).includes('Proefgesprek: samenvatting')));
    const summary = blocksText(calls('chat.postMessage').at(-1)!.args['blocks']);
    expect(summary).toMatch(/Beleid {6}█{16} {2}5 {2}100%/); // all five chose it: a full bar
    expect(summary).toContain('Beleid: u01, u02, u03, u04, u05'); // a named session: who chose it
  });

  test('a personal dialogue in the DM: checkboxes for multi, a modal for free text, then the summary', async () => {
    const dm = 'D0KARINDM';
    const click = (label: string, blocks: unknown, extra: Record<string, unknown> = {}) => buttonClick('U0KARIN', dm, blocks, label, extra);
    const posted = () => calls('chat.postMessage').map((c) => c.args['blocks']);
    await send('form', { ...slackFixture('slash-command'), text: 'start proef' });
    await until(() => blocksText(posted()).includes('Wat is je rol?'));
    await send('payload', click('Beleid', posted().at(-1)));
    await until(() => blocksText(posted()).includes('Wat vind je belangrijk?'));

    // multi: checkboxes (Slack's own state) and a submit button that carries the ticked values
    const multi = posted().at(-1) as Array<{ type: string; elements?: Array<{ type: string; action_id: string; options?: Array<{ value: string; text: { text: string } }> }> }>;
    const boxes = multi.flatMap((b) => b.elements ?? []).find((e) => e.type === 'checkboxes')!;
    expect(boxes.options!.map((o) => o.text.text)).toEqual(['Ontmoeting', 'Preventie', 'Kosten']);
    // ticking a box is not an answer yet: nothing happens
    const before = calls('chat.postMessage').length;
    const submitLabel = (multi.flatMap((b) => b.elements ?? []).find((e) => e.type === 'button') as unknown as { text: { text: string } }).text.text;
    await send('payload', { ...click(submitLabel, multi), actions: [{ action_id: boxes.action_id, block_id: 'b1', type: 'checkboxes', selected_options: [boxes.options![2]], action_ts: '1' }] });
    await new Promise((r) => setTimeout(r, 50));
    expect(calls('chat.postMessage').length).toBe(before);
    const ticked = [boxes.options![0]!, boxes.options![2]!].map((o) => ({ value: o.value, text: o.text }));
    await send('payload', click(submitLabel, multi, { state: { values: { b1: { [boxes.action_id]: { type: 'checkboxes', selected_options: ticked } } } } }));
    // "kosten" ticked: the branch skips to the scale step
    await until(() => blocksText(posted()).includes('Hoe sterk is de sociale basis?'));
    expect(calls('chat.postMessage').length).toBe(before + 1);
    await send('payload', click('1', posted().at(-1)));
    await until(() => blocksText(posted()).includes('Wat is een eerste stap?'));

    // free text: the button opens a modal (max length from the step); its submit is the answer
    const textQuestion = posted().at(-1);
    expect(blocksText(textQuestion)).toContain('Gebruik de knop, of antwoord met een bericht');
    await send('payload', click('Je antwoord', textQuestion, { trigger_id: 'trigger-modal-1' }));
    await until(() => calls('views.open').length > 0);
    const opened = calls('views.open')[0]!.args;
    expect(opened['trigger_id']).toBe('trigger-modal-1');
    const view = opened['view'] as { callback_id: string; private_metadata: string; blocks: Array<{ element: { max_length: number } }> };
    expect(view.callback_id).toBe('rp_text_modal');
    expect(view.blocks[0]!.element.max_length).toBe(40);
    const submission = {
      type: 'view_submission',
      team: { id: 'T0GEMEENTE', domain: 'gemeente' },
      user: { id: 'U0KARIN', name: 'karin', team_id: 'T0GEMEENTE' },
      api_app_id: 'A0ROUTEPLAN',
      token: 'verification-token-unused',
      trigger_id: 'trigger-modal-2',
      view: { id: 'V1', type: 'modal', callback_id: 'rp_text_modal', private_metadata: view.private_metadata, state: { values: { rp_text: { rp_text: { type: 'plain_text_input', value: 'Buurthuis <!channel> & meer' } } } } },
    };
    const res = await send('payload', submission);
    expect(res.status).toBe(200);
    expect(res.body).toBe(''); // the modal closes
    await until(() => blocksText(posted()).includes('Proefgesprek: samenvatting'));
    const summary = posted().at(-1);
    expect(blocksText(summary)).toContain('Buurthuis <!channel> & meer');
    expect(JSON.stringify(summary)).toContain('"type":"plain_text","text":"Buurthuis <!channel> & meer"'); // never parsed as mrkdwn
    expect(blocksText(summary)).toContain('De sociale basis is zwak.');
    expect(app.events.at(-1)).toMatchObject({ kind: 'action', conversation: { key: 'slack:T0GEMEENTE:D0KARINDM', scope: 'personal' }, text: 'Buurthuis <!channel> & meer' });
  });

  test('a malformed or oversized request gets a clear 4xx and runs nothing', async () => {
    const before = app.events.length;
    const ts = Math.floor(Date.now() / 1000);
    const broken = '{"type":"event_callback",';
    const bad = await app.post('/slack/events', broken, { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature(broken, ts) });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({ error: 'malformed body' });
    const huge = JSON.stringify({ type: 'event_callback', event: { type: 'message', text: 'x'.repeat(300 * 1024) } });
    const big = await app.post('/slack/events', huge, { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature(huge, ts) });
    expect(big.status).toBe(413);
    await new Promise((r) => setTimeout(r, 50));
    expect(app.events.length).toBe(before);
    expect(slack.calls).toEqual([]);
  });

  test('a free-text answer in a group session: a mention in the thread under the question reaches the session', async () => {
    const channel = 'C0DRAAD';
    const posts = () => calls('chat.postMessage').filter((c) => c.args['channel'] === channel);
    const lead = (blocks: unknown, label: string) => buttonClick('U0KARIN', channel, blocks, label);
    await send('form', { ...slackFixture('slash-command'), text: 'start kort kanaal', channel_id: channel });
    await until(() => blocksText(posts().map((c) => c.args['blocks'])).includes('Stand: A'));
    await send('payload', lead(posts().at(-1)!.args['blocks'], 'Volgende vraag'));
    await until(() => blocksText(posts().map((c) => c.args['blocks'])).includes('Stand: B'));
    await send('payload', lead(posts().at(-1)!.args['blocks'], 'Volgende vraag'));
    // the tally message of the text step is out (and every message's thread remembered) before anyone answers
    await until(() => blocksText(posts().map((c) => c.args['blocks'])).includes('Stand: C'));
    const question = posts().find((c) => blocksText(c.args['blocks']).includes('Toelichting?'))!;
    const ts = question.ts!;

    await send('json', event('app-mention', { event_id: 'Ev-thread-answer' }, { channel, user: 'U0BRAM', ts: '1732443999.000100', thread_ts: ts, text: '<@U0BOT> Meer ontmoetingsplekken in de wijk' }));
    await until(() => calls('chat.update').some((c) => blocksText(c.args['blocks']).includes('Meer ontmoetingsplekken in de wijk')));
    expect(app.events.at(-1)).toMatchObject({ kind: 'message', conversation: { key: `slack:T0GEMEENTE:${channel}`, scope: 'channel' }, text: 'Meer ontmoetingsplekken in de wijk' });
  });

  test('user text is escaped: nobody can inject <!channel> or links through an answer', async () => {
    await send('form', { ...slackFixture('slash-command'), text: 'start kort kanaal met namen', channel_id: 'C0ESCAPE' });
    await until(() => calls('chat.postMessage').length >= 3);
    await send('form', { ...slackFixture('slash-command'), text: 'stop', channel_id: 'C0ESCAPE' });
    await send('json', event('app-mention', { event_id: 'Ev-esc-1' }, { channel: 'C0ESCAPE', thread_ts: undefined, text: '<@U0BOT> <!channel> <https://evil.example|klik>' }));
    await new Promise((r) => setTimeout(r, 200));
    const all = JSON.stringify(slack.calls.map((c) => c.args['blocks']));
    expect(all).not.toMatch(/(?<!&lt;)<!channel>/);
    expect(all).not.toContain('<https://evil.example');
  });
});
