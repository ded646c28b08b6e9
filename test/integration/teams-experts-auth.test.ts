import nock from 'nock';
import { onlyLoopback, startTestApp, type TestApp } from '../helpers/app.js';
import { buttonPayload } from '../helpers/fake-connector.js';
import { APP_ID, cardText, fakeBotFrameworkIdentity, SERVICE_URL } from '../helpers/teams.js';

/**
 * The content team's proactive messages with an app id: signed activities in, and every proactive post and
 * update out carries the bot's token (from the Microsoft login, faked with nock) to the Teams service URL.
 */

onlyLoopback(nock);

const BOT = { id: `28:${APP_ID}`, name: 'Routeplanner' };
const ANNA = { id: '29:1Anna', name: 'Anna de Vries', aadObjectId: 'aad-anna' };
const BEA = { id: '29:1Bea', name: 'Bea Smit', aadObjectId: 'aad-bea' };
const CHANNEL = '19:redactie@thread.tacv2';

interface Sent {
  method: string;
  path: string;
  auth: string | undefined;
  /** The id the connector gave the posted activity. */
  id: string;
  body: { id?: string; attachments?: Array<{ content: unknown }> };
}

describe('the content team on Teams with an app id', () => {
  let app: TestApp;
  let identity: ReturnType<typeof fakeBotFrameworkIdentity>;
  const sent: Sent[] = [];
  let n = 0;
  let ids = 0;

  beforeAll(async () => {
    nock.cleanAll();
    identity = fakeBotFrameworkIdentity();
    const record = (method: string) =>
      function (this: { req: { headers: Record<string, string | undefined> } }, uri: string, body: nock.Body) {
        const id = `act-${++ids}`;
        sent.push({ method, path: decodeURIComponent(uri), auth: this.req.headers['authorization'], id, body: body as Sent['body'] });
        return [200, { id }] as [number, Record<string, unknown>];
      };
    nock(SERVICE_URL).persist().post(/\/v3\/conversations\/.*/).reply(record('POST'));
    nock(SERVICE_URL).persist().put(/\/v3\/conversations\/.*/).reply(record('PUT'));
    app = await startTestApp({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-password-not-logged', TEAMS_ADMIN_IDS: 'aad-bea', EXPERT_IDS: 'aad-bea' });
  });
  afterAll(() => app.close());

  const send = (from: typeof ANNA, conversation: { id: string; conversationType: string }, extra: Record<string, unknown>) =>
    app.post('/api/messages', {
      type: 'message', id: `auth-${++n}`, serviceUrl: SERVICE_URL, channelId: 'msteams', from, recipient: BOT,
      conversation: { ...conversation, tenantId: 'tenant-gemeente' }, channelData: { tenant: { id: 'tenant-gemeente' } }, ...extra,
    }, { authorization: `Bearer ${identity.sign()}` });
  const lastCard = () => sent.filter((s) => s.body.attachments).at(-1)!.body.attachments![0]!.content;
  const personal = { id: 'a:1AnnaChat', conversationType: 'personal' };

  test('the card in the channel, the answer in Anna\'s chat and the update all carry the bot\'s token', async () => {
    const mention = `<at>${BOT.name}</at>`;
    expect((await send(BEA, { id: `${CHANNEL};messageid=1`, conversationType: 'channel' }, { text: `${mention} experts hier`, entities: [{ type: 'mention', text: mention, mentioned: BOT }] })).status).toBe(200);
    await send(ANNA, personal, { text: 'wat is een buurtkamer?' });
    await send(ANNA, personal, { value: { rp: buttonPayload(lastCard(), 'Vraag het de kennisredactie') } });
    await send(ANNA, personal, { value: { rp: buttonPayload(lastCard(), 'Stuur zonder naam'), rp_text: 'wat is een buurtkamer?' } });
    const posted = sent.find((s) => s.method === 'POST' && s.path === `/emea/v3/conversations/${CHANNEL}/activities`)!;
    expect(cardText(posted.body.attachments)).toContain('Vraag voor de kennisredactie');

    await send(BEA, { id: `${CHANNEL};messageid=${posted.id}`, conversationType: 'channel' }, { value: { rp: buttonPayload(posted.body.attachments, 'Beantwoorden'), rp_text: 'Een ruimte in de wijk.' } });
    const answer = sent.filter((s) => s.method === 'POST' && s.path === '/emea/v3/conversations/a:1AnnaChat/activities').at(-1)!;
    expect(cardText(answer.body.attachments)).toContain('Een ruimte in de wijk.');
    const update = sent.filter((s) => s.method === 'PUT').at(-1)!;
    expect(update.path).toBe(`/emea/v3/conversations/${CHANNEL};messageid=${posted.id}/activities/${posted.id}`);
    expect(cardText(update.body.attachments)).toContain('Het antwoord is bezorgd bij de vrager.');
    for (const s of [posted, answer, update]) expect(s.auth).toBe('Bearer outgoing-test-token');
    expect(app.logs.join('')).not.toContain('test-password-not-logged');
  });
});
