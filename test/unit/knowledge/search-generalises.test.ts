import { createSearchIndex } from '../../../src/knowledge/search.js';
import { concept } from '../../helpers/concept.js';

/** The mechanisms of the second round of issue 14, part 3, each on a small knowledge base of its own shape. */


describe('lookup that generalises, second round (issue 14)', () => {
  const concepts = [
    concept('sociale-basis', 'Sociale basis'),
    concept('persoonlijke-sociale-basis', 'Persoonlijke sociale basis'),
    concept('institutionele-sociale-basis', 'Institutionele sociale basis'),
    concept('drie-doelen', 'Drie doelen van de sociale basis'),
    concept('subsidieren', 'Subsidiëren', ['subsidie']),
    concept('ontmoeting', 'Ontmoeting', ['buurthuis']),
    concept('jeugdwet', 'Jeugdwet', ['jeugdzorg']),
    concept('tekorten', 'Tekorten in het sociaal domein'),
    concept('sociaal-domein', 'Sociaal domein'),
    concept('financiering', 'Financiering van het sociaal domein'),
    concept('routeplanner', 'Routeplanner'),
    concept('zorgkosten', 'Zorgkosten beperken', ['besparen met de sociale basis']),
    concept('opbouwwerk', 'Opbouwwerk'),
    concept('sociaal-werk', 'Sociaal werk', ['welzijnswerk']),
    concept('meerwaarde', 'Meerwaarde van sociaal werk'),
    concept('monitoring', 'Monitoring', ['evaluatie in het sociaal domein']),
    concept('knop-1', 'Knop 1: visie op lange termijn', ['eerste knop']),
    concept('visie', 'Visie op lange termijn'),
    concept('preventie', 'Preventie'),
    concept('burgerinitiatief', 'Burgerinitiatief', ['bewonersinitiatief']),
    concept('bewoners-betrekken', 'Bewoners betrekken'),
  ];
  const index = createSearchIndex(concepts, { synonyms: [{ means: 'preventie', say: ['voorkomen'] }] });
  const result = (q: string): { outcome: string; top: string | undefined } => {
    const r = index.lookup(q);
    return { outcome: r.outcome, top: r.hits[0]?.concept.id };
  };

  test('the topic comes before a preposition: a concept named only in the modifier is context', () => {
    expect(result('subsidie voor het buurthuis').top).toBe('subsidieren');
    // the other way round, the other topic
    expect(result('buurthuis met subsidie').top).toBe('ontmoeting');
    // without a preposition, nothing changes: the rarer, fully named word decides
    expect(result('buurthuis').top).toBe('ontmoeting');
  });

  test('a modifier orders the candidates but never makes an answer confident', () => {
    expect(result('subsidie voor het buurthuis').outcome).toBe('suggest');
    expect(result('routeplanner naar het buurthuis').outcome).toBe('suggest');
    expect(result('routeplanner naar het gemeentehuis').outcome).not.toBe('match');
  });

  test('a broad phrase that is the topic stays the topic', () => {
    expect(result('sociale basis in de jeugdzorg').top).toBe('sociale-basis');
  });

  test('a concept that explains only the scene ranks after one that explains the question', () => {
    // "sociale basis" is named in full, "evaluatie" only in part ("evaluatie in het sociaal domein"); the question is the evaluation
    // (the scene's concept may drop out of the suggestions: it explains only the scene)
    expect(index.lookup('evaluatie van de sociale basis').hits.map((h) => h.concept.id)[0]).toBe('monitoring');
    expect(result('sociale basis evaluatie').top).toBe('monitoring');
    expect(result('bespaart de sociale basis geld?').top).toBe('zorgkosten');
  });

  test('a conjugated verb meets the form the knowledge names: "bespaart" is "besparen", "gefinancierd" is "financiering"', () => {
    expect(result('bespaart').top).toBe('zorgkosten');
    expect(result('hoe wordt het sociaal domein gefinancierd')).toEqual({ outcome: 'match', top: 'financiering' });
  });

  test('an agent noun written as two words finds the activity: "opbouw werker" is opbouwwerk', () => {
    expect(result('wat doet een opbouw werker')).toEqual({ outcome: 'match', top: 'opbouwwerk' });
  });

  test('another name of a concept stands for its term inside the names of other concepts: welzijnswerk is sociaal werk', () => {
    expect(result('meerwaarde van welzijnswerk').top).toBe('meerwaarde');
    expect(result('welzijnswerk')).toEqual({ outcome: 'match', top: 'sociaal-werk' });
    // a long term that no other name is built on stands for nothing: "eerste knop" is not "visie op lange termijn"
    expect(index.lookup('eerste knop').hits.map((h) => h.concept.id)).toEqual(['knop-1']);
  });

  test('a verb in synonyms.yaml also says its conjugations: "voorkomt" is "voorkomen"', () => {
    expect(result('voorkomt')).toEqual(result('voorkomen'));
    expect(result('voorkomt').top).toBe('preventie');
  });

  test('the concept named first wins a near tie, of the concepts named for the most part', () => {
    const pair = createSearchIndex([
      concept('mantelzorg', 'Mantelzorg', ['mantelzorger']),
      concept('vrijwilligers', 'Vrijwilligers', ['vrijwilliger']),
      // "verschil" of this name comes first in the question, but names too little of it to be the topic
      concept('mkba', 'Maatschappelijke kosten-batenanalyse', ['verschil mkba en businesscase']),
    ]);
    expect(pair.lookup('verschil mantelzorg en vrijwilliger').hits[0]?.concept.id).toBe('mantelzorg');
    expect(pair.lookup('verschil vrijwilliger en mantelzorg').hits[0]?.concept.id).toBe('vrijwilligers');
  });

  test('a phrase variant meets a compound whose head the knowledge never writes alone: "initiatieven van bewoners"', () => {
    expect(result('initiatieven van bewoners').top).toBe('burgerinitiatief');
  });
});
