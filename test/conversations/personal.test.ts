import { createFakeChannel } from '../helpers/fake-channel.js';
import { loadSnapshot, SMALL_KNOWLEDGE } from '../helpers/snapshot.js';
import type { KnowledgeSnapshot } from '../../src/knowledge/snapshot.js';

let snapshot: KnowledgeSnapshot;
beforeAll(async () => {
  snapshot = await loadSnapshot(SMALL_KNOWLEDGE);
});

type Step = [kind: 'say' | 'click', input: string, expected: string | RegExp];

/** Plays a table of [user says or clicks, bot answers] and checks each answer in the Dutch the user sees. */
async function play(steps: readonly Step[]) {
  const chat = createFakeChannel({ snapshot: () => snapshot });
  for (const [kind, input, expected] of steps) {
    if (kind === 'say') await chat.say(input);
    else await chat.click(input);
    const text = chat.text();
    if (typeof expected === 'string') expect({ input, text }).toEqual({ input, text: expect.stringContaining(expected) });
    else expect({ input, text }).toEqual({ input, text: expect.stringMatching(expected) });
  }
  return chat;
}

describe('personal dialogue, as a table of turns', () => {
  test('beleid path: multi without kosten goes through the info step, low score asks for a first step', async () => {
    const chat = await play([
      ['say', 'start proef', 'We beginnen met *Proefgesprek*.'],
      ['say', 'start proef', 'We gaan verder met *Proefgesprek*.'],
      ['click', 'Beleid', 'Vraag 2: Prioriteiten'],
      ['say', '1, 2', 'Vraag 3: Uitleg'],
      ['click', 'Verder', 'Vraag 4: Score'],
      ['say', '2', 'Vraag 5: Eerste stap'],
      ['say', 'Een buurtkamer openen', 'Klaar! Hier is de samenvatting'],
    ]);
    const summary = chat.last().find((r) => r.kind === 'summary');
    expect(summary).toMatchObject({
      kind: 'summary',
      complete: true,
      items: [
        { title: 'Rol', lines: ['Beleid'] },
        { title: 'Prioriteiten', lines: ['Ontmoeting; Preventie'] },
        { title: 'Score', lines: ['2 (1 = zwak, 5 = sterk)'] },
        { title: 'Eerste stap', lines: ['Een buurtkamer openen'] },
      ],
      conclusions: ['De sociale basis is zwak.'],
    });
  });

  test('kosten jumps straight to the score; a high score ends the dialogue', async () => {
    const chat = await play([
      ['say', 'start proefgesprek', 'Wat is je rol?'],
      ['click', 'Beleid', 'Wat vind je belangrijk?'],
      ['say', 'kosten', 'Hoe sterk is de sociale basis?'],
      ['click', '4', 'Klaar!'],
    ]);
    const summary = chat.last().find((r) => r.kind === 'summary');
    expect(summary).toMatchObject({ conclusions: [] });
  });

  test('uitvoering branches to the info step; conclusions follow the answers', async () => {
    const chat = await play([
      ['say', 'start Proef', 'Wat is je rol?'],
      ['say', '2', 'Een korte toelichting.'],
      ['say', 'sla over', 'Hoe sterk is de sociale basis?'],
      ['say', 'sla over', 'Klaar!'],
    ]);
    expect(chat.last().find((r) => r.kind === 'summary')).toMatchObject({
      items: [{ title: 'Rol', lines: ['Uitvoering'] }, { title: 'Score', lines: ['overgeslagen'] }],
      conclusions: ['Je kijkt vanuit de uitvoering.'],
    });
  });

  test('terug, sla over on a required step, opnieuw, stop and verder', async () => {
    await play([
      ['say', 'start proef', 'Wat is je rol?'],
      ['say', 'sla over', 'Deze vraag kun je niet overslaan.'],
      ['say', 'terug', 'Dit is de eerste vraag; verder terug kan niet.'],
      ['click', 'Beleid', 'Wat vind je belangrijk?'],
      ['say', 'terug', 'Wat is je rol?'],
      ['click', 'Uitvoering', 'Een korte toelichting.'],
      ['say', 'stop', 'Gestopt met *Proefgesprek*.'],
      ['say', 'sociale basis', 'Alles wat vrij toegankelijk is'],
      ['say', 'verder', 'Een korte toelichting.'],
      ['say', 'opnieuw', 'Wat is je rol?'],
    ]);
  });

  test('a concept question mid-dialogue is answered and the dialogue waits, with a button to go on', async () => {
    const chat = await play([
      ['say', 'start proef', 'Wat is je rol?'],
      ['say', 'wat is de sociale basis?', 'Alles wat vrij toegankelijk is'],
      ['click', 'Ga verder met het gesprek', 'Wat is je rol?'],
    ]);
    expect(chat.text()).toContain('Vraag 1: Rol');
  });

  test('a stale button is refused and the current question shown again', async () => {
    const chat = createFakeChannel({ snapshot: () => snapshot });
    await chat.say('start proef');
    const first = chat.last();
    await chat.click('Beleid');
    const again = await chat.bot.handle({
      kind: 'action',
      conversation: chat.conversation,
      actor: { id: 'u-anna', name: 'anna', isAdmin: false },
      payload: first.flatMap((r) => (r.kind === 'question' && r.input.kind === 'choice' ? r.input.options : []))[0]!.payload,
    });
    expect(again[0]).toMatchObject({ kind: 'notice', private: true });
    expect(again[1]).toMatchObject({ kind: 'question', title: 'Prioriteiten' });
  });

  test('text answers longer than the maximum are refused with the length, nothing is lost', async () => {
    const chat = await play([
      ['say', 'start proef', 'Wat is je rol?'],
      ['click', 'Beleid', 'Wat vind je belangrijk?'],
      ['say', '3', 'Hoe sterk is de sociale basis?'],
      ['say', '1', 'Wat is een eerste stap?'],
      ['say', 'x'.repeat(41), 'Je antwoord is 41 tekens; hier passen er maximaal 40.'],
      ['say', 'samenvatting', 'Score: 1'],
    ]);
    expect(chat.text()).toMatch(/\[[a-z]\] Verder/);
  });

  test('multi answers need at least one option, typed or clicked', async () => {
    const chat = createFakeChannel({ snapshot: () => snapshot });
    await chat.say('start proef');
    const [question] = await chat.click('Beleid');
    const done = question!.kind === 'question' && question!.input.kind === 'multi' ? question!.input.submit.payload : '';
    await chat.action(done, 'anna', { values: [] });
    expect(chat.text()).toContain('Kies minstens één optie');
    await chat.say('1, 7');
    // 7 is not an option: a wrong answer, with the options, never a concept lookup; the dialogue waits
    expect(chat.text()).toContain('Dat antwoord past niet bij deze vraag.');
    expect(chat.text()).toContain('Je kunt kiezen uit: 1 (Ontmoeting), 2 (Preventie) en 3 (Kosten).');
    await chat.action(done, 'anna', { values: ['preventie', 'niet-bestaand'] });
    expect(chat.text()).toContain('Een korte toelichting.');
    await chat.say('samenvatting');
    expect(chat.text()).toContain('Prioriteiten: Preventie');
  });

  test('exporteer gives Markdown that can go into a memo', async () => {
    const chat = await play([
      ['say', 'start proef', 'Wat is je rol?'],
      ['click', 'Uitvoering', 'Een korte toelichting.'],
      ['click', 'Verder', 'Hoe sterk'],
      ['say', '5', 'Klaar!'],
    ]);
    const [exported] = await chat.say('exporteer');
    expect(exported).toMatchObject({ kind: 'export', filename: expect.stringMatching(/^proefgesprek-\d{4}-\d{2}-\d{2}\.md$/) });
    const md = (exported as { markdown: string }).markdown;
    expect(md).toMatch(/^# Proefgesprek\n/);
    expect(md).toContain('**Rol**: Wat is je rol?\n\n- Uitvoering');
    expect(md).toContain('## Suggesties van de bot (geen advies uit de bronnen)\n\n- Je kijkt vanuit de uitvoering.');
    expect(md).toContain('## Meer lezen\n\n- Sociale basis: https://www.movisie.nl/artikel/wat-sociale-basis-precies');
  });

  test('commands are forgiving: case, slash, typos', async () => {
    await play([
      ['say', '/HELP', 'Dit kun je doen'],
      ['say', 'Menu', 'Dit kun je doen'],
      ['say', 'samenvating', 'Er is nog geen gesprek om samen te vatten'],
      ['say', 'start', 'Welk gesprek wil je starten?'],
      ['say', 'start bestaat-niet-xyz', 'Ik ken geen gesprek dat "bestaat niet xyz" heet'],
      ['say', 'verder', 'Je hebt geen gesprek dat nog loopt'],
      ['say', '   ', 'Je bericht is leeg'],
      ['say', 'x'.repeat(5000), 'Je bericht is te lang'],
    ]);
  });

  test('welcome shows the menu with start buttons', async () => {
    const chat = createFakeChannel({ snapshot: () => snapshot });
    await chat.welcome();
    expect(chat.text()).toContain('Hoi! Ik ben de Routeplanner-bot.');
    await chat.click('Start: Kort gesprek');
    expect(chat.text()).toContain('Kies A of B.');
  });

  test('unknown or forged button payloads get a friendly refusal', async () => {
    const chat = createFakeChannel({ snapshot: () => snapshot });
    for (const payload of ['', 'not json', '{"a":"hack"}', '{"a":"ans","r":1}']) {
      await chat.action(payload);
      expect(chat.text()).toContain('Die knop ken ik niet (meer).');
    }
  });

  test('concept answers offer related concepts as buttons, and unverified ones say so', async () => {
    const chat = createFakeChannel({ snapshot: () => snapshot });
    await chat.say('sociale basis');
    await chat.click('Preventie');
    expect(chat.text()).toContain('Let op: dit is algemene vakkennis');
  });
});
