import { askedKindPositions } from '../../../src/knowledge/asked-kind.js';
import { asksForOrganisation } from '../../../src/knowledge/asked-organisation.js';
import { foldedWords } from '../../../src/knowledge/normalize.js';
import { definitionClause } from '../../../src/knowledge/query-context.js';
import { createSearchIndex } from '../../../src/knowledge/search.js';
import { ijSpelling, transpositions } from '../../../src/knowledge/word-parts.js';
import { concept } from '../../helpers/concept.js';

/** The rules of the seventh lookup round (issue 14, part 3): the question's frame, two named things, "y" for "ij". */


/** Cited by three concepts before the colon of a source title, so "Platform31" is a publisher (publishers.ts). */
const cited = [{ title: 'Platform31: een publicatie', url: 'https://www.platform31.nl/' }];

const index = createSearchIndex([
  concept('platform31', 'Platform31', ['platform 31'], { category: 'organisaties', sources: cited }),
  concept('handreiking', 'Het kan anders en beter', [], { sources: cited }),
  concept('knoppen', 'Vijf knoppen', [], { sources: cited }),
  concept('ontmoeting', 'Ontmoeting', ['sportclub', 'buurtclub']),
  concept('sferenmodel', 'Sferenmodel', ['drie sferen']),
  concept('gespreksmodel', 'Gespreksmodel sociale basis', ['maarten kwakernaak en jochum deuten']),
  concept('welzijn', 'Welzijn'),
  concept('wijkteam', 'Wijkteam'),
  concept('sociale-basis', 'Sociale basis'),
  concept('ingredienten', 'Ingrediënten van de sociale basis', ['waar bestaat de sociale basis uit']),
  concept('landelijk', 'Sociaal Werk Nederland', ['landelijke branchevereniging']),
]);

describe('the kind a question asks for is its frame, not its topic', () => {
  test.each([
    ['platform31 wat is dat voor club', [1]],
    ['wat is platform31 voor een club', [1]],
    ['movisie, wat zijn het voor clubs', [1]],
    ['wat is de subsidie voor een club', []],
  ])('"%s": the kind asked for is at %j', (query, positions) => {
    expect([...askedKindPositions(query)]).toEqual(positions);
  });

  test.each([
    ['platform31 wat is dat voor club', true],
    ['wat is movisie voor een organisatie', true],
    ['wat is dat voor een instituut', true],
    ['movisie, wat zijn het voor clubs', true],
    ['wat is de subsidie voor een vereniging', false],
    ['wat is het budget voor het buurthuis', false],
  ])('"%s" asks for an organisation: %s', (query, expected) => {
    expect(asksForOrganisation(foldedWords(query))).toBe(expected);
  });

  test('a publisher next to nothing but the kind asked for is what the question is about', () => {
    for (const query of ['platform31 wat is dat voor club', 'platform 31, wat is dat voor een club?', 'wat is platform31 voor een club']) {
      const result = index.lookup(query);
      expect(result.outcome).toBe('match');
      expect(result.hits[0]?.concept.id).toBe('platform31');
    }
  });

  test('next to another topic, a publisher still only sets the scene', () => {
    expect(index.lookup('wat zegt platform31 over ontmoeting').hits[0]?.concept.id).toBe('ontmoeting');
  });
});

describe('two things named in full', () => {
  test('the one named first goes first, and neither is a confident answer', () => {
    // the researchers' four rare words would make the gespreksmodel a confident answer on their own
    const result = index.lookup('sferenmodel maarten kwakernaak jochum deuten');
    expect(result.outcome).toBe('suggest');
    expect(result.hits.map((h) => h.concept.id).slice(0, 2)).toEqual(['sferenmodel', 'gespreksmodel']);
  });

  test('a name the best candidate explains as well is no second thing', () => {
    expect(index.lookup('gespreksmodel sociale basis').outcome).toBe('match');
    expect(index.lookup('maarten kwakernaak en jochum deuten').outcome).toBe('match');
  });
});

describe('"y" typed for "ij"', () => {
  test('is a way of writing, not a typo', () => {
    expect(ijSpelling('welzyn')).toBe('welzijn');
    expect(ijSpelling('welzijn')).toBeUndefined();
    expect(index.lookup('welzyn').hits[0]?.concept.id).toBe('welzijn');
    expect(index.lookup('wykteam').outcome).toBe('match');
    expect(index.lookup('wykteam').hits[0]?.concept.id).toBe('wijkteam');
  });

  test('a word with a "y" the knowledge does not know the "ij" form of finds nothing new', () => {
    expect(index.lookup('yoga').outcome).toBe('none');
  });
});

describe('two letters typed the wrong way round', () => {
  test('are one slip: the word it was meant to be is a confident answer', () => {
    expect(transpositions('abc')).toEqual(['bac', 'acb']);
    expect(transpositions('weel')).toEqual(['ewel', 'wele']);
    expect(index.lookup('wijktaem').outcome).toBe('match');
    expect(index.lookup('wijktaem').hits[0]?.concept.id).toBe('wijkteam');
    expect(index.lookup('sociale bsais').hits[0]?.concept.id).toBe('sociale-basis');
  });
});

describe('"wat is X, ..." asks about X', () => {
  test.each([
    ['wat is de sociale basis eigenlijk, bestaat daar een landelijke definitie van?', 'wat is de sociale basis eigenlijk'],
    ['what is a wijkteam? who works there', 'what is a wijkteam'],
    ['wat is de sociale basis?', undefined],
    ['sociale basis, wat is dat', undefined],
    ['wat is, volgens jou, de sociale basis', undefined],
  ])('"%s": the clause that asks is %j', (query, clause) => {
    expect(definitionClause(query)).toBe(clause);
  });

  test('what the first clause names with confidence is the answer, whatever the rest names', () => {
    const result = index.lookup('wat is de sociale basis eigenlijk, bestaat daar een landelijke definitie van?');
    expect(result.outcome).toBe('match');
    expect(result.hits[0]?.concept.id).toBe('sociale-basis');
    expect(result.query).toBe('wat is de sociale basis eigenlijk, bestaat daar een landelijke definitie van?');
  });

  test('a first clause that names nothing with confidence leaves the whole question to the lookup', () => {
    expect(index.lookup('wat is dat eigenlijk, waar bestaat de sociale basis uit?').hits[0]?.concept.id).toBe('ingredienten');
  });
});
