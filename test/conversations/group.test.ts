import { buttonsOf, createFakeChannel } from '../helpers/fake-channel.js';
import { loadSnapshot, SMALL_KNOWLEDGE } from '../helpers/snapshot.js';
import type { KnowledgeSnapshot } from '../../src/knowledge/snapshot.js';
import type { Reply, SummaryReply, TallyReply } from '../../src/bot/replies.js';
import type { GroupSession } from '../../src/bot/dialogues/session.js';

let snapshot: KnowledgeSnapshot;
beforeAll(async () => {
  snapshot = await loadSnapshot(SMALL_KNOWLEDGE);
});

const channel = () => createFakeChannel({ snapshot: () => snapshot, conversation: { key: 'team-kanaal', scope: 'channel' }, admins: ['beheer'] });
const tally = (replies: readonly Reply[]) => replies.find((r): r is TallyReply => r.kind === 'tally');

describe('group session in a channel', () => {
  test('50 members answering one question at the same moment give 50 counted answers', async () => {
    const chat = channel();
    await chat.say('start proef kanaal', 'lead');
    const members = Array.from({ length: 50 }, (_, i) => `lid${i}`);
    await Promise.all(members.map((m, i) => chat.click(i % 2 ? 'Beleid' : 'Uitvoering', m, { from: 'lead' })));
    const [final] = await chat.say('verder', 'lead');
    const t = tally(chat.last('lead'))!;
    expect(final).toMatchObject({ kind: 'question', title: 'Rol' });
    expect(t.respondents).toBe(50);
    expect(t.counts).toEqual([{ label: 'Beleid', count: 25 }, { label: 'Uitvoering', count: 25 }]);
  });

  test('one answer per member, changeable; the tally replaces itself; only the lead moves on', async () => {
    const chat = channel();
    const firstQuestion = await chat.say('start proefgesprek', 'lead');
    expect(chat.text('lead')).toContain('lead start het groepsgesprek *Proefgesprek*');
    await chat.click('Uitvoering', 'bram', { from: 'lead' });
    await chat.click('Beleid', 'bram', { from: 'lead' }); // changes his answer
    await chat.click('Beleid', 'chris', { from: 'lead' });
    const t = tally(chat.last('chris'))!;
    expect(t).toMatchObject({ replaceKey: 'tally:id1:rol', respondents: 2, counts: [{ label: 'Beleid', count: 2 }, { label: 'Uitvoering', count: 0 }] });

    await chat.click('Volgende vraag', 'chris', { from: 'chris' });
    expect(chat.last('chris')).toEqual([expect.objectContaining({ kind: 'notice', private: true, text: expect.stringContaining('Alleen lead (de gespreksleider)') })]);

    await chat.click('Volgende vraag', 'lead', { from: 'bram' });
    const moved = chat.last('lead');
    expect(moved[0]).toMatchObject({ kind: 'tally', replaceKey: 'tally:id1:rol', closed: true, actions: [] });
    expect(moved[1]).toMatchObject({ kind: 'question', title: 'Prioriteiten', group: { sessionId: 'id1' } });

    // a late vote for the previous question (its button is still on the first question's card) does not count
    const late = buttonsOf(firstQuestion).find((b) => b.label === 'Uitvoering')!;
    await chat.action(late.payload, 'dirk');
    expect(chat.text('dirk')).toContain('Deze vraag is al voorbij');
    expect((await chat.store.get<GroupSession>('session:team-kanaal'))!.tallies['rol']).toMatchObject({ respondents: 2, counts: { 'c:beleid': 2 } });
    expect((await chat.store.list('vote:')).map(decodeURIComponent).sort()).toEqual(['vote:team-kanaal:id1:u-bram', 'vote:team-kanaal:id1:u-chris']);
  });

  test('an admin may move the session on; the summary shows the distribution, anonymous by default', async () => {
    const chat = channel();
    await chat.say('start proef', 'lead');
    await chat.click('Beleid', 'bram', { from: 'lead' });
    await chat.click('Volgende vraag', 'beheer', { from: 'lead' });
    await chat.click('Klaar', 'bram', { from: 'beheer', values: ['kosten'] });
    await chat.click('Klaar', 'chris', { from: 'beheer', values: ['kosten', 'ontmoeting'] });
    await chat.click('Volgende vraag', 'lead', { from: 'beheer' });
    expect(chat.text('lead')).toContain('Hoe sterk is de sociale basis?'); // branch on the group's answer (kosten chosen)
    await chat.click('1', 'bram', { from: 'lead' });
    await chat.click('2', 'chris', { from: 'lead' });
    await chat.click('5', 'dirk', { from: 'lead' });
    await chat.click('Volgende vraag', 'lead', { from: 'lead' }); // median 2 -> eerste-stap
    await chat.say('Buurtkamer', 'bram');
    await chat.say('Meer vrijwilligers', 'chris');
    await chat.click('Afsluiten', 'lead', { from: 'chris' });
    const summary = chat.last('lead').find((r): r is SummaryReply => r.kind === 'summary')!;
    // `result`: the same answers in parts, every option with its count, for renderers that draw bars
    const counts = (...pairs: Array<[string, number]>) => pairs.map(([label, count]) => ({ label, count }));
    expect(summary.items).toEqual([
      { title: 'Rol', prompt: 'Wat is je rol?', lines: ['1 antwoord', 'Beleid: 1'], result: { respondents: 1, counts: counts(['Beleid', 1], ['Uitvoering', 0]), texts: [] } },
      { title: 'Prioriteiten', prompt: 'Wat vind je belangrijk?', lines: ['2 antwoorden', 'Ontmoeting: 1', 'Kosten: 2'], result: { respondents: 2, counts: counts(['Ontmoeting', 1], ['Preventie', 0], ['Kosten', 2]), texts: [] } },
      { title: 'Score', prompt: 'Hoe sterk is de sociale basis?', lines: ['3 antwoorden', '1: 1', '2: 1', '5: 1'], result: { respondents: 3, counts: counts(['1', 1], ['2', 1], ['3', 0], ['4', 0], ['5', 1]), texts: [] } },
      { title: 'Eerste stap', prompt: 'Wat is een eerste stap?', lines: ['2 antwoorden', '“Buurtkamer”', '“Meer vrijwilligers”'], result: { respondents: 2, counts: [], texts: ['“Buurtkamer”', '“Meer vrijwilligers”'] } },
    ]);
    expect(summary.conclusions).toEqual(['De sociale basis is zwak.']);
  });

  test('a named session shows names with free-text answers', async () => {
    const chat = channel();
    await chat.say('start kort kanaal met namen', 'lead');
    expect(chat.text('lead')).toContain('Namen staan in de samenvatting.');
    await chat.say('volgende', 'lead');
    await chat.say('volgende', 'lead');
    await chat.say('Dit is mijn toelichting', 'bram');
    await chat.say('stop', 'lead');
    const summary = chat.last('lead').find((r): r is SummaryReply => r.kind === 'summary')!;
    expect(summary.items.at(-1)).toEqual({ title: 'C', prompt: 'Toelichting?', lines: ['1 antwoord', '“bram: Dit is mijn toelichting”'], result: { respondents: 1, counts: [], texts: ['“bram: Dit is mijn toelichting”'] } });
  });

  test('a second session cannot start while one runs; a concept question still works in the channel', async () => {
    const chat = channel();
    await chat.say('start kort', 'lead');
    await chat.say('start proef', 'bram');
    expect(chat.text('bram')).toContain('Hier loopt al een groepsgesprek: *Kort gesprek*');
    await chat.say('zoek sociale basis', 'bram');
    expect(chat.text('bram')).toContain('Alles wat vrij toegankelijk is');
  });
});
