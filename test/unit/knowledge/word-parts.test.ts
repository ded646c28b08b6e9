import { agentActivity, knownParts, splitCompound, splitModifier, verbRoots } from '../../../src/knowledge/word-parts.js';

const known = new Set(['zorg', 'kosten', 'wijk', 'team', 'sociaal', 'werk', 'sociaalwerk', 'organisatie', 'bijstand', 'tekort', 'jongeren', 'buurtwerk', 'opbouwwerk']);
const isKnown = (w: string): boolean => known.has(w);

describe('Dutch word parts', () => {
  test.each([
    ['zorgkosten', ['zorg', 'kosten']],
    ['wijkteam', ['wijk', 'team']],
    ['jongerenwerk', ['jongeren', 'werk']],
    // a known part that is itself a compound is split too
    ['sociaalwerkorganisatie', ['sociaal', 'werk', 'organisatie']],
  ])('%s is made of known words %j', (word, parts) => {
    expect(splitCompound(word, isKnown)).toEqual(parts);
  });

  test('a compound is split only when both parts are known, with a linking s or e allowed', () => {
    expect(splitCompound('mantelzorg', isKnown)).toBeUndefined(); // "mantel" is not a known word
    expect(splitCompound('bijstandsteam', isKnown)).toEqual(['bijstand', 'team']);
    expect(splitCompound('zorg', isKnown)).toBeUndefined();
  });

  test('an unknown query word gives its known side: "begrotingstekort" -> tekort, "bijstandsuitkering" -> bijstand', () => {
    expect(knownParts('begrotingstekort', isKnown)).toEqual(['tekort']);
    expect(knownParts('bijstandsuitkering', isKnown)).toEqual(['bijstand']);
    expect(knownParts('wijkteamleider', isKnown)).toEqual(['wijk', 'team']);
    expect(knownParts('afvalinzameling', isKnown)).toEqual([]);
  });

  test('an agent noun gives the activity it does, when that is known', () => {
    expect(agentActivity('buurtwerker', isKnown)).toBe('buurtwerk');
    expect(agentActivity('opbouwwerkers', isKnown)).toBe('opbouwwerk');
    expect(agentActivity('leraar', isKnown)).toBeUndefined();
    expect(agentActivity('burger', isKnown)).toBeUndefined();
  });

  test('a conjugated verb gives the roots it may come from', () => {
    expect(verbRoots('bespaart')).toEqual(['bespaar']);
    expect(verbRoots('gefinancierd')).toEqual(['gefinancier', 'financierd', 'financier']);
    expect(verbRoots('gemeten')).toEqual(['meten']);
    // too short to be a root of its own
    expect(verbRoots('wet')).toEqual([]);
  });

  test('a compound of the knowledge with a known modifier splits off a head it never writes alone', () => {
    const words = new Set(['bewoners', 'mantelzorg', 'lange', 'termijn', 'visie', 'vrijwilligers', 'bijstand', 'welzijn', 'erkenning', 'kant', 'gemeente', 'vrij']);
    const has = (w: string): boolean => words.has(w);
    expect(splitModifier('bewonersinitiatief', has)).toEqual(['bewoners', 'initiatief']);
    expect(splitModifier('mantelzorgwaardering', has)).toEqual(['mantelzorg', 'waardering']);
    // the head is split further when it is made of known words
    expect(splitModifier('langetermijnvisie', has)).toEqual(['lange', 'termijn', 'visie']);
    // a linking s goes where Dutch puts one, and stays on a head after a modifier that ends in s
    expect(splitModifier('welzijnsinstelling', has)).toEqual(['welzijn', 'instelling']);
    expect(splitModifier('erkenningsniveaus', has)).toEqual(['erkenning', 'niveaus']);
    expect(splitModifier('bijstandsgerechtigde', has)).toEqual(['bijstand', 'gerechtigde']);
    expect(splitModifier('vrijwilligerssteunpunt', has)).toEqual(['vrijwilligers', 'steunpunt']);
    // not sure where the s goes, a head shorter than five letters, a word ending, or no known modifier: no split
    expect(splitModifier('welzijnscoach', has)).toBeUndefined();
    expect(splitModifier('mantelzorgbus', has)).toBeUndefined();
    expect(splitModifier('kanteling', has)).toBeUndefined();
    expect(splitModifier('gemeentelijke', has)).toBeUndefined();
    expect(splitModifier('vrijwilliger', has)).toBeUndefined();
    expect(splitModifier('burgerinitiatief', has)).toBeUndefined();
  });
});
