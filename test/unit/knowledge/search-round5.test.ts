import { asksForOrganisation, ORGANISATIONS } from '../../../src/knowledge/asked-organisation.js';
import { blendDescriptions } from '../../../src/knowledge/description-rank.js';
import { foldedWords } from '../../../src/knowledge/normalize.js';
import type { Ranked } from '../../../src/knowledge/rank.js';
import type { CategoryId } from '../../../src/knowledge/schema.js';
import { createSearchIndex } from '../../../src/knowledge/search.js';
import { concept } from '../../helpers/concept.js';

/** A decision rule of the fifth lookup round (issue 14, part 3), besides the example questions. */


const index = createSearchIndex([
  concept('persoonlijke-sociale-basis', 'Persoonlijke sociale basis'),
  concept('bijstand', 'Bijstand'),
  concept('tekorten', 'Tekorten in het sociaal domein', ['tekort']),
]);

describe('readings that are guesses are never a confident answer', () => {
  test('a compound read by its modifier alone is a weak hint: "basisregistratie" is no kind of basis', () => {
    expect(index.lookup('wat is de basisregistratie personen').outcome).not.toBe('match');
    // read by its head it is what it says: a begrotingstekort is a tekort
    expect(index.lookup('begrotingstekort').hits[0]?.concept.id).toBe('tekorten');
  });
});

describe('a question that asks which organisation did something', () => {
  const asked = createSearchIndex([
    { ...concept('platform31', 'Platform31'), category: 'organisaties', short: 'Kennisnetwerk voor stad en regio. Het deed het secretariaat bij de handreiking Het kan anders en beter.' },
    concept('handreiking', 'Handreiking Het kan anders en beter'),
  ]);

  test.each([
    ['welk onderzoeksbureau bedacht de drie sferen', true],
    ['wie deed het secretariaat van de handreiking', true],
    ['wat voor organisatie is platform 31', true],
    ['wie werken er in een wijkteam', false],
    ['welke wet regelt de bijstand', false],
  ])('"%s" asks for an organisation: %s', (query, expected) => {
    expect(asksForOrganisation(foldedWords(query))).toBe(expected);
  });

  test('what the organisation made, named in full, is no confident answer', () => {
    expect(asked.lookup('wie deed het secretariaat van de handreiking het kan anders en beter').outcome).toBe('suggest');
    expect(asked.lookup('handreiking het kan anders en beter').outcome).toBe('match');
  });

  test('among the suggestions, a concept of the asked category gains a place', () => {
    const made = concept('sferenmodel', 'Sferenmodel');
    const bureau = { ...concept('verwey-jonker', 'Verwey-Jonker Instituut'), category: 'organisaties' as const };
    const ranked: Ranked[] = [{ concept: made, nameCoverage: 1, queryCoverage: 0.4, score: 0.75, covered: new Map([[2, 1]]) }];
    const texts = new Map([[1, [0.3, 0.3, 0, 0.1]]]);
    const order = (askedCategory?: CategoryId): string[] =>
      blendDescriptions(ranked, texts, [made, bureau], new Map([[made, 0], [bureau, 1]]), { askedCategory }).map((b) => b.ranked.concept.id);
    expect(order()).toEqual(['sferenmodel', 'verwey-jonker']);
    expect(order(ORGANISATIONS)).toEqual(['verwey-jonker', 'sferenmodel']);
  });
});
