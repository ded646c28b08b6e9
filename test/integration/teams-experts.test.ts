import nock from 'nock';
import { QUESTION_PREFIX } from '../../src/bot/experts/question.js';
import { onlyLoopback, startTestApp, until, type TestApp } from '../helpers/app.js';
import { buttonPayload, cardsIn, startFakeConnector, textIn, type ConnectorRequest, type FakeConnector } from '../helpers/fake-connector.js';
import { visibleText } from '../helpers/visible-text.js';

/**
 * The content team's loop on Teams (issue 17), through the real server in local mode and a fake Bot Connector
 * on 127.0.0.1: an admin's `experts hier` in a channel, a question Anna sends from her personal chat reaches
 * that channel as a new post, an expert answers on the card, the answer arrives proactively in Anna's chat and
 * the card is updated in place; a connector that fails or hangs leaves the failure visible, never a lost turn.
 */

onlyLoopback(nock);

const CALLS = { retries: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 }, timeoutMs: 300 };
const BOT = { id: '28:routeplanner-bot-app-id', name: 'Routeplanner' };
const ANNA = { id: '29:1Anna', name: 'Anna de Vries', aadObjectId: 'aad-anna' };
const BEA = { id: '29:1Bea', name: 'Bea Smit', aadObjectId: 'aad-bea' };
const BRAM = { id: '29:1Bram', name: 'Bram Bakker', aadObjectId: 'aad-bram' };
const BEHEER = { id: '29:1Beheer', name: 'Beheer', aadObjectId: 'aad-beheer' };
const CHANNEL = '19:redactie@thread.tacv2';
const ANNA_CHAT = 'a:1AnnaChat';

type Account = typeof ANNA;
type Conversation = { id: string; conversationType: string };
const personalChat: Conversation = { id: ANNA_CHAT, conversationType: 'personal' };
const thread = (root: string): Conversation => ({ id: `${CHANNEL};messageid=${root}`, conversationType: 'channel' });

/** The world of one app and one connector, with Anna, the experts and the admin acting in it. */
function teamsExpertsWorld(env: Record<string, string>) {
  let n = 0;
  const world = {
    app: undefined as unknown as TestApp,
    connector: undefined as unknown as FakeConnector,
    async start() {
      world.connector = await startFakeConnector();
      world.app = await startTestApp({ TEAMS_ADMIN_IDS: 'aad-beheer', ...env }, undefined, { calls: CALLS });
    },
    async stop() {
      await world.app.close();
      await world.connector.close();
    },
    send(from: Account, conversation: Conversation, extra: Record<string, unknown>) {
      const activity = {
        type: 'message', id: `tx-${++n}`, serviceUrl: world.connector.url, channelId: 'msteams', from, recipient: BOT,
        conversation: { ...conversation, tenantId: 'tenant-gemeente' }, channelData: { tenant: { id: 'tenant-gemeente' } }, ...extra,
      };
      return world.app.post('/api/messages', activity);
    },
    say: (from: Account, conversation: Conversation, text: string) => world.send(from, conversation, { text }),
    mention: (from: Account, conversation: Conversation, text: string) =>
      world.send(from, conversation, { text: `<at>Routeplanner</at> ${text}`, entities: [{ type: 'mention', text: '<at>Routeplanner</at>', mentioned: BOT }] }),
    /** What the clicker saw in place of the last card they clicked (the invoke response): only they see it. */
    lastShown: '',
    /** A card click as Teams sends it (Universal Actions): an `adaptiveCard/action` invoke with the card's inputs in its data. */
    async click(from: Account, conversation: Conversation, card: unknown, title: string, typed?: string) {
      const res = await world.send(from, conversation, {
        type: 'invoke', name: 'adaptiveCard/action', replyToId: 'card',
        value: { action: { type: 'Action.Execute', verb: 'rp', data: { rp: buttonPayload(card, title), ...(typed === undefined ? {} : { rp_text: typed }) } }, trigger: 'manual' },
      });
      const shown = JSON.parse(res.body) as { type: string; value: unknown };
      world.lastShown = typeof shown.value === 'string' ? shown.value : visibleText(shown.value);
      return res;
    },
    /** Replies into Anna's chat (turn replies and proactive posts). */
    annaChat: () => world.connector.into(ANNA_CHAT),
    /** Proactive posts into the channel itself (not a thread): the experts' cards. */
    channelPosts: () => world.connector.requests.filter((r) => r.method === 'POST' && r.path === `/v3/conversations/${CHANNEL}/activities`),
    /** Anna asks a question the bot cannot answer, asks the content team, and sends it with her name. */
    async ask(question: string): Promise<ConnectorRequest> {
      const posts = world.channelPosts().length;
      await world.say(ANNA, personalChat, question);
      const unknown = cardsIn(world.annaChat()).at(-1);
      await world.click(ANNA, personalChat, unknown, 'Vraag het de kennisredactie');
      const consent = cardsIn(world.annaChat()).at(-1);
      await world.click(ANNA, personalChat, consent, 'Stuur mijn vraag met mijn naam', question);
      expect(world.channelPosts()).toHaveLength(posts + 1);
      return world.channelPosts().at(-1)!;
    },
  };
  return world;
}

describe('the content team on Teams', () => {
  const world = teamsExpertsWorld({ EXPERT_IDS: 'aad-bea' });
  beforeAll(async () => {
    await world.start();
    await world.mention(BEHEER, thread('900'), 'experts hier');
  });
  afterAll(() => world.stop());
  beforeEach(() => {
    world.connector.behaviour = () => 'ok';
  });

  test('an admin\'s `experts hier` in a channel makes it the experts\' channel', () => {
    expect(textIn(world.connector.into(CHANNEL))).toContain('Dit kanaal is nu het kanaal van de kennisredactie (teams).');
  });

  test('an unanswered question reaches the experts\' channel; a non-expert is refused; the expert\'s answer arrives in Anna\'s chat; the card says so, in place', async () => {
    const card = await world.ask('wat is een buurtkamer?');
    const posted = cardsIn([card])[0]!;
    expect(textIn([card])).toContain('Vraag voor de kennisredactie');
    expect(textIn([card])).toContain('Gesteld door Anna de Vries');
    expect(JSON.stringify(posted)).toContain(JSON.stringify({ type: 'TextRun', text: '“wat is een buurtkamer?”' })); // as typed, never markdown
    expect(world.lastShown).toContain('Je vraag is naar de kennisredactie gestuurd');

    // Bram is no expert: a refusal that only he sees (the invoke response), nothing posted, nothing reaches Anna
    const toAnna = world.annaChat().length;
    const inChannel = world.connector.into(CHANNEL).length;
    await world.click(BRAM, thread(card.id!), posted, 'Beantwoorden', 'Weet ik niet hoor');
    expect(world.lastShown).toContain('Alleen de kennisredactie kan vragen beantwoorden');
    expect(world.connector.into(CHANNEL)).toHaveLength(inChannel);
    expect(world.annaChat()).toHaveLength(toAnna);
    expect(world.app.logs.some((l) => l.includes('expert action refused') && l.includes('teams:aad-bram'))).toBe(true);

    const answer = 'Een buurtkamer is een ruimte in de wijk waar bewoners elkaar ontmoeten. **Welkom**';
    await world.click(BEA, thread(card.id!), posted, 'Beantwoorden', answer);
    const delivered = world.annaChat().at(-1)!;
    expect(delivered).toMatchObject({ method: 'POST', path: `/v3/conversations/${ANNA_CHAT}/activities` }); // proactive: no reply to anything
    expect(textIn([delivered])).toContain('Antwoord van de kennisredactie');
    expect(textIn([delivered])).toContain('Beantwoord door Bea Smit van de kennisredactie.');
    expect(JSON.stringify(cardsIn([delivered]))).toContain(JSON.stringify({ type: 'TextRun', text: answer }));
    const updated = world.connector.requests.filter((r) => r.method === 'PUT').at(-1)!;
    expect(updated.path).toBe(`/v3/conversations/${CHANNEL};messageid=${card.id}/activities/${card.id}`);
    expect(textIn([updated])).toContain('Beantwoord door Bea Smit.');
    expect(textIn([updated])).toContain('Het antwoord is bezorgd bij de vrager.');
    expect(world.app.logs.join('')).not.toContain('buurtkamer');
  });

  test('Anna\'s chat answers 503 three times: the card says delivery failed and offers "Opnieuw bezorgen", which works once the connector recovers', async () => {
    const card = await world.ask('wat is een ontmoetingsplek?');
    const proactiveToAnna = ({ method, path }: { method: string; path: string }) => method === 'POST' && path === `/v3/conversations/${ANNA_CHAT}/activities`;
    world.connector.behaviour = (req) => (proactiveToAnna(req) ? 503 : 'ok');
    const before = world.connector.requests.length;
    await world.click(BEA, thread(card.id!), cardsIn([card])[0], 'Geen antwoord');
    expect(world.connector.requests.slice(before).filter(proactiveToAnna)).toHaveLength(3); // one try and two retries
    const failed = world.connector.requests.filter((r) => r.method === 'PUT').at(-1)!;
    expect(textIn([failed])).toContain('Bezorgen bij de vrager is niet gelukt');
    const log = world.app.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l['msg'] === 'teams delivery failed');
    expect(log).toMatchObject({ platform: 'teams', target: 'conversation', code: 'CALL_FAILED', status: 503 });

    world.connector.behaviour = () => 'ok';
    await world.click(BEA, thread(card.id!), cardsIn([failed])[0], 'Opnieuw bezorgen');
    expect(textIn(world.annaChat().slice(-1))).toContain('De kennisredactie heeft naar je vraag gekeken, maar kan er nu geen antwoord op geven.');
    expect(textIn(world.connector.requests.filter((r) => r.method === 'PUT').slice(-1))).toContain('Het antwoord is bezorgd bij de vrager.');
  });

  test('a connector that hangs on the experts\' channel: Anna hears it was not sent, within the time limit, and nothing is kept', async () => {
    world.connector.behaviour = ({ path }) => (path === `/v3/conversations/${CHANNEL}/activities` ? 'hang' : 'ok');
    const stored = (await world.app.store.list(QUESTION_PREFIX)).length;
    await world.say(ANNA, personalChat, 'wat is een wijkteam?');
    await world.click(ANNA, personalChat, cardsIn(world.annaChat()).at(-1), 'Vraag het de kennisredactie');
    const started = Date.now();
    await world.click(ANNA, personalChat, cardsIn(world.annaChat()).at(-1), 'Stuur zonder naam', 'wat is een wijkteam?');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(world.lastShown).toContain('Het kanaal van de kennisredactie is nu niet bereikbaar');
    expect(await world.app.store.list(QUESTION_PREFIX)).toHaveLength(stored);
    expect(world.app.logs.some((l) => l.includes('teams delivery failed') && l.includes('CALL_TIMEOUT'))).toBe(true);
    expect(world.app.inflight.count).toBe(0);
  });

  test('asked from a channel: the answer comes in a personal chat the bot opens with Anna', async () => {
    const beleid = (root: string): Conversation => ({ id: `19:beleid@thread.tacv2;messageid=${root}`, conversationType: 'channel' });
    await world.mention(ANNA, beleid('50'), 'wat is een buurthuis?');
    await world.click(ANNA, beleid('50'), cardsIn(world.connector.into('19:beleid@thread.tacv2')).at(-1), 'Vraag het de kennisredactie');
    await world.click(ANNA, beleid('50'), cardsIn(world.connector.into('19:beleid@thread.tacv2')).at(-1), 'Stuur zonder naam', 'wat is een buurthuis?');
    expect(textIn(world.connector.into('19:beleid@thread.tacv2').slice(-1))).toContain('Hun antwoord krijg je in je eigen chat met mij.');
    const card = world.channelPosts().at(-1)!;
    expect(textIn([card])).toContain('“wat is een buurthuis?”');
    expect(textIn([card])).toContain('De vrager wil anoniem blijven.');

    await world.click(BEA, thread(card.id!), cardsIn([card])[0], 'Beantwoorden', 'Een buurthuis is een gebouw voor activiteiten in de wijk.');
    const opened = world.connector.requests.filter((r) => r.method === 'POST' && r.path === '/v3/conversations').at(-1)!;
    expect(opened.body).toMatchObject({ isGroup: false, members: [{ id: ANNA.id }], bot: { id: BOT.id }, tenantId: 'tenant-gemeente' });
    const delivered = world.connector.into(opened.id!).at(-1)!;
    expect(delivered).toMatchObject({ method: 'POST', path: `/v3/conversations/${opened.id}/activities` });
    expect(textIn([delivered])).toContain('Een buurthuis is een gebouw voor activiteiten in de wijk.');
    expect(textIn(world.connector.requests.filter((r) => r.method === 'PUT').slice(-1))).toContain('Het antwoord is bezorgd bij de vrager.');
  });

  test('"vergeet mij": Anna\'s open question goes, and its card in the channel is replaced where it is', async () => {
    const card = await world.ask('wat is een taalcafé?');
    await world.say(ANNA, personalChat, 'vergeet mij');
    await world.click(ANNA, personalChat, cardsIn(world.annaChat()).at(-1), 'Ja, wis alles');
    expect(world.lastShown).toMatch(/Klaar: ik heb \d+ opgeslagen items? over jou gewist\./);
    // her earlier questions go too; this one's card is updated where it was posted, in the channel itself
    const erased = world.connector.requests.filter((r) => r.method === 'PUT' && r.path === `/v3/conversations/${CHANNEL}/activities/${card.id}`).at(-1)!;
    expect(textIn([erased])).toContain('Deze vraag is gewist op verzoek van de vrager.');
    expect(textIn([erased])).not.toContain('taalcafé');
  });

  test('a conversation the bot was removed from (403) is unreachable: the card says delivery failed', async () => {
    const card = await world.ask('wat is een huiskamerproject?');
    world.connector.behaviour = ({ method, path }) => (method === 'POST' && path === `/v3/conversations/${ANNA_CHAT}/activities` ? 403 : 'ok');
    await world.click(BEA, thread(card.id!), cardsIn([card])[0], 'Geen antwoord');
    expect(textIn(world.connector.requests.filter((r) => r.method === 'PUT').slice(-1))).toContain('Bezorgen bij de vrager is niet gelukt');
    await until(() => world.app.logs.some((l) => l.includes('expert outbox: delivery failed') && l.includes('"code":"unreachable"')));
  });
});

describe('EXPERTS_FROM_CHANNEL on Teams: whoever acts from within the experts\' channel may answer', () => {
  const world = teamsExpertsWorld({ EXPERTS_FROM_CHANNEL: 'true' });
  beforeAll(async () => {
    await world.start();
    await world.mention(BEHEER, thread('900'), 'experts hier');
  });
  afterAll(() => world.stop());

  test('Bram (not in EXPERT_IDS) answers on the card in the channel; the same button from his own chat is refused', async () => {
    const card = await world.ask('wat is een buurtkamer?');
    const posted = cardsIn([card])[0];
    const bramChat: Conversation = { id: 'a:1BramChat', conversationType: 'personal' };
    await world.click(BRAM, bramChat, posted, 'Geen antwoord');
    expect(world.lastShown).toContain('Alleen de kennisredactie kan vragen beantwoorden');
    await world.click(BRAM, { id: '19:anderkanaal@thread.tacv2;messageid=5', conversationType: 'channel' }, posted, 'Geen antwoord');
    expect(world.lastShown).toContain('Alleen de kennisredactie kan vragen beantwoorden');
    expect(world.connector.into('19:anderkanaal@thread.tacv2')).toHaveLength(0);

    await world.click(BRAM, thread(card.id!), posted, 'Beantwoorden', 'Een plek in de wijk om elkaar te ontmoeten.');
    expect(textIn(world.annaChat().slice(-1))).toContain('Beantwoord door Bram Bakker van de kennisredactie.');
    expect(textIn(world.connector.requests.filter((r) => r.method === 'PUT').slice(-1))).toContain('Het antwoord is bezorgd bij de vrager.');
  });
});
