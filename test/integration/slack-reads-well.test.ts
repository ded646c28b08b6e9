import nock from 'nock';
import { onlyLoopback, startTestApp, until, type TestApp } from '../helpers/app.js';
import { BOT_TOKEN, SIGNING_SECRET, SLACK_API, blocksText, buttonClick, interceptSlack, signed, slackFixture, type WebApiCall } from '../helpers/slack.js';

/**
 * Slack that reads well (issue 15, part 4), through signed requests and the fake Web API: people's display
 * names, the free-text modal with its question, "en nog N" where a list is cut, a replayed slash command
 * answered once, the export as a Markdown file, and the slash help with its subcommands.
 */

onlyLoopback(nock);

const NAMES = { U0ANNA: 'Anna de Vries', U0BRAM: 'Bram Bakker' };

describe('Slack reads well', () => {
  let app: TestApp;
  let slack: ReturnType<typeof interceptSlack>;
  let n = 0;
  const send = (kind: 'json' | 'form' | 'payload', data: Record<string, unknown>) => {
    const req = signed(kind, data);
    return app.post('/slack/events', req.body, req.headers);
  };
  const calls = (method: string): WebApiCall[] => slack.calls.filter((c) => c.method === method);
  const posted = (channel: string) => calls('chat.postMessage').filter((c) => c.args['channel'] === channel).map((c) => c.args['blocks']);
  const mention = (channel: string, user: string, text: string, threadTs?: string) => {
    const f = slackFixture('app-mention');
    const ts = `1732450000.${String(++n).padStart(6, '0')}`;
    return send('json', { ...f, event_id: `Ev-reads-${n}`, event: { ...(f['event'] as object), channel, user, text: `<@U0BOT> ${text}`, ts, ...(threadTs ? { thread_ts: threadTs } : {}) } });
  };
  const dm = (user: string, text: string) => {
    const f = slackFixture('dm-message');
    return send('json', { ...f, event_id: `Ev-reads-${++n}`, event: { ...(f['event'] as object), user, channel: `D0${user.slice(2)}DM`, text } });
  };
  /** A click on a message we posted: Slack sends the message's blocks along (the modals read the question from them). */
  const click = (user: string, channel: string, blocks: unknown, label: string, extra: Record<string, unknown> = {}) =>
    send('payload', buttonClick(user, channel, blocks, label, { message: { type: 'message', ts: '1732450000.000001', blocks }, ...extra }));

  beforeAll(async () => {
    slack = interceptSlack({ names: NAMES });
    app = await startTestApp({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${SLACK_API}/api/`, SLACK_ADMIN_IDS: 'U0ADMIN' });
    await until(() => slack.calls.some((c) => c.method === 'auth.test'));
  });
  afterAll(() => app.close());
  beforeEach(() => {
    nock.cleanAll();
    slack = interceptSlack({ names: NAMES });
  });

  test('display names, not user ids: who starts a session, and who wrote what in a named summary; users.info once per person', async () => {
    const channel = 'C0NAMEN';
    await mention(channel, 'U0ANNA', 'start kort kanaal met namen');
    await until(() => blocksText(posted(channel)).includes('Stand: A'));
    expect(blocksText(posted(channel))).toContain('Anna de Vries start het groepsgesprek *Kort gesprek*');
    const threadTs = calls('chat.postMessage')[0]!.args['thread_ts'] as string;
    const lead = (label: string) => click('U0ANNA', channel, posted(channel).at(-1), label, { container: { type: 'message', channel_id: channel, thread_ts: threadTs, message_ts: '1' } });
    await lead('Volgende vraag');
    await until(() => blocksText(posted(channel)).includes('Stand: B'));
    await lead('Volgende vraag');
    await until(() => blocksText(posted(channel)).includes('Stand: C'));
    await mention(channel, 'U0BRAM', 'Meer ontmoetingsplekken', threadTs);
    await until(() => calls('chat.update').some((c) => blocksText(c.args['blocks']).includes('Bram Bakker: Meer ontmoetingsplekken')));
    await lead('Afsluiten');
    await until(() => blocksText(posted(channel)).includes('Kort gesprek: samenvatting'));
    expect(blocksText(posted(channel).at(-1))).toContain('“Bram Bakker: Meer ontmoetingsplekken”');
    expect(calls('users.info').map((c) => c.args['user']).sort()).toEqual(['U0ANNA', 'U0BRAM']); // cached after the first turn
  });

  test('a name Slack cannot give falls back to the handle or id, and the turn goes on; the log says why', async () => {
    await mention('C0ZONDER', 'U0ZOE', 'start kort kanaal');
    await until(() => blocksText(posted('C0ZONDER')).includes('Stand: A'));
    expect(blocksText(posted('C0ZONDER'))).toContain('U0ZOE start het groepsgesprek');
    expect(app.logs.some((l) => l.includes('slack display name not found') && l.includes('"slackError":"user_not_found"'))).toBe(true);
  });

  test('the free-text modal shows the question, with a clear title and label; the summary then exports as a Markdown file', async () => {
    const channel = 'D0ANNADM';
    await dm('U0ANNA', 'start kort');
    await until(() => blocksText(posted(channel)).includes('Kies A of B.'));
    await click('U0ANNA', channel, posted(channel).at(-1), 'Optie A');
    await until(() => blocksText(posted(channel)).includes('Score?'));
    await click('U0ANNA', channel, posted(channel).at(-1), '3');
    await until(() => blocksText(posted(channel)).includes('Toelichting?'));
    await click('U0ANNA', channel, posted(channel).at(-1), 'Je antwoord', { trigger_id: 'trigger-reads-modal' });
    await until(() => calls('views.open').length > 0);
    const view = calls('views.open')[0]!.args['view'] as { title: { text: string }; private_metadata: string; blocks: Array<Record<string, unknown>> };
    expect(view.title.text).toBe('Beantwoord de vraag');
    expect(view.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*C*\nToelichting?' } });
    expect(view.blocks[1]).toMatchObject({ type: 'input', label: { text: 'Je antwoord (maximaal 200 tekens)' }, element: { type: 'plain_text_input', max_length: 200 } });

    const submit = { type: 'view_submission', team: { id: 'T0GEMEENTE' }, user: { id: 'U0ANNA', name: 'anna', team_id: 'T0GEMEENTE' }, trigger_id: 'trigger-reads-submit', view: { callback_id: 'rp_text_modal', private_metadata: view.private_metadata, state: { values: { rp_text: { rp_text: { type: 'plain_text_input', value: 'Een buurtkamer & meer' } } } } } };
    await send('payload', submit);
    await until(() => blocksText(posted(channel)).includes('Kort gesprek: samenvatting'));
    await click('U0ANNA', channel, posted(channel).at(-1), 'Exporteer');
    await until(() => calls('files.completeUploadExternal').length > 0);
    expect(calls('files.getUploadURLExternal')[0]!.args).toMatchObject({ filename: expect.stringMatching(/^kort-gesprek-\d{4}-\d{2}-\d{2}\.md$/) });
    expect(calls('files.completeUploadExternal')[0]!.args).toMatchObject({ channel_id: channel, initial_comment: 'Je export als Markdown-bestand:' });
    expect(slack.uploads.join('')).toContain('# Kort gesprek');
    expect(slack.uploads.join('')).toContain('- Een buurtkamer & meer');
    expect(blocksText(posted(channel))).not.toContain('# Kort gesprek'); // the file is the export: no text copy beside it
  });

  test('when the upload fails, the export comes as text to copy, with a line that says so', async () => {
    nock.cleanAll();
    nock(SLACK_API).post('/api/files.getUploadURLExternal').reply(200, { ok: false, error: 'missing_scope' });
    slack = interceptSlack({ names: NAMES });
    const channel = 'D0BRAMDM';
    await dm('U0BRAM', 'start kort');
    await until(() => blocksText(posted(channel)).includes('Kies A of B.'));
    await dm('U0BRAM', 'exporteer');
    await until(() => posted(channel).some((b) => blocksText(b).includes('# Kort gesprek')));
    expect(blocksText(posted(channel))).toContain('Het bestand kon ik niet in Slack zetten. Hieronder staat de tekst');
    expect(app.logs.some((l) => l.includes('slack export upload failed'))).toBe(true);
  });

  test('"en nog N": 58 long free-text answers; the tally and the summary show what fits and count the rest', async () => {
    const channel = 'C0VEEL';
    await send('form', { ...slackFixture('slash-command'), text: 'start kort kanaal', channel_id: channel, user_id: 'U0ANNA' });
    await until(() => blocksText(posted(channel)).includes('Stand: A'));
    const lead = (label: string) => click('U0ANNA', channel, posted(channel).at(-1), label);
    await lead('Volgende vraag');
    await until(() => blocksText(posted(channel)).includes('Stand: B'));
    await lead('Volgende vraag');
    await until(() => blocksText(posted(channel)).includes('Stand: C'));
    const question = calls('chat.postMessage').find((c) => blocksText(c.args['blocks']).includes('Toelichting?'))!;
    for (let i = 0; i < 58; i++) {
      await mention(channel, `U${1000 + i}`, `Antwoord ${i}: ${'meer ontmoeting in de wijk, samen met de bibliotheek en het buurtteam '.repeat(2).trim()}`, question.ts);
    }
    const latest = () => calls('chat.update').map((c) => blocksText(c.args['blocks'])).filter((t) => t.includes('Stand: C')).at(-1) ?? '';
    await until(() => latest().includes('(58 antwoorden)'), 15_000);
    const shown = (latest().match(/“Antwoord \d+: [^”\n]+ buurtteam”/g) ?? []).length; // whole answers, none cut off
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(58);
    expect(latest()).toContain(`… en nog ${58 - shown} antwoorden. Alle antwoorden komen in de samenvatting.`);

    await lead('Afsluiten');
    await until(() => blocksText(posted(channel)).includes('Kort gesprek: samenvatting'));
    const summary = blocksText(posted(channel).at(-1));
    const inSummary = (summary.match(/“Antwoord \d+: [^”\n]+ buurtteam”/g) ?? []).length;
    expect(inSummary).toBeLessThan(58);
    expect(summary).toContain(`… en nog ${58 - inSummary} antwoorden. Gebruik *Exporteer* voor alles.`);
    // and the export holds every answer
    await click('U0ANNA', channel, posted(channel).at(-1), 'Exporteer');
    await until(() => calls('files.completeUploadExternal').length > 0);
    expect((slack.uploads.join('').match(/Antwoord \d+:/g) ?? []).length).toBe(58);
  }, 30_000);

  test('a slash command replayed within the signature window runs once', async () => {
    const req = signed('form', { ...slackFixture('slash-command'), text: 'zoek preventie' });
    const before = app.events.length;
    expect((await app.post('/slack/events', req.body, req.headers)).status).toBe(200);
    expect((await app.post('/slack/events', req.body, req.headers)).status).toBe(200);
    await until(() => slack.responses.length > 0);
    await new Promise((r) => setTimeout(r, 150));
    expect(slack.responses).toHaveLength(1);
    expect(app.events.length).toBe(before + 1);
  });

  test('/routeplanner help lists the subcommands; an admin also sees theirs, with experts hier', async () => {
    await send('form', { ...slackFixture('slash-command'), text: 'help', user_id: 'U0ADMIN' });
    await until(() => slack.responses.length > 1);
    const help = blocksText(slack.responses[0]!['blocks']);
    for (const sub of ['*/routeplanner &lt;vraag&gt;*', '*/routeplanner zoek &lt;vraag&gt;*', '*/routeplanner start &lt;gesprek&gt; kanaal*', '*kanaal met namen*', '*/routeplanner verder*', '*/routeplanner stop*', '*/routeplanner vergeet mij*', '*/routeplanner herlaad*', '*/routeplanner onbeantwoord*', '*/routeplanner experts hier*']) {
      expect(help).toContain(sub);
    }
  });
});
