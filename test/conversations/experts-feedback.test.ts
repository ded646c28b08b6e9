import { FEEDBACK_COUNTS_KEY, type FeedbackCounts } from '../../src/bot/experts/feedback.js';
import { renderText } from '../../src/cli/render-text.js';
import type { KnowledgeSnapshot } from '../../src/knowledge/snapshot.js';
import { play, setupExperts, type ExpertsWorld } from '../helpers/experts-world.js';
import { loadSnapshot, SMALL_KNOWLEDGE } from '../helpers/snapshot.js';

/** "Nuttig? ja / nee" under concept answers, as tables of turns: one vote per user, "nee" offers the content team. */

let snapshot: KnowledgeSnapshot;
beforeAll(async () => {
  snapshot = await loadSnapshot(SMALL_KNOWLEDGE);
});

const setup = () => setupExperts(() => snapshot);
type World = ExpertsWorld;

describe('feedback on answers', () => {
  const counts = async (world: World): Promise<FeedbackCounts | undefined> => world.store.get<FeedbackCounts>(FEEDBACK_COUNTS_KEY);

  test('one vote per user per answer; a changed vote moves the count; "nee" offers the content team', async () => {
    const world = await setup();
    await play(world, [
      ['anna', 'chat', 'zegt', 'wat is de sociale basis?', /Nuttig\? \[\w\] ja {3}\[\w\] nee/],
      ['anna', 'chat', 'klikt', 'ja', 'Dank je! Fijn dat het antwoord je hielp.'],
    ]);
    const answer = await world.anna.say('soc basis');
    await world.anna.click('ja');
    expect(world.anna.text()).toContain('Je stem staat al zo genoteerd.');
    expect(await counts(world)).toEqual({ 'sociale-basis': { ja: 1, nee: 0 } });

    world.anna.see(answer);
    await play(world, [['anna', 'chat', 'klikt', 'nee', 'Wil je je vraag aan de kennisredactie stellen?']]);
    expect(await counts(world)).toEqual({ 'sociale-basis': { ja: 0, nee: 1 } });
    await world.anna.say('sociale basis', 'bob');
    await world.anna.click('ja', 'bob');
    expect(await counts(world)).toEqual({ 'sociale-basis': { ja: 1, nee: 1 } });
    expect(JSON.stringify(await counts(world))).not.toContain('u-');
    expect(await world.store.get('user:u-anna:feedback:sociale-basis')).toMatchObject({ v: 'nee' });

    await play(world, [
      ['anna', 'chat', 'klikt', 'Vraag het de kennisredactie', 'Mogen de experts je naam zien?'],
    ]);
    expect(world.anna.last()[0]).toMatchObject({ kind: 'expert-consent', field: { value: '' } });
    await world.anna.click('Stuur zonder naam', 'anna', { text: 'Hoort een bibliotheek bij de sociale basis?' });
    expect(renderText(world.fake.last('experts')).text).toContain('Gesteld bij het antwoord over *Sociale basis*.');
  });

  test('vergeet mij erases the votes, the counts stay (they hold no user ids)', async () => {
    const world = await setup();
    await world.anna.say('preventie');
    await world.anna.click('nee');
    await world.anna.say('vergeet mij');
    await play(world, [['anna', 'chat', 'klikt', 'Ja, wis alles', 'Klaar: ik heb 1 opgeslagen item over jou gewist.']]);
    expect(await world.store.list('user:u-anna:')).toEqual([]);
    expect(await counts(world)).toEqual({ preventie: { ja: 0, nee: 1 } });
  });

  test('every concept answer offers feedback and the content team, and is still one shared object', async () => {
    const world = await setup();
    const [first] = await world.anna.say('sociale basis');
    const [again] = await world.anna.say('soc basis', 'bob');
    expect(first).toBe(again);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first).toMatchObject({ feedback: { prompt: 'Nuttig?', yes: { label: 'ja' }, no: { label: 'nee' } }, actions: [{ label: 'Vraag het de kennisredactie' }] });
  });
});
