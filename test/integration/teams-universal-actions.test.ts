import nock from 'nock';
import { cardProblems } from '../helpers/adaptive-card.js';
import { onlyLoopback, until, type TestApp } from '../helpers/app.js';
import { cardsOf, cardText, localTeamsApp, teamsFixture, type SentActivity } from '../helpers/teams.js';
import { click, executeActions, member, payloadOf, refresh, type Member } from '../helpers/teams-invoke.js';

/**
 * Teams Universal Actions through the real server on 127.0.0.1: Action.Execute clicks and refreshes as
 * `adaptiveCard/action` invokes, answered in the HTTP response; the Bot Connector is intercepted with nock.
 */

onlyLoopback(nock);

const karin: Member = { id: '29:1TeamLeadUserId', name: 'Karin Jansen', aadObjectId: '6f1c2b3a-aaaa-4bbb-8ccc-000000000002' };
const bram = member('Bram');
const chris = member('Chris');

/** Cards must be valid Adaptive Cards 1.5; `refresh` is part of the schema since 1.4, so nothing is exempt. */
function valid(card: unknown): Record<string, unknown> {
  expect(cardProblems(card as object)).toEqual([]);
  return card as Record<string, unknown>;
}

describe('Teams Universal Actions', () => {
  let app: TestApp;
  let sent: SentActivity[];
  let thread = 0;
  localTeamsApp((started) => (app = started), (recorded) => (sent = recorded));

  /** Karin starts the proef dialogue in a fresh channel thread: its conversation, question card and tally card. */
  async function groupSession() {
    const mention = teamsFixture('channel-mention');
    const conversation = { ...(mention['conversation'] as object), id: `19:sociaaldomein@thread.tacv2;messageid=ua-${++thread}` };
    await app.post('/api/messages', { ...mention, conversation });
    const cards = cardsOf(sent);
    const question = cards.find((c) => cardText(c).includes('Wat is je rol?'))!;
    const tally = cards.find((c) => cardText(c).includes('Stand: Rol'))!;
    sent.length = 0;
    return { conversation, question, tally };
  }

  test('every button is an Action.Execute with the payload in data.rp', async () => {
    await app.post('/api/messages', teamsFixture('conversation-update'));
    const [welcome] = cardsOf(sent);
    const actions = executeActions(valid(welcome));
    expect(actions.length).toBeGreaterThan(1);
    for (const a of actions) expect(a).toMatchObject({ verb: 'rp', data: { rp: expect.any(String) } });
    expect(JSON.stringify(welcome)).not.toContain('Action.Submit');
  });

  test('personal chat: a click on the question card is answered with the next question as the invoke response', async () => {
    const conversation = teamsFixture('personal-message')['conversation'] as object;
    const anna: Member = { id: '29:1AnnaDeVriesTeamsUserId', name: 'Anna de Vries', aadObjectId: '6f1c2b3a-aaaa-4bbb-8ccc-000000000001' };
    await app.post('/api/messages', { ...teamsFixture('personal-message'), id: 'start-kort', text: 'start kort' });
    const first = cardsOf(sent).find((c) => cardText(c).includes('Kies A of B.'))!;
    sent.length = 0;
    const res = await click(app, conversation, anna, payloadOf(first, 'Optie A'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const next = valid(res.body.value);
    expect(cardText(next)).toContain('Score?');
    expect(executeActions(next).map((a) => a.title)).toEqual(expect.arrayContaining(['1', '5', 'Terug']));
    expect(sent).toEqual([]); // the next question replaced the card: nothing posted
    expect(app.events.at(-1)).toMatchObject({ kind: 'action', conversation: { scope: 'personal' } });

    // the old card clicked again: closed, with the answer given and no live buttons
    const again = await click(app, conversation, anna, payloadOf(first, 'Optie B'));
    const closed = valid(again.body.value);
    expect(cardText(closed)).toContain('Deze vraag is voorbij.');
    expect(cardText(closed)).toContain('Jouw antwoord: Optie A');
    expect(executeActions(closed)).toEqual([]);
  });

  test('a group of three: a member who is not the lead clicks "Volgende vraag" and only they see the refusal', async () => {
    const { conversation, question, tally } = await groupSession();
    for (const who of [karin, bram, chris]) expect((await click(app, conversation, who, payloadOf(question, 'Beleid'))).status).toBe(200);
    await until(() => sent.length >= 3);
    sent.length = 0;

    const before = app.events.length;
    const res = await click(app, conversation, bram, payloadOf(tally, 'Volgende vraag'));
    expect(app.events.length).toBe(before + 1);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    const seen = valid(res.body.value);
    expect(cardText(seen)).toContain('Alleen Karin Jansen (de gespreksleider)');
    expect(cardText(seen)).toContain('Stand: Rol');
    expect(executeActions(seen)).toEqual([]); // Bram's view of the tally has no lead buttons
    await new Promise((r) => setTimeout(r, 200));
    expect(sent).toEqual([]); // nothing posted to the conversation
  });

  test('a group: a concept button on the question card answers only the clicker, on their own copy of the card above the question', async () => {
    const { conversation, question } = await groupSession();
    // the button a step with concepts carries in a group: the concept, and the question card it sits on
    const { r } = JSON.parse(payloadOf(question, 'Beleid')) as { r: string };
    const res = await click(app, conversation, bram, JSON.stringify({ a: 'concept', id: 'sociale-basis', on: { r, s: 'rol' } }));
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    const seen = valid(res.body.value);
    expect(cardText(seen)).toContain('Sociale basis');
    expect(cardText(seen)).toContain('Wat is je rol?'); // Bram's question card stays below the answer
    expect(executeActions(seen).map((a) => a.title)).toContain('Beleid');
    await new Promise((r) => setTimeout(r, 200));
    expect(sent).toEqual([]); // nothing posted to the conversation
  });

  test('refresh: each member gets their own view, the lead\'s view differs', async () => {
    const { conversation, question } = await groupSession();
    await click(app, conversation, bram, payloadOf(question, 'Beleid'));
    const own = await click(app, conversation, chris, payloadOf(question, 'Uitvoering'));
    expect(cardText(own.body.value)).toContain('Jouw antwoord: Uitvoering'); // the clicked question card, Chris's way
    await until(() => cardsOf(sent).some((c) => cardText(c).includes('2 antwoorden')));
    const shared = valid(cardsOf(sent).filter((c) => cardText(c).includes('Stand: Rol')).at(-1));
    expect(shared['refresh']).toEqual({
      action: { type: 'Action.Execute', verb: 'refresh', data: { rp_view: expect.any(String) } },
      userIds: expect.arrayContaining([karin.id, bram.id, chris.id]),
    });

    const views = Object.fromEntries(await Promise.all([karin, bram, chris].map(async (who) => [who.name, valid((await refresh(app, conversation, who, shared)).body.value)] as const)));
    expect(cardText(views['Bram'])).toContain('Jouw antwoord: Beleid');
    expect(cardText(views['Chris'])).toContain('Jouw antwoord: Uitvoering');
    expect(cardText(views['Karin Jansen'])).not.toContain('Jouw antwoord');
    expect(executeActions(views['Bram']).map((a) => a.title)).toEqual([]);
    expect(executeActions(views['Karin Jansen']).map((a) => a.title)).toEqual(['Volgende vraag', 'Afsluiten']);

    // the question card: the member's own choice styled as chosen
    const questionView = valid((await refresh(app, conversation, bram, { refresh: sharedQuestionRefresh(shared) })).body.value);
    expect(executeActions(questionView).find((a) => a.title === 'Beleid')?.style).toBe('positive');
    expect(executeActions(questionView).find((a) => a.title === 'Uitvoering')?.style).toBeUndefined();
  });

  test('an old question card, clicked or refreshed after the lead moved on, is closed with its result', async () => {
    const { conversation, question, tally } = await groupSession();
    await click(app, conversation, bram, payloadOf(question, 'Beleid'));
    await click(app, conversation, karin, payloadOf(tally, 'Volgende vraag'));
    await until(() => cardsOf(sent).some((c) => cardText(c).includes('Wat vind je belangrijk?')));
    sent.length = 0;

    const late = await click(app, conversation, chris, payloadOf(question, 'Uitvoering'));
    const closed = valid(late.body.value);
    const text = cardText(closed);
    expect(text).toContain('Deze vraag is voorbij.');
    expect(text).toContain('Deze vraag is al voorbij; je antwoord telt niet meer mee.'); // the notice, to Chris only
    expect(text).toContain('Beleid: 1');
    expect(executeActions(closed)).toEqual([]);
    expect(closed['refresh']).toBeUndefined();
    const refreshed = valid((await refresh(app, conversation, bram, { refresh: sharedQuestionRefresh(tally) })).body.value);
    expect(cardText(refreshed)).toContain('Jouw antwoord: Beleid');
    expect(executeActions(refreshed)).toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    expect(sent).toEqual([]);
  });

  test('more than 60 members: no refresh, every member sees the shared card', async () => {
    const { conversation, question } = await groupSession();
    const many = Array.from({ length: 61 }, (_, i) => member(`Lid${i}`));
    for (const who of many) await click(app, conversation, who, payloadOf(question, 'Beleid'));
    await until(() => cardsOf(sent).some((c) => cardText(c).includes('61 antwoorden')));
    const last = cardsOf(sent).filter((c) => cardText(c).includes('Stand: Rol')).at(-1)!;
    expect(cardText(last)).toContain('61 antwoorden');
    expect(last['refresh']).toBeUndefined();
    expect(executeActions(last).map((a) => a.title)).toEqual(['Volgende vraag', 'Afsluiten']);
  }, 60_000);

  test('a private notice with buttons keeps its card: "Nuttig? nee" is posted with its button, "ja" only thanks the clicker', async () => {
    const conversation = teamsFixture('personal-message')['conversation'] as object;
    const anna: Member = { id: '29:1AnnaDeVriesTeamsUserId', name: 'Anna de Vries', aadObjectId: '6f1c2b3a-aaaa-4bbb-8ccc-000000000001' };
    await app.post('/api/messages', { ...teamsFixture('personal-message'), id: 'feedback-question' });
    await until(() => sent.length > 0);
    const answer = cardsOf(sent)[0]!;
    sent.length = 0;
    const no = await click(app, conversation, anna, payloadOf(answer, 'nee'));
    expect(no.body.type).toBe('application/vnd.microsoft.activity.message');
    await until(() => sent.length > 0);
    expect(executeActions(cardsOf(sent)[0]).map((a) => a.title)).toContain('Vraag het de kennisredactie');
    sent.length = 0;
    const yes = await click(app, conversation, anna, payloadOf(answer, 'ja'));
    expect(yes.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: expect.stringMatching(/\S/) });
    await new Promise((r) => setTimeout(r, 200));
    expect(sent).toEqual([]);
  });

  test('a button that is not ours and a refresh without a key get a short Dutch message, only to the clicker', async () => {
    const before = app.events.length;
    const res = await click(app, teamsFixture('personal-message')['conversation'] as object, bram, 'geen payload van ons');
    expect(res.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: expect.stringContaining('Die knop') });
    const weird = await refresh(app, teamsFixture('personal-message')['conversation'] as object, bram, { refresh: { action: { verb: 'refresh', data: {} } } });
    expect(weird.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(app.events.length).toBe(before + 1);
  });
});

/** The refresh of the question card of the same step: the tally's view key names the tally, the question's the question. */
function sharedQuestionRefresh(tally: Record<string, unknown>): Record<string, unknown> {
  const action = (tally['refresh'] as { action: { verb: string; data: { rp_view: string } } }).action;
  const key = JSON.parse(action.data.rp_view) as Record<string, string>;
  return { action: { ...action, data: { rp_view: JSON.stringify({ ...key, v: 'q' }) } } };
}
