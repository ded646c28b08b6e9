import { foldText, queryTokens, nameTokens, stemWord, topicLength } from '../../../src/knowledge/normalize.js';

describe('normalisation', () => {
  test.each([
    ['Wat is de Sociale Basis?', 'wat is de sociale basis'],
    ['Ingrediënten & continuïteit', 'ingredienten en continuiteit'],
    ["wat waren de 3D's", 'wat waren de 3d'],
    ['Verwey-Jonker Instituut', 'verwey jonker instituut'],
    ['  betaalbre   soc. kwaliteit!! ', 'betaalbre soc kwaliteit'],
  ])('folds %j', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });

  test('question phrasing and filler words are dropped from queries, in Dutch and English', () => {
    expect(queryTokens('wat is de sociale basis?').map((t) => t.word)).toEqual(['sociale', 'basis']);
    expect(queryTokens('wat betekent preventie eigenlijk').map((t) => t.word)).toEqual(['preventie']);
    expect(queryTokens('uitleg jeugdwet in het kort aub').map((t) => t.word)).toEqual(['jeugdwet']);
    expect(queryTokens('what does SROI mean').map((t) => t.word)).toEqual(['sroi']);
    expect(queryTokens('wat is het?')).toEqual([]);
  });

  test('number words become digits, so "drie doelen" meets "3 doelen"', () => {
    expect(queryTokens('drie doelen').map((t) => t.stem)).toEqual(queryTokens('3 doelen').map((t) => t.stem));
  });

  test('an ordinal becomes a digit after its noun, so "derde knop" meets "knop 3"; "vijf knoppen" keeps its order', () => {
    expect(queryTokens('derde knop').map((t) => t.word)).toEqual(['knop', '3']);
    expect(queryTokens('the fifth knob').map((t) => t.word)).toEqual(['knob', '5']);
    expect(queryTokens('vijf knoppen').map((t) => t.word)).toEqual(['5', 'knoppen']);
    expect(queryTokens('de derde').map((t) => t.word)).toEqual(['3']);
  });

  test('asking what something does is asking what it is: "wat doet de wmo" is "wmo"', () => {
    expect(queryTokens('wat doet de wmo').map((t) => t.word)).toEqual(['wmo']);
    expect(queryTokens('wat doen wijkteams?').map((t) => t.word)).toEqual(['wijkteams']);
    expect(queryTokens('hoe werkt de wmo').map((t) => t.word)).toEqual(['wmo']);
    // only right after "hoe": "wat werkt" is a concept
    expect(queryTokens('wat werkt in de wijk').map((t) => t.word)).toEqual(['werkt', 'wijk']);
  });

  test('a name made only of filler words keeps its words', () => {
    expect(nameTokens('Wat werkt').map((t) => t.word)).toEqual(['werkt']);
    expect(nameTokens('wat is').map((t) => t.word)).toEqual(['wat', 'is']);
  });

  test.each([
    ['visieloze', 'visieloos'],
    ['knopen', 'knoppen'],
    ['bezuinigingen', 'bezuinigen'],
    ['kwetsbaren', 'kwetsbare'],
    ['decentralisaties', 'decentralisatie'],
    ['sociale', 'sociaal'],
    ['vrijwilligers', 'vrijwilliger'],
  ])('%s and %s share a stem', (a, b) => {
    expect(stemWord(a)).toBe(stemWord(b));
  });

  test('short words and abbreviations are not stemmed', () => {
    expect(stemWord('wmo')).toBe('wmo');
    expect(stemWord('3d')).toBe('3d');
  });

  test.each([
    ['subsidie voor het buurthuis', 1],
    ['evaluatie van de sociale basis', 1],
    ['waarom hebben gemeenten tekorten op de jeugdzorg', 2],
    ['grens tussen wmo en wlz', 1],
    // no preposition after a content word: the whole question is the topic
    ['wat is de sociale basis?', 2],
    ['met de sociale basis', 2],
    ['bezuinigen zonder visie', 3],
    ['subsidies for community centres', 1],
  ])('the topic of %j is its first %i content words', (q, n) => {
    expect(topicLength(q)).toBe(n);
  });
});
