import { createSearchIndex } from '../../../src/knowledge/search.js';
import type { Concept } from '../../../src/knowledge/schema.js';

/** The mechanisms of the fourth round of issue 14, part 3, each on a small knowledge base of its own shape. */

function concept(id: string, term: string, aliases: string[] = [], short = 'kort'): Concept {
  return { id, term, aliases, category: 'sociale-basis', short, explanation: 'lang', related: [], sources: [], verified: true };
}

const ids = (index: ReturnType<typeof createSearchIndex>, q: string): string[] => index.lookup(q).hits.map((h) => h.concept.id);

describe('a term that pairs two words is named by either', () => {
  const index = createSearchIndex([
    concept('schotten', 'Schotten en ontschotten'),
    concept('wmo', 'Wet maatschappelijke ondersteuning', ['wmo']),
    concept('tellen-en-vertellen', 'Tellen en vertellen'),
    concept('monitoring', 'Monitoring'),
  ]);

  test('the paired word as the topic beats a concept named in full after the preposition', () => {
    expect(ids(index, 'schotten tussen wmo en jeugdbudget weghalen')[0]).toBe('schotten');
    expect(ids(index, 'wmo tussen schotten')[0]).toBe('wmo');
  });

  test('a paired word is a name only as typed: a look-alike of it reaches nothing', () => {
    expect(index.lookup('tellen').outcome).toBe('match');
    expect(ids(index, 'paspoort verlengen')).toEqual([]);
  });
});

describe('a name for the topic goes before what only a description reaches', () => {
  const index = createSearchIndex([
    concept('eenzaamheid', 'Eenzaamheid', [], 'Het gevoel dat je contacten met anderen tekortschieten.'),
    concept('beleidstheorie', 'Beleidstheorie', [], 'Waarom een aanpak tegen eenzaamheid onder ouderen werkt: eenzaamheid bij ouderen, stap voor stap.'),
    concept('ouderenbeleid', 'Beleid voor senioren', [], 'Wat de gemeente voor oudere inwoners doet.'),
  ]);

  test('a typo in the topic still names it: "eenzaamhied onder ouderen"', () => {
    expect(ids(index, 'eenzaamhied onder ouderen')[0]).toBe('eenzaamheid');
  });

  test('without a preposition the whole question is the topic, and the description may still lead', () => {
    expect(ids(index, 'eenzaamhied ouderen')[0]).toBe('beleidstheorie');
  });
});
