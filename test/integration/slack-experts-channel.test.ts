import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { createLowdbStore } from '../../src/storage/lowdb-store.js';
import { onlyLoopback, startTestApp, until, type TestApp } from '../helpers/app.js';
import { BOT_TOKEN, SIGNING_SECRET, SLACK_API, blocksText, buttonClick, interceptSlack, signed, slackFixture, type WebApiCall } from '../helpers/slack.js';

/**
 * EXPERTS_FROM_CHANNEL on Slack (issue 17 part 5): no EXPERT_IDS; the members of the experts' channel
 * (conversations.members) may answer, and nobody else, also not someone who clicks in the channel without
 * being a member (anyone can open a public channel).
 */

onlyLoopback(nock);

const EXPERTS = 'C0REDACTIE';
const NAMES = { U0ANNA: 'Anna de Vries', U0BEA: 'Bea Smit', U0BRAM: 'Bram Bakker' };

describe('EXPERTS_FROM_CHANNEL on Slack', () => {
  let app: TestApp;
  let dataDir: string;
  let slack: ReturnType<typeof interceptSlack>;
  let memberCalls = 0;
  let n = 0;
  const send = (kind: 'json' | 'payload', data: Record<string, unknown>) => {
    const req = signed(kind, data);
    return app.post('/slack/events', req.body, req.headers);
  };
  const calls = (method: string): WebApiCall[] => slack.calls.filter((c) => c.method === method);
  const posted = (channel: string) => calls('chat.postMessage').filter((c) => c.args['channel'] === channel);
  const click = (user: string, channel: string, blocks: unknown, label: string, extra: Record<string, unknown> = {}) =>
    send('payload', buttonClick(user, channel, blocks, label, { message: { type: 'message', ts: '1732460000.000001', blocks }, trigger_id: `trigger-fc-${++n}`, ...extra }));
  const submit = (user: string, view: { private_metadata: string }, answer: string) =>
    send('payload', { type: 'view_submission', team: { id: 'T0GEMEENTE' }, user: { id: user, name: user.toLowerCase(), team_id: 'T0GEMEENTE' }, trigger_id: `trigger-fc-${++n}`, view: { callback_id: 'rp_text_modal', private_metadata: view.private_metadata, state: { values: { rp_text: { rp_text: { type: 'plain_text_input', value: answer } } } } } });

  function interceptMembers() {
    // registered before the fake Web API, so it answers conversations.members first; two pages
    nock(SLACK_API).persist().post('/api/conversations.members').reply(function (_uri, body) {
      memberCalls++;
      const cursor = new URLSearchParams(String(body)).get('cursor');
      return [200, cursor ? { ok: true, members: ['U0BEA'], response_metadata: { next_cursor: '' } } : { ok: true, members: ['U0BOT', 'U0CHRIS'], response_metadata: { next_cursor: 'page2' } }];
    });
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'rp-slack-from-channel-'));
    interceptMembers();
    slack = interceptSlack({ names: NAMES });
    app = await startTestApp({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${SLACK_API}/api/`, SLACK_EXPERTS_CHANNEL: EXPERTS, EXPERTS_FROM_CHANNEL: 'true' }, await createLowdbStore({ dir: dataDir }));
    await until(() => slack.calls.some((c) => c.method === 'auth.test'));
  });
  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('a member (on the second page) answers through the modal; someone who clicks in the channel without being a member is refused, also on the modal', async () => {
    const f = slackFixture('dm-message');
    await send('json', { ...f, event_id: 'Ev-fc-1', event: { ...(f['event'] as object), text: 'wat is een buurtkamer?' } });
    await until(() => blocksText(posted('D0ANNADM').at(-1)?.args['blocks']).includes('Vraag het de kennisredactie'));
    await click('U0ANNA', 'D0ANNADM', posted('D0ANNADM').at(-1)!.args['blocks'], 'Vraag het de kennisredactie');
    await until(() => blocksText(posted('D0ANNADM').at(-1)?.args['blocks']).includes('Mogen de experts je naam zien?'));
    const typed = { state: { values: { rp_expert_question: { rp_text: { type: 'plain_text_input', value: 'wat is een buurtkamer?' } } } } };
    await click('U0ANNA', 'D0ANNADM', posted('D0ANNADM').at(-1)!.args['blocks'], 'Stuur mijn vraag met mijn naam', typed);
    await until(() => posted(EXPERTS).length > 0);
    const card = posted(EXPERTS).at(-1)!.args['blocks'];

    // Bram clicks in the channel but is no member: refused, and nothing reaches Anna
    await click('U0BRAM', EXPERTS, card, 'Geen antwoord');
    await until(() => calls('chat.postEphemeral').some((c) => c.args['user'] === 'U0BRAM'));
    expect(calls('chat.postEphemeral').find((c) => c.args['user'] === 'U0BRAM')!.args['text']).toContain('Alleen de kennisredactie kan vragen beantwoorden');
    expect(calls('chat.update')).toEqual([]);

    // in the experts' channel the form opens for anyone; sending it is checked
    await click('U0BRAM', EXPERTS, card, 'Beantwoorden');
    await until(() => calls('views.open').length === 1);
    await submit('U0BRAM', calls('views.open')[0]!.args['view'] as { private_metadata: string }, 'Geen idee');
    await until(() => calls('chat.postEphemeral').filter((c) => c.args['user'] === 'U0BRAM').length === 2);
    expect(calls('chat.update')).toEqual([]);

    await click('U0BEA', EXPERTS, card, 'Beantwoorden');
    await until(() => calls('views.open').length === 2);
    await submit('U0BEA', calls('views.open')[1]!.args['view'] as { private_metadata: string }, 'Een ruimte in de wijk om elkaar te ontmoeten.');
    await until(() => calls('chat.update').some((c) => blocksText(c.args['blocks']).includes('Het antwoord is bezorgd bij de vrager.')));
    expect(blocksText(posted('D0ANNADM').at(-1)!.args['blocks'])).toContain('Beantwoord door Bea Smit van de kennisredactie.');
    // three checks within a minute: the two pages were read once
    expect(memberCalls).toBe(2);
  });
});
