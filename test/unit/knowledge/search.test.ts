import { createSearchIndex } from '../../../src/knowledge/search.js';
import type { Concept } from '../../../src/knowledge/schema.js';

function concept(id: string, term: string, aliases: string[] = []): Concept {
  return { id, term, aliases, category: 'sociale-basis', short: 'kort', explanation: 'lang', related: [], sources: [], verified: true };
}

const index = createSearchIndex([
  concept('sociale-basis', 'Sociale basis', ['soc basis', 'socialebasis']),
  concept('sociale-kwaliteit', 'Sociale kwaliteit', ['social quality']),
  concept('wmo', 'Wet maatschappelijke ondersteuning (Wmo 2015)', ['Wmo']),
  concept('wlz', 'Wet langdurige zorg', ['Wlz']),
  concept('jeugdwet', 'Jeugdwet'),
  concept('participatiewet', 'Participatiewet', ['bijstand']),
  concept('collegeprogramma', 'Collegeprogramma / coalitieakkoord'),
  concept('sociaalwerkorganisatie', 'Sociaalwerkorganisatie', ['SWO']),
  concept('mantelzorg', 'Mantelzorg'),
  concept('wat-werkt', 'Wat werkt', ['what works']),
  concept('eenzaamheid', 'Eenzaamheid'),
]);

const top = (q: string): string | undefined => index.lookup(q).hits[0]?.concept.id;

describe('concept lookup', () => {
  test('the same question is looked up once per snapshot, with the same result as a fresh search', () => {
    const first = index.lookup('wat is de socale basis?');
    expect(index.lookup('wat is de socale basis?')).toBe(first);
    expect(index.compute('wat is de socale basis?')).toEqual(first);
    expect(index.lookup('Wat is de socale basis?')).toEqual({ ...first, query: 'Wat is de socale basis?' });
  });

  test.each([
    ['wat is de sociale basis?', 'sociale-basis'],
    ['socale basis', 'sociale-basis'],
    ['socialebasis', 'sociale-basis'],
    ['WMO', 'wmo'],
    ['jeugd wet', 'jeugdwet'],
    ['college programma', 'collegeprogramma'],
    ['coalitieakkoord', 'collegeprogramma'],
    ['sociaal werk organisatie', 'sociaalwerkorganisatie'],
    ['swo', 'sociaalwerkorganisatie'],
  ])('%j is answered with confidence as %s', (q, id) => {
    const result = index.lookup(q);
    expect(result.outcome).toBe('match');
    expect(result.hits[0]!.concept.id).toBe(id);
  });

  test('abbreviations match exactly, never fuzzily: wmo is not wlz', () => {
    expect(top('wlz')).toBe('wlz');
    expect(index.lookup('wmz').outcome).toBe('none');
  });

  test.each(['basis', 'kwaliteit', 'zorg', 'mantel'])('the common word %j alone is never a confident answer', (q) => {
    expect(index.lookup(q).outcome).not.toBe('match');
  });

  test('a partial name gives "bedoelde je" with the candidates, best first, at most three', () => {
    const result = index.lookup('kwaliteit');
    expect(result.outcome).toBe('suggest');
    expect(result.hits[0]!.concept.id).toBe('sociale-kwaliteit');
    expect(result.hits.length).toBeLessThanOrEqual(3);
  });

  test('unrelated questions get no answer at all', () => {
    for (const q of ['wat is de hoofdstad van Frankrijk', 'lunchmenu kantine', 'qwerty', 'mantel kopen', 'inschrijven basisschool', '', '???']) {
      expect(index.lookup(q)).toMatchObject({ outcome: 'none', hits: [] });
    }
  });

  test('a literal phrase in the question outranks a single word ("wat werkt tegen eenzaamheid")', () => {
    expect(top('wat werkt tegen eenzaamheid')).toBe('wat-werkt');
  });

  test('scores are between 0 and 1 and sorted', () => {
    const { hits } = index.lookup('sociale');
    for (const h of hits) expect(h.score).toBeGreaterThanOrEqual(0);
    for (const h of hits) expect(h.score).toBeLessThanOrEqual(1);
    expect([...hits].sort((a, b) => b.score - a.score)).toEqual(hits);
  });
});
