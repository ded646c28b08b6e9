import type { ExpertQuestion } from '../../src/bot/experts/question.js';
import { renderText } from '../../src/cli/render-text.js';
import type { KnowledgeSnapshot } from '../../src/knowledge/snapshot.js';
import { annaChat, play, redactieChannel, setupExperts, type ExpertsWorld } from '../helpers/experts-world.js';
import { loadSnapshot, SMALL_KNOWLEDGE } from '../helpers/snapshot.js';

/**
 * The content team's loop through the core, as tables of turns: a user's question goes (with consent) to the
 * experts' channel through a fake outbox, an expert answers, links or says no, and the outcome reaches the
 * user's own chat. Anna and Bob are users, Bea is an expert (EXPERT_IDS), Beheer an admin, Carl neither.
 */

let snapshot: KnowledgeSnapshot;
beforeAll(async () => {
  snapshot = await loadSnapshot(SMALL_KNOWLEDGE);
});

const DAY = 24 * 60 * 60 * 1000;
const setup = (opts: { channel?: boolean; now?: () => number } = {}) => setupExperts(() => snapshot, opts);
type World = ExpertsWorld;

const questions = async (world: World): Promise<ExpertQuestion[]> =>
  Promise.all((await world.store.list('expert:question:')).map(async (k) => (await world.store.get<ExpertQuestion>(k))!));
const seenByAsker = (world: World): string => renderText(world.fake.last('asker')).text;

describe('a question for the content team', () => {
  test('asked with the name: consent first, then the experts see it with the name, and the answer reaches the asker', async () => {
    const world = await setup();
    await play(world, [
      ['anna', 'chat', 'zegt', 'wat is een buurtkamer?', 'Daar heb ik geen antwoord op'],
      ['anna', 'chat', 'klikt', 'Vraag het de kennisredactie', 'Mogen de experts je naam zien?'],
      ['anna', 'chat', 'klikt', 'Stuur mijn vraag met mijn naam', 'Je vraag is naar de kennisredactie gestuurd'],
    ]);
    const card = renderText(world.fake.last('experts')).text;
    expect(card).toContain('“wat is een buurtkamer?”');
    expect(card).toMatch(/Gesteld door anna op \d+ dec 2026/);
    expect(world.fake.delivered[0]).toMatchObject({ target: 'experts', address: redactieChannel.address });
    expect(await questions(world)).toEqual([expect.objectContaining({ question: 'wat is een buurtkamer?', status: 'open', asker: { id: 'u-anna', name: 'anna', address: annaChat.address } })]);

    await play(world, [
      ['bea', 'redactie', 'klikt op de kaart', 'Beantwoorden', /Beantwoord door bea\.\nHet antwoord is bezorgd bij de vrager\./, 'Een buurtkamer is een ruimte in de wijk waar bewoners elkaar ontmoeten.'],
    ]);
    expect(world.redactie.last('bea')).toEqual([expect.objectContaining({ kind: 'expert-question', replaceKey: 'expert:id1', version: 3, actions: [] })]);
    expect(world.fake.delivered.at(-1)).toMatchObject({ target: 'asker', address: annaChat.address });
    expect(seenByAsker(world)).toContain('== Antwoord van de kennisredactie ==\n“wat is een buurtkamer?”\n\nEen buurtkamer is een ruimte in de wijk waar bewoners elkaar ontmoeten.\n\nBeantwoord door bea van de kennisredactie.');
  });

  test('asked without the name: the experts see only the question, the record keeps no name', async () => {
    const world = await setup();
    await play(world, [
      ['anna', 'chat', 'zegt', 'sociale preventie', 'Bedoelde je een van deze begrippen?'],
      ['anna', 'chat', 'klikt', 'Vraag het de kennisredactie', 'Zonder naam zien ze alleen je vraag.'],
      ['anna', 'chat', 'klikt', 'Stuur zonder naam', 'Je vraag is naar de kennisredactie gestuurd'],
    ]);
    const card = renderText(world.fake.last('experts')).text;
    expect(card).toContain('De vrager wil anoniem blijven.');
    expect(card).not.toContain('anna');
    const [stored] = await questions(world);
    expect(stored?.asker).toEqual({ id: 'u-anna', address: annaChat.address });
  });

  test('the question can be edited in the form before it is sent', async () => {
    const world = await setup();
    await world.anna.say('wat is een buurtkamer?');
    await world.anna.click('Vraag het de kennisredactie');
    expect(world.anna.last()).toEqual([expect.objectContaining({ kind: 'expert-consent', private: true, field: expect.objectContaining({ value: 'wat is een buurtkamer?' }) })]);
    await world.anna.click('Stuur zonder naam', 'anna', { text: 'Wat is een buurtkamer in een dorp?' });
    expect((await questions(world))[0]?.question).toBe('Wat is een buurtkamer in een dorp?');
  });

  test('consent declined: nothing is sent, nothing is kept', async () => {
    const world = await setup();
    await play(world, [
      ['anna', 'chat', 'zegt', 'wat is een buurtkamer?', 'Daar heb ik geen antwoord op'],
      ['anna', 'chat', 'klikt', 'Vraag het de kennisredactie', 'Ik bewaar je vraag en het antwoord 30 dagen.'],
      ['anna', 'chat', 'klikt', 'Toch niet', 'Oké, ik heb je vraag niet gestuurd en niets bewaard.'],
    ]);
    expect(world.fake.delivered).toEqual([]);
    expect(await world.store.list('expert:')).toEqual([]);
  });

  test('without an experts\' channel, or without a way to deliver, the user is told and nothing is kept', async () => {
    const world = await setup({ channel: false });
    await world.anna.say('wat is een buurtkamer?');
    await world.anna.click('Vraag het de kennisredactie');
    await play(world, [['anna', 'chat', 'klikt', 'Stuur zonder naam', 'Er is nog geen kanaal van de kennisredactie ingesteld.']]);
    await world.redactie.say('experts hier', 'beheer');
    world.fake.fail('experts');
    await world.anna.say('wat is een buurtkamer?');
    await world.anna.click('Vraag het de kennisredactie');
    await play(world, [['anna', 'chat', 'klikt', 'Stuur zonder naam', 'Het kanaal van de kennisredactie is nu niet bereikbaar.']]);
    expect(await world.store.list('expert:question:')).toEqual([]);
  });

  test('only an admin sets the experts\' channel, and only in a channel', async () => {
    const world = await setup({ channel: false });
    await play(world, [
      ['carl', 'redactie', 'zegt', 'experts hier', 'Alleen een beheerder kan het kanaal van de kennisredactie instellen.'],
      ['anna', 'chat', 'zegt', 'experts hier', 'Alleen een beheerder'],
      ['beheer', 'redactie', 'zegt', 'experts hier', 'Dit kanaal is nu het kanaal van de kennisredactie (teams).'],
    ]);
    expect(await world.store.get('experts:channel:teams')).toMatchObject({ address: redactieChannel.address, conversationKey: 'teams:redactie' });
  });
});

describe('the experts at work', () => {
  async function asked(world: World, question = 'wat is een buurtkamer?'): Promise<void> {
    await world.anna.say(question);
    await world.anna.click('Vraag het de kennisredactie');
    await world.anna.click('Stuur mijn vraag met mijn naam');
  }

  test('linking to a concept: chosen from the list, or typed; the asker gets the concept\'s answer', async () => {
    const world = await setup();
    await asked(world);
    await play(world, [['bea', 'redactie', 'klikt op de kaart', 'Koppel aan begrip', /Gekoppeld aan \*Sociale basis\* door bea\.\nHet antwoord is bezorgd/, 'soc basis']]);
    expect(seenByAsker(world)).toContain('De kennisredactie heeft je vraag gekoppeld aan het begrip *Sociale basis*.');
    expect(seenByAsker(world)).toContain('Je vraag: “wat is een buurtkamer?”');
    expect(world.fake.last('asker')[1]).toMatchObject({ kind: 'answer', conceptId: 'sociale-basis' });

    await asked(world, 'hoe voorkom je problemen?');
    world.redactie.see(world.fake.last('experts'), 'bea');
    await world.redactie.click('Koppel aan begrip', 'bea', { values: ['preventie'] });
    expect(world.fake.last('asker')[1]).toMatchObject({ kind: 'answer', conceptId: 'preventie' });
  });

  test('a typed term the lookup is unsure about asks which concept is meant', async () => {
    const world = await setup();
    await asked(world);
    await play(world, [
      ['bea', 'redactie', 'klikt op de kaart', 'Koppel aan begrip', 'Welk begrip bedoel je?', 'sociale preventie'],
      ['bea', 'redactie', 'klikt', 'Koppel aan: Preventie', 'Gekoppeld aan *Preventie* door bea.'],
    ]);
  });

  test('no answer: the asker is told politely; a second expert finds it already handled', async () => {
    const world = await setup();
    await asked(world);
    const card = world.fake.last('experts');
    await play(world, [['bea', 'redactie', 'klikt op de kaart', 'Geen antwoord', 'bea heeft aangegeven dat er geen antwoord is. De vrager heeft bericht gekregen.']]);
    expect(seenByAsker(world)).toContain('De kennisredactie heeft naar je vraag gekeken, maar kan er nu geen antwoord op geven.');
    world.redactie.see(card, 'beheer');
    await world.redactie.click('Beantwoorden', 'beheer', { text: 'Te laat' });
    expect(world.redactie.text('beheer')).toContain('Deze vraag is al afgehandeld.');
    expect((await questions(world))[0]).toMatchObject({ status: 'declined', expert: { id: 'u-bea', name: 'bea' } });
  });

  test('someone who is no expert is refused, logged by id, and the question stays open', async () => {
    const world = await setup();
    await asked(world);
    await play(world, [
      ['carl', 'redactie', 'klikt op de kaart', 'Beantwoorden', 'Alleen de kennisredactie kan vragen beantwoorden.', 'Mijn antwoord'],
      ['carl', 'redactie', 'klikt op de kaart', 'Geen antwoord', 'Alleen de kennisredactie'],
    ]);
    expect(world.fake.refused).toEqual(['u-carl:xans', 'u-carl:xnone']);
    expect((await questions(world))[0]?.status).toBe('open');
  });

  test('an empty answer is not sent', async () => {
    const world = await setup();
    await asked(world);
    await play(world, [['bea', 'redactie', 'klikt op de kaart', 'Beantwoorden', 'Typ eerst je antwoord in het vak.', '  ']]);
    expect(world.fake.delivered.filter((d) => d.target === 'asker')).toEqual([]);
  });

  test('delivery fails: the card says so with a retry, which delivers once the chat is reachable', async () => {
    const world = await setup();
    await asked(world);
    world.fake.fail('asker');
    await play(world, [['bea', 'redactie', 'klikt op de kaart', 'Beantwoorden', 'Bezorgen bij de vrager is niet gelukt. Probeer het opnieuw.', 'Een ruimte in de wijk.']]);
    expect(world.fake.delivered.filter((d) => d.target === 'asker')).toEqual([]);
    await world.redactie.click('Opnieuw bezorgen', 'bea');
    expect(world.redactie.text('bea')).toContain('niet gelukt');
    world.fake.fail('asker', false);
    await world.redactie.click('Opnieuw bezorgen', 'bea');
    expect(world.redactie.text('bea')).toContain('Het antwoord is bezorgd bij de vrager.');
    expect(seenByAsker(world)).toContain('Een ruimte in de wijk.');
    expect((await questions(world))[0]).toMatchObject({ status: 'answered', delivery: 'delivered' });
  });

  test('vergeet mij erases the question; its card in the channel says so, and the experts can no longer act on it', async () => {
    const world = await setup();
    await asked(world);
    const card = world.fake.last('experts');
    await world.anna.say('vergeet mij');
    await play(world, [['anna', 'chat', 'klikt', 'Ja, wis alles', 'Klaar: ik heb 1 opgeslagen item over jou gewist.']]);
    expect(await world.store.list('expert:question:')).toEqual([]);
    expect(world.fake.last('experts')).toEqual([expect.objectContaining({ kind: 'expert-question', replaceKey: 'expert:id1', question: '', lines: ['Deze vraag is gewist op verzoek van de vrager.'], actions: [] })]);
    world.redactie.see(card, 'bea');
    await world.redactie.click('Beantwoorden', 'bea', { text: 'Antwoord' });
    expect(world.redactie.text('bea')).toContain('Deze vraag bestaat niet meer.');
  });

  test('vergeet mij by an expert takes their name off the questions they handled', async () => {
    const world = await setup();
    await asked(world);
    await play(world, [['bea', 'redactie', 'klikt op de kaart', 'Geen antwoord', 'bea heeft aangegeven']]);
    await world.redactie.say('vergeet mij', 'bea');
    await play(world, [['bea', 'redactie', 'klikt', 'Ja, wis alles', 'Klaar: ik heb 1 opgeslagen item over jou gewist.']]);
    expect((await questions(world))[0]?.expert).toEqual({ id: '', name: '(gewist)' });
  });

  test('questions expire after the retention time', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const world = await setup({ now: () => now });
    await asked(world);
    now += 29 * DAY;
    expect(await world.store.list('expert:question:')).toHaveLength(1);
    now += 2 * DAY;
    expect(await world.store.list('expert:question:')).toEqual([]);
    await play(world, [['bea', 'redactie', 'klikt op de kaart', 'Beantwoorden', 'Deze vraag bestaat niet meer.', 'Te laat']]);
  });
});
