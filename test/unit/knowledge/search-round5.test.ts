import type { Concept } from '../../../src/knowledge/schema.js';
import { createSearchIndex } from '../../../src/knowledge/search.js';

/** A decision rule of the fifth lookup round (issue 14, part 3), besides the example questions. */

function concept(id: string, term: string, aliases: string[] = []): Concept {
  return { id, term, aliases, questions: [], category: 'sociale-basis', short: 'kort', explanation: 'lang', related: [], sources: [], verified: true };
}

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
