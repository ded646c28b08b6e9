import { createSearchIndex } from '../../../src/knowledge/search.js';
import { concept } from '../../helpers/concept.js';


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

describe('lookup that generalises (issue 14)', () => {
  const concepts = [
    concept('sociale-basis', 'Sociale basis'),
    concept('persoonlijke-sociale-basis', 'Persoonlijke sociale basis'),
    concept('institutionele-sociale-basis', 'Institutionele sociale basis'),
    concept('drie-doelen', 'Drie doelen van de sociale basis'),
    concept('sturen', 'Sturen', ['sturing']),
    concept('sociaal-domein', 'Sociaal domein'),
    concept('tekorten', 'Tekorten in het sociaal domein'),
    concept('zorgkosten', 'Zorgkosten beperken', ['zorgkosten']),
    concept('informele-zorg', 'Informele zorg'),
    concept('mkba', 'Kosten-batenanalyse'),
    concept('wijkteam', 'Wijkteam', ['sociaal team']),
    concept('ontmoeting', 'Ontmoeting', ['huiskamer van de wijk']),
    concept('participatiewet', 'Participatiewet', ['bijstand']),
    concept('opbouwwerk', 'Opbouwwerk', ['buurtwerk']),
    concept('decentralisaties', 'Decentralisaties van 2015', ['decentralisaties']),
    concept('vroegsignalering-schulden', 'Vroegsignalering van schulden en betalingsachterstanden'),
  ];
  const synonyms = [
    { means: 'decentralisatie', say: ['overheveling', 'taken naar de gemeente'] },
    { means: 'wijk', say: ['buurt'] },
  ];
  const index = createSearchIndex(concepts, { synonyms });
  const result = (q: string): { outcome: string; top: string | undefined } => {
    const r = index.lookup(q);
    return { outcome: r.outcome, top: r.hits[0]?.concept.id };
  };

  test.each([
    ['kosten van de zorg', 'zorgkosten'],
    ['teams in de wijk', 'wijkteam'],
  ])('a phrase variant %j meets the compound made of known words (%s)', (q, id) => {
    expect(result(q)).toEqual({ outcome: 'match', top: id });
  });

  test('an unknown compound is read by its known part: "bijstandsuitkering", "begrotingstekort"', () => {
    expect(result('bijstandsuitkering').top).toBe('participatiewet');
    expect(result('begrotingstekort sociaal domein').top).toBe('tekorten');
  });

  test('an agent noun finds the activity: "buurtwerker" and "opbouwwerker" are opbouwwerk', () => {
    expect(result('buurtwerker')).toEqual({ outcome: 'match', top: 'opbouwwerk' });
    expect(result('opbouwwerker')).toEqual({ outcome: 'match', top: 'opbouwwerk' });
  });

  test('synonyms.yaml: an everyday phrase reaches the word it means, and only through the table', () => {
    expect(result('overheveling naar gemeenten').top).toBe('decentralisaties');
    expect(result('taken naar de gemeente in 2015')).toEqual({ outcome: 'match', top: 'decentralisaties' });
    expect(result('teams in de buurt').top).toBe('wijkteam');
    const without = createSearchIndex(concepts);
    expect(without.lookup('overheveling naar gemeenten').outcome).toBe('none');
  });

  test('a specific topic beside a broad domain phrase is the question: "sturing op de sociale basis" is sturen', () => {
    expect(result('sturing op de sociale basis')).toEqual({ outcome: 'match', top: 'sturen' });
    expect(result('doelen van de sociale basis').top).toBe('drie-doelen');
    // the domain phrase on its own, or with a specific concept that contains it, is still itself
    expect(result('wat is de sociale basis')).toEqual({ outcome: 'match', top: 'sociale-basis' });
    expect(result('persoonlijke sociale basis')).toEqual({ outcome: 'match', top: 'persoonlijke-sociale-basis' });
  });

  test('a typo in one word next to a correct modifier that matches another concept', () => {
    expect(result('sociaal wijkteem').top).toBe('wijkteam');
    expect(result('tekorten sociaal domien').top).toBe('tekorten');
  });

  test('the one plausible candidate that explains the whole question is answered directly', () => {
    expect(result('vroegsignalering schulden')).toEqual({ outcome: 'match', top: 'vroegsignalering-schulden' });
    // a word it does not explain keeps it a question back
    expect(result('vroegsignalering schulden parkeergarage').outcome).toBe('suggest');
  });

  test('out-of-domain near misses get no confident answer', () => {
    for (const q of ['afvalinzameling in de buurt', 'team uitje plannen', 'reiskosten declareren', 'kosten parkeren', 'wijkagent bellen']) {
      expect({ q, outcome: index.lookup(q).outcome }).not.toEqual({ q, outcome: 'match' });
    }
  });
});
