import { conclusionsOf } from '../../../src/bot/dialogues/conclusions.js';
import type { AnswerValue } from '../../../src/bot/dialogues/answers.js';
import { dialogueSchema, type Dialogue } from '../../../src/knowledge/dialogue-schema.js';

/** Conclusions drawn from answers: enough answered, ties and plurals worded right, true when all is well. */

const knobs = ['k1', 'k2', 'k3', 'k4', 'k5'];
const titles: Record<string, string> = { k1: 'Visie', k2: 'Netwerken', k3: 'Infrastructuur', k4: 'Organisatie', k5: 'Leren' };

function dialogue(conclusions: unknown[]): Dialogue {
  return dialogueSchema.parse({
    id: 'scan',
    title: 'Scan',
    description: 'Een scan.',
    intro: 'Welkom.',
    steps: [
      ...knobs.map((id) => ({ id, kind: 'scale', title: titles[id], prompt: 'Hoe staat het ervoor?' })),
      { id: 'tafel', kind: 'multi', title: 'Tafel', prompt: 'Wie moet er nog aan tafel?', choices: [{ id: 'bewoners', label: 'Bewoners' }, { id: 'raad', label: 'Raad' }, { id: 'niemand', label: 'Niemand meer', exclusive: true }] },
    ],
    conclusions,
  });
}

const lowest = {
  kind: 'lowest',
  steps: knobs,
  text: 'De knop *{title}* scoort het laagst ({score}).',
  tied: 'De knoppen *{title}* scoren even laag ({score}).',
  highFrom: 4,
  allHigh: 'Alle knoppen scoren 4 of hoger; de laagste is {score}.',
  tooFew: 'Niet elke knop heeft een score.',
};
const count = { kind: 'count', steps: knobs, atMost: 2, atLeast: 1, text: 'Een stevige draai past bij elke knop met 2 of lager: *{title}*.', otherwise: 'Geen knop scoort 2 of lager.' };

/** Scores for k1..k5 in order; `undefined` is not reached, `null` is skipped. */
function scores(...values: Array<number | null | undefined>): (id: string) => AnswerValue | undefined {
  return (id) => {
    const v = values[knobs.indexOf(id)];
    return v === null ? { kind: 'skipped' } : v === undefined ? undefined : { kind: 'scale', score: v };
  };
}

describe('conclusionsOf', () => {
  const scan = dialogue([lowest, count]);

  test.each<[string, Array<number | null | undefined>, string[]]>([
    ['one knob lowest: singular', [3, 2, 4, 4, 5], ['De knop *Netwerken* scoort het laagst (2).', 'Een stevige draai past bij elke knop met 2 of lager: *Netwerken*.']],
    ['two knobs tied lowest: plural, both named', [1, 1, 4, 4, 4], ['De knoppen *Visie en Netwerken* scoren even laag (1).', 'Een stevige draai past bij elke knop met 2 of lager: *Visie en Netwerken*.']],
    ['three tied: listed with commas and "en"', [2, 3, 2, 5, 2], ['De knoppen *Visie, Infrastructuur en Leren* scoren even laag (2).', 'Een stevige draai past bij elke knop met 2 of lager: *Visie, Infrastructuur en Leren*.']],
    ['every score 5: nothing to win first, no firm turn', [5, 5, 5, 5, 5], ['Alle knoppen scoren 4 of hoger; de laagste is 5.', 'Geen knop scoort 2 of lager.']],
    ['the lowest exactly at highFrom counts as high', [4, 5, 4, 5, 5], ['Alle knoppen scoren 4 of hoger; de laagste is 4.', 'Geen knop scoort 2 of lager.']],
    ['one score under highFrom: a lowest knob again', [3, 5, 5, 5, 5], ['De knop *Visie* scoort het laagst (3).', 'Geen knop scoort 2 of lager.']],
    ['only one knob scored, the rest skipped: no verdict either way', [2, null, null, null, null], ['Niet elke knop heeft een score.']],
    ['four of five scored (one not reached): still too few by default', [1, 4, 4, 4, undefined], ['Niet elke knop heeft een score.']],
    ['nothing answered at all', [undefined, undefined, undefined, undefined, undefined], ['Niet elke knop heeft een score.']],
  ])('%s', (_name, values, expected) => {
    expect(conclusionsOf(scan, scores(...values))).toEqual(expected);
  });

  test('minAnswered lowers the bar; the skipped knobs are left out of the comparison', () => {
    const partial = dialogue([{ ...lowest, minAnswered: 3 }, { ...count, minAnswered: 3 }]);
    expect(conclusionsOf(partial, scores(3, null, 4, 3, undefined))).toEqual(['De knoppen *Visie en Organisatie* scoren even laag (3).', 'Geen knop scoort 2 of lager.']);
    expect(conclusionsOf(partial, scores(3, null, 4, undefined, undefined))).toEqual(['Niet elke knop heeft een score.']);
  });

  test('without "tooFew" a conclusion with too few answers stays silent', () => {
    const silent = dialogue([{ ...lowest, tooFew: undefined }, count]);
    expect(conclusionsOf(silent, scores(2))).toEqual([]);
  });

  test('without "tied" a tie uses "text"; without "allHigh" high scores get the lowest knob', () => {
    const plain = dialogue([{ kind: 'lowest', steps: knobs, text: 'Laagste score ({score}): *{title}*.' }]);
    expect(conclusionsOf(plain, scores(5, 5, 4, 4, 5))).toEqual(['Laagste score (4): *Infrastructuur en Organisatie*.']);
  });

  test('a step listed twice counts once, also for the default minAnswered', () => {
    const twice = dialogue([{ ...lowest, steps: ['k1', 'k1', 'k2'] }]);
    expect(conclusionsOf(twice, scores(3, 2))).toEqual(['De knop *Netwerken* scoort het laagst (2).']);
  });

  test('count: "text" from atLeast matches on, "otherwise" below it', () => {
    const firm = dialogue([{ ...count, atLeast: 3, text: 'Een stevige draai past: *{title}*.' }]);
    expect(conclusionsOf(firm, scores(1, 2, 2, 4, 5))).toEqual(['Een stevige draai past: *Visie, Netwerken en Infrastructuur*.']);
    expect(conclusionsOf(firm, scores(1, 1, 4, 4, 4))).toEqual(['Geen knop scoort 2 of lager.']);
  });

  describe('rules with "unless": an exclusive answer and the answers it excludes', () => {
    const table = dialogue([
      { kind: 'rule', when: [{ step: 'tafel', in: ['niemand'] }], unless: [{ step: 'tafel', in: ['bewoners', 'raad'] }], text: 'Niemand meer aan tafel.' },
      { kind: 'rule', when: [{ step: 'tafel', in: ['bewoners', 'raad'] }], text: 'Betrek hen op tijd.' },
    ]);
    const multi = (...ids: string[]) => (id: string): AnswerValue | undefined => (id === 'tafel' ? { kind: 'multi', ids } : undefined);

    test.each<[string, string[], string[]]>([
      ['only "niemand"', ['niemand'], ['Niemand meer aan tafel.']],
      ['only "bewoners"', ['bewoners'], ['Betrek hen op tijd.']],
      ['a group where one says "niemand" and another "bewoners": no contradiction', ['bewoners', 'niemand'], ['Betrek hen op tijd.']],
    ])('%s', (_name, ids, expected) => {
      expect(conclusionsOf(table, multi(...ids))).toEqual(expected);
    });

    test('a skipped step fires neither', () => {
      expect(conclusionsOf(table, () => ({ kind: 'skipped' }))).toEqual([]);
    });
  });

  test('a removed dialogue draws no conclusions', () => {
    expect(conclusionsOf(undefined, scores(1, 1, 1, 1, 1))).toEqual([]);
  });
});
