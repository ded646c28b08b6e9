import { readFileSync } from 'node:fs';
import { createFakeChannel } from '../helpers/fake-channel.js';
import { loadSnapshot, SMALL_KNOWLEDGE } from '../helpers/snapshot.js';
import { makeKnowledgeDir } from '../helpers/knowledge-dir.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import type { KnowledgeSnapshot } from '../../src/knowledge/snapshot.js';
import type { GroupSession } from '../../src/bot/dialogues/session.js';
import path from 'node:path';
import { createFailingStore } from '../helpers/failing-store.js';
import type { Store } from '../../src/storage/port.js';

let snapshot: KnowledgeSnapshot;
beforeAll(async () => {
  snapshot = await loadSnapshot(SMALL_KNOWLEDGE);
});

const DAY = 24 * 60 * 60 * 1000;

describe('state: retention, erasure, store failures, reloads', () => {
  test(`answers expire ${30} days after the last activity`, async () => {
    let now = Date.UTC(2026, 0, 1);
    const clock = () => now;
    const chat = createFakeChannel({ snapshot: () => snapshot, now: clock, store: createMemoryStore({ now: clock }) });
    await chat.say('start proef');
    now += 29 * DAY;
    await chat.say('verder');
    expect(chat.text()).toContain('Wat is je rol?');
    now += 30 * DAY + 1;
    await chat.say('verder');
    expect(chat.text()).toContain('Je hebt geen gesprek dat nog loopt');
  });

  test('vergeet mij erases everything about the user after a confirmation button, and nothing before', async () => {
    const store = createMemoryStore();
    const personal = createFakeChannel({ snapshot: () => snapshot, store });
    const group = createFakeChannel({ snapshot: () => snapshot, store, conversation: { key: 'kanaal', scope: 'channel' } });
    await personal.say('start proef');
    await group.say('start kort', 'lead');
    await group.click('Optie A', 'anna', { from: 'lead' });
    await group.click('Optie B', 'bram', { from: 'lead' });

    await personal.say('vergeet mij');
    expect(personal.text()).toContain('Weet je het zeker?');
    expect(await store.list('user:u-anna:')).toHaveLength(1);
    await personal.click('Nee, toch niet');
    expect(personal.text()).toContain('ik heb niets gewist');
    await personal.say('vergeet mij');
    await personal.click('Ja, wis alles');
    expect(personal.text()).toContain('ik heb 2 opgeslagen items over jou gewist');
    expect(await store.list('user:u-anna:')).toEqual([]);
    // her answer is gone from the count and her record is erased; bram's answer stays
    const session = await store.get<GroupSession>('session:kanaal');
    expect(session!.tallies['a']).toMatchObject({ respondents: 1, counts: { 'c:b': 1 } });
    expect((await store.list('vote:')).map(decodeURIComponent)).toEqual(['vote:kanaal:id1:u-bram']);
  });

  test('vergeet mij counts what it erased once, also when the store runs an update twice (as Redis does on a conflict)', async () => {
    const inner = createMemoryStore();
    const store: Store = { ...inner, update: (key, fn, opts) => inner.update(key, (current) => (fn(current), fn(current)), opts) };
    const personal = createFakeChannel({ snapshot: () => snapshot, store });
    const group = createFakeChannel({ snapshot: () => snapshot, store, conversation: { key: 'kanaal', scope: 'channel' } });
    await personal.say('start proef');
    await group.say('start kort', 'anna');
    await group.say('volgende', 'anna');
    await group.say('volgende', 'anna');
    await group.say('Mijn toelichting', 'anna');
    await store.delete('vote:kanaal:id2:u-anna'); // her record expired; her text is still in the count
    await personal.say('vergeet mij');
    await personal.click('Ja, wis alles');
    // her personal run, and in the session her name as the lead with her text: 2 items, each counted once
    expect(personal.text()).toContain('ik heb 2 opgeslagen items over jou gewist');
    const session = await store.get<GroupSession>('session:kanaal');
    expect(session).toMatchObject({ leadName: '(gewist)', tallies: { c: { texts: {} } } });
  });

  test('a store that fails gives a friendly message and loses nothing; the dialogue goes on afterwards', async () => {
    const { store: flaky, fail } = createFailingStore();
    const chat = createFakeChannel({ snapshot: () => snapshot, store: flaky });
    await chat.say('start proef');
    await chat.click('Beleid');
    fail(true);
    await chat.click('Klaar', 'anna', { values: ['ontmoeting'] });
    expect(chat.text()).toContain('Ik kan je antwoord nu niet opslaan door een storing. Er is niets verloren gegaan');
    fail(false);
    await chat.say('verder');
    expect(chat.text()).toContain('Wat vind je belangrijk?');
    await chat.say('1');
    expect(chat.text()).toContain('Een korte toelichting.');
  });

  test('with the store down, concept questions, help and small talk are still answered; dialogue turns get the notice', async () => {
    const { store: down, fail } = createFailingStore();
    const chat = createFakeChannel({ snapshot: () => snapshot, store: down });
    await chat.say('start proef');
    fail(true);
    const rows: Array<[string, string]> = [
      ['wat is de sociale basis?', '== Sociale basis =='],
      ['help', 'Dit kun je doen'],
      ['hallo', 'Hoi!'],
      ['Beleid', 'Ik kan je antwoord nu niet opslaan door een storing'],
      ['verder', 'Ik kan je antwoord nu niet opslaan door een storing'],
    ];
    for (const [says, answer] of rows) {
      await chat.say(says);
      expect({ says, text: chat.text() }).toEqual({ says, text: expect.stringContaining(answer) });
    }
    fail(false);
    await chat.say('Beleid');
    expect(chat.text()).toContain('Wat vind je belangrijk?');
  });

  test('a reload that changes the dialogue moves a run on safely; one that removes it ends it with a summary', async () => {
    const files = (extraStep: boolean) => ({
      'concepts/a.yaml': readFileSync(path.join(SMALL_KNOWLEDGE, 'concepts/basis.yaml'), 'utf8'),
      'dialogues/kort.yaml': [
        'id: kort', 'title: Kort gesprek', 'description: Twee vragen.', 'intro: Kort.', 'steps:',
        '  - {id: a, kind: choice, title: A, prompt: Kies A of B., choices: [{id: a, label: Optie A}, {id: b, label: Optie B}]}',
        ...(extraStep ? ['  - {id: nieuw, kind: text, title: Nieuw, prompt: Een nieuwe vraag?, maxLength: 100}'] : []),
        '  - {id: b, kind: scale, title: B, prompt: Score?}',
      ].join('\n'),
    });
    const v1 = makeKnowledgeDir(files(false));
    const v2 = makeKnowledgeDir(files(true));
    const v3 = makeKnowledgeDir({ 'concepts/a.yaml': files(false)['concepts/a.yaml'] });
    let live = await loadSnapshot(v1.dir);
    const [s2, s3] = [await loadSnapshot(v2.dir), await loadSnapshot(v3.dir)];
    [v1, v2, v3].forEach((k) => k.cleanup());

    const chat = createFakeChannel({ snapshot: () => live });
    await chat.say('start kort');
    await chat.click('Optie B');
    expect(chat.text()).toContain('Score?');
    live = s2; // reload: a new step before the current one
    await chat.say('4');
    expect(chat.text()).toContain('Dit gesprek is bijgewerkt sinds je begon');
    expect(chat.text()).toContain('Een nieuwe vraag?'); // the open question of the new version, not a mix
    await chat.say('Mijn antwoord');
    expect(chat.text()).toContain('Score?');
    live = s3; // reload: the dialogue is gone
    await chat.say('5');
    expect(chat.text()).toContain('Het gesprek *Kort gesprek* bestaat niet meer');
    expect(chat.last().find((r) => r.kind === 'summary')).toMatchObject({ items: [{ title: 'A', lines: ['Optie B'] }, { title: 'Nieuw', lines: ['Mijn antwoord'] }] });
  });
});
