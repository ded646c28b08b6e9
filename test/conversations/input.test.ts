import path from 'node:path';
import { createFakeChannel, buttonsOf } from '../helpers/fake-channel.js';
import { loadSnapshot } from '../helpers/snapshot.js';
import { REPO_ROOT } from '../helpers/knowledge-dir.js';
import type { KnowledgeSnapshot } from '../../src/knowledge/snapshot.js';
import type { SummaryReply, TallyReply, ExportReply } from '../../src/bot/replies.js';
import type { GroupSession } from '../../src/bot/dialogues/session.js';

/**
 * Typed input inside a dialogue, read as a person means it: a wrong number gets "past niet" with the options
 * (never a concept lookup), a question at a free-text step is not stored without asking, an exclusive option
 * is not combined. Tables of [who, says or clicks, what they then see].
 */

let snapshot: KnowledgeSnapshot;
beforeAll(async () => {
  snapshot = await loadSnapshot(path.join(REPO_ROOT, 'test/fixtures/knowledge-input'));
});

type Chat = ReturnType<typeof createFakeChannel>;
/** [who, 'zegt' (types) or 'klikt' (a button in what they, or `bij`, last saw), input, what they then see, what they must not see]. */
type Row = [who: string, does: 'zegt' | 'klikt', input: string, sees: string, opts?: { bij?: string; niet?: string }];

const LOOKUP = /Bedoelde je|Daar heb ik geen antwoord op/;

async function play(chat: Chat, rows: readonly Row[]): Promise<void> {
  for (const [who, does, input, sees, opts] of rows) {
    if (does === 'zegt') await chat.say(input, who);
    else await chat.click(input, who, { from: opts?.bij });
    const text = chat.text(who);
    expect({ who, input, text }).toEqual({ who, input, text: expect.stringContaining(sees) });
    if (opts?.niet) expect({ who, input, text }).toEqual({ who, input, text: expect.not.stringContaining(opts.niet) });
  }
}

const personal = () => createFakeChannel({ snapshot: () => snapshot });
const channel = () => createFakeChannel({ snapshot: () => snapshot, conversation: { key: 'team-kanaal', scope: 'channel' } });
const summaryIn = (chat: Chat, who: string) => chat.last(who).find((r): r is SummaryReply => r.kind === 'summary')!;
const tallyIn = (chat: Chat, who: string) => chat.last(who).find((r): r is TallyReply => r.kind === 'tally');

describe('a wrong number is "past niet" with the options, never a concept lookup', () => {
  test('personal: out of range, zero, several numbers for one choice, a score off the scale', async () => {
    const chat = personal();
    await play(chat, [
      ['anna', 'zegt', 'start invoer', 'Wat is je rol?'],
      ['anna', 'zegt', '4', 'Dat antwoord past niet bij deze vraag. Kies een van de knoppen, of typ het nummer van je keuze. Je kunt kiezen uit: 1 (Beleid), 2 (Uitvoering) of 3 (Bestuur).'],
      ['anna', 'zegt', '0', 'Je kunt kiezen uit: 1 (Beleid), 2 (Uitvoering) of 3 (Bestuur).'],
      ['anna', 'zegt', '1,3', 'Bij deze vraag kies je één antwoord. Je kunt kiezen uit: 1 (Beleid), 2 (Uitvoering) of 3 (Bestuur).'],
      ['anna', 'zegt', 'beleid en bestuur', 'Bij deze vraag kies je één antwoord.'],
      ['anna', 'zegt', '2', 'Waar wil je het over hebben?'],
      ['anna', 'zegt', '1, 5', 'Je kunt kiezen uit: 1 (Jeugd), 2 (Zorg), 3 (Wonen) en 4 (Nergens over).'],
      ['anna', 'zegt', '2 en 3', 'Hoe sterk is de sociale basis bij jullie?'],
      ['anna', 'zegt', '7', 'Dat antwoord past niet bij deze vraag. Typ een cijfer van 1 (zwak) tot en met 5 (sterk), of kies een van de knoppen.'],
      ['anna', 'zegt', '0', 'Typ een cijfer van 1 (zwak) tot en met 5 (sterk)'],
      ['anna', 'zegt', '3,5', 'Typ een cijfer van 1 (zwak) tot en met 5 (sterk)'],
      ['anna', 'zegt', '4', 'Wat wordt jullie eerste stap?'],
    ]);
    expect(chat.text()).not.toMatch(LOOKUP);
  });

  test('personal: words that are no option are still a question for the lookup, and the dialogue waits', async () => {
    await play(personal(), [
      ['anna', 'zegt', 'start invoer', 'Wat is je rol?'],
      ['anna', 'zegt', 'sociale basis', 'Alles wat vrij toegankelijk is', { niet: 'past niet' }],
      ['anna', 'klikt', 'Ga verder met het gesprek', 'Wat is je rol?'],
    ]);
  });

  test('group: a wrong number is told to that member only and never counted', async () => {
    const chat = channel();
    await play(chat, [
      ['lead', 'zegt', 'start invoer', 'Wat is je rol?'],
      ['bram', 'zegt', '4', 'Je kunt kiezen uit: 1 (Beleid), 2 (Uitvoering) of 3 (Bestuur).'],
      ['chris', 'zegt', '1,2', 'Bij deze vraag kies je één antwoord.'],
      ['dirk', 'zegt', '2', 'Stand: Rol (1)'],
    ]);
    expect(chat.last('bram')).toEqual([expect.objectContaining({ kind: 'notice', private: true })]);
    expect(chat.text('bram')).not.toMatch(LOOKUP);
    expect(tallyIn(chat, 'dirk')).toMatchObject({ respondents: 1, counts: [{ label: 'Beleid', count: 0 }, { label: 'Uitvoering', count: 1 }, { label: 'Bestuur', count: 0 }] });
  });
});

describe('an exclusive option cannot be combined with others', () => {
  test('personal: refused by typed numbers and by a click, with the option named; alone it is fine', async () => {
    const chat = personal();
    await play(chat, [
      ['anna', 'zegt', 'start invoer', 'Wat is je rol?'],
      ['anna', 'klikt', 'Beleid', 'Waar wil je het over hebben?'],
      ['anna', 'zegt', '1, 4', '"Nergens over" kun je niet combineren met andere keuzes. Kies alleen "Nergens over", of kies de andere zonder "Nergens over".'],
      ['anna', 'zegt', 'jeugd en nergens over', '"Nergens over" kun je niet combineren met andere keuzes.'],
    ]);
    await chat.say('verder');
    await chat.click('Klaar', 'anna', { values: ['zorg', 'geen'] });
    expect(chat.text()).toContain('"Nergens over" kun je niet combineren met andere keuzes.');
    await play(chat, [['anna', 'zegt', '4', 'Hoe sterk is de sociale basis bij jullie?']]);
    expect(chat.text()).not.toMatch(LOOKUP);
  });

  test('group: a member clicking an exclusive option with another is refused privately and not counted', async () => {
    const chat = channel();
    await chat.say('start invoer', 'lead');
    await chat.say('volgende', 'lead');
    await chat.click('Klaar', 'bram', { from: 'lead', values: ['jeugd', 'geen'] });
    expect(chat.last('bram')).toEqual([expect.objectContaining({ kind: 'notice', private: true, text: expect.stringContaining('"Nergens over" kun je niet combineren') })]);
    await chat.click('Klaar', 'chris', { from: 'lead', values: ['geen'] });
    expect(tallyIn(chat, 'chris')).toMatchObject({ respondents: 1, counts: expect.arrayContaining([{ label: 'Nergens over', count: 1 }, { label: 'Jeugd', count: 0 }]) });
  });
});

describe('a question at a free-text step is not stored without asking', () => {
  /** Personal: the dialogue at its free-text step. */
  async function atTextStep(): Promise<Chat> {
    const chat = personal();
    await play(chat, [
      ['anna', 'zegt', 'start invoer', 'Wat is je rol?'],
      ['anna', 'zegt', '1', 'Waar wil je het over hebben?'],
      ['anna', 'zegt', '2', 'Hoe sterk'],
      ['anna', 'zegt', '3', 'Wat wordt jullie eerste stap?'],
    ]);
    return chat;
  }

  test('personal: a question mark, a question word or a concept name asks "answer or question?"; a question is answered and the dialogue waits', async () => {
    const chat = await atTextStep();
    await play(chat, [
      ['anna', 'zegt', 'wat is de sociale basis?', 'Is dit je antwoord op de vraag *Eerste stap*? Of is het een vraag aan mij?'],
      ['anna', 'klikt', 'Het is een vraag', 'Alles wat vrij toegankelijk is'],
      ['anna', 'klikt', 'Ga verder met het gesprek', 'Wat wordt jullie eerste stap?'],
      ['anna', 'zegt', 'hoe pakken andere gemeenten dat aan', 'Of is het een vraag aan mij?'],
      ['anna', 'zegt', 'sociale basis', 'Of is het een vraag aan mij?'],
      ['anna', 'klikt', 'Dit is mijn antwoord', 'Klaar! Hier is de samenvatting'],
    ]);
    expect(summaryIn(chat, 'anna').items.at(-1)).toEqual({ title: 'Eerste stap', prompt: 'Wat wordt jullie eerste stap?', lines: ['sociale basis'] });
  });

  test('personal: an ordinary answer is stored at once', async () => {
    const chat = await atTextStep();
    await play(chat, [['anna', 'zegt', 'Een buurtkamer openen met de bibliotheek', 'Klaar! Hier is de samenvatting']]);
    expect(summaryIn(chat, 'anna').items.at(-1)!.lines).toEqual(['Een buurtkamer openen met de bibliotheek']);
  });

  test('personal: a long message is kept on the server, not in the buttons, and can still be the answer', async () => {
    const chat = await atTextStep();
    const long = `Wat als we eerst ${'met alle partners in de wijk praten en '.repeat(12)}dan pas kiezen?`;
    expect(long.length).toBeGreaterThan(300);
    const [ask] = await chat.say(long);
    const payloads = buttonsOf([ask!]).map((b) => b.payload);
    expect(payloads).toHaveLength(2);
    for (const p of payloads) {
      expect(p).not.toContain('partners');
      expect(p.length).toBeLessThan(200);
    }
    await chat.click('Dit is mijn antwoord');
    expect(summaryIn(chat, 'anna').items.at(-1)!.lines).toEqual([long]);
  });

  test('group: a member\'s question is answered to that member only and never counted; confirmed as an answer it counts', async () => {
    const chat = channel();
    await chat.say('start invoer', 'lead');
    for (let i = 0; i < 3; i++) await chat.say('volgende', 'lead');
    await play(chat, [
      ['bram', 'zegt', 'wat is de sociale basis?', 'Is dit je antwoord op de vraag *Eerste stap*? Of is het een vraag aan mij?'],
      ['bram', 'klikt', 'Het is een vraag', 'Alles wat vrij toegankelijk is'],
      ['chris', 'zegt', 'Samen met de bibliotheek een buurtkamer openen', 'Stand: Eerste stap (1)'],
      ['dirk', 'zegt', 'waarom niet meteen starten', 'Of is het een vraag aan mij?'],
      ['dirk', 'klikt', 'Dit is mijn antwoord', 'Stand: Eerste stap (2)'],
    ]);
    expect(chat.last('bram').every((r) => 'private' in r && r.private === true)).toBe(true);
    expect(chat.last('bram').map((r) => r.kind)).toEqual(['answer']);
    const session = await chat.store.get<GroupSession>('session:team-kanaal');
    expect(Object.values(session!.tallies['plan']!.texts).map((t) => t.text)).toEqual(['Samen met de bibliotheek een buurtkamer openen', 'waarom niet meteen starten']);
  });
});

describe('"met namen": names with every answer in the summary and the export; anonymous sessions never show names', () => {
  async function session(start: string): Promise<Chat> {
    const chat = channel();
    await chat.say(start, 'lead');
    await chat.click('Beleid', 'Chris', { from: 'lead' });
    await chat.click('Beleid', 'Anna', { from: 'lead' });
    await chat.click('Bestuur', 'Bram', { from: 'lead' });
    await chat.say('volgende', 'lead');
    await chat.click('Klaar', 'Anna', { from: 'lead', values: ['jeugd', 'zorg'] });
    await chat.click('Klaar', 'Bram', { from: 'lead', values: ['zorg'] });
    await chat.say('volgende', 'lead');
    await chat.click('2', 'Anna', { from: 'lead' });
    await chat.click('2', 'Bram', { from: 'lead' });
    await chat.say('sla over', 'lead');
    await chat.say('Buurtkamer', 'Chris');
    await chat.say('stop', 'lead');
    return chat;
  }

  test('named', async () => {
    const chat = await session('start invoer met namen');
    expect(summaryIn(chat, 'lead').items.map((i) => i.lines)).toEqual([
      ['3 antwoorden', 'Beleid: 2 (Anna, Chris)', 'Bestuur: 1 (Bram)'],
      ['2 antwoorden', 'Jeugd: 1 (Anna)', 'Zorg: 2 (Anna, Bram)'],
      ['2 antwoorden', '2: 2 (Anna, Bram)'],
      ['1 antwoord', '“Chris: Buurtkamer”'],
    ]);
    const [exported] = await chat.say('exporteer', 'lead');
    expect((exported as ExportReply).markdown).toContain('- Beleid: 2 (Anna, Chris)\n- Bestuur: 1 (Bram)');
  });

  test('anonymous', async () => {
    const chat = await session('start invoer');
    const lines = summaryIn(chat, 'lead').items.flatMap((i) => i.lines);
    expect(lines).toEqual(['3 antwoorden', 'Beleid: 2', 'Bestuur: 1', '2 antwoorden', 'Jeugd: 1', 'Zorg: 2', '2 antwoorden', '2: 2', '1 antwoord', '“Buurtkamer”']);
    const [exported] = await chat.say('exporteer', 'lead');
    expect((exported as ExportReply).markdown).not.toMatch(/Anna|Bram|Chris/);
  });
});
