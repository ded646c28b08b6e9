import { createReadabilityTally, sentencesOf, syllablesOf, wordsOf } from '../../../src/knowledge/content-rules/readability.js';

/**
 * The port of the team's measuring script (readability.mjs): the same sentences, words and syllables, so the
 * figures of `validate` and of the script agree. On the shipped concepts of the day it was ported, both gave
 * the same 758 sentences and 12,796 words with the same syllable counts.
 */
describe('readability as the measuring script measures it', () => {
  test.each([
    ['Dit is zin één. Dit is zin twee! En drie?', ['Dit is zin één.', 'Dit is zin twee!', 'En drie?']],
    ['Zie bijv. De Wmo regelt hulp. Zie art. 1.1.1 van de wet.', ['Zie bijv. De Wmo regelt hulp.', 'Zie art. 1.1.1 van de wet.']],
    ['Dit geldt o.a. voor jongeren. het gaat door.', ['Dit geldt o.a. voor jongeren. het gaat door.']],
    ['Inleiding zonder punt\n\n- punt een\n- punt twee\n1. genummerd', ['Inleiding zonder punt', 'punt een', 'punt twee', '1. genummerd']],
    ['Lees [het rapport](https://www.movisie.nl/a.b) en **dit**.\nOp een\nnieuwe regel.', ['Lees het rapport en dit.', 'Op een nieuwe regel.']],
  ])('%j has the sentences %j', (text, sentences) => {
    expect(sentencesOf(text)).toEqual(sentences);
  });

  test('words split on spaces, slashes and dashes, without the punctuation around them', () => {
    expect(wordsOf('De Wmo-consulent/wijkteam – samen (2024)! pgb\'s, o.a')).toEqual(['De', 'Wmo', 'consulent', 'wijkteam', 'samen', '2024', "pgb's", 'o.a']);
  });

  test.each([
    ['zorg', 1],
    ['idee', 2],
    ['ondersteuning', 4],
    ['maatschappelijke', 5],
    ['financiële', 5],
    ['ruïne', 3],
    ['2024', 0],
  ])('%s has %i syllables (vowel groups; a diaeresis starts a new one)', (word, n) => {
    expect(syllablesOf(word)).toBe(n);
  });

  test('the totals: sentences, words per sentence, shares over 20 and 25 words, share of 4+ syllable words', () => {
    const tally = createReadabilityTally();
    const words = (n: number) => Array.from({ length: n }, () => 'zorg').join(' ');
    tally.add(`${words(10)}. Ondersteuning ${words(20)}.`); // 10 and 21 words
    tally.add(`${words(26)}.\n\n- ${words(3)}`); // 26 and 3 words
    expect(tally.figures()).toEqual({ sentences: 4, wordsPerSentence: 15, over20Pct: 50, over25Pct: 25, longestSentence: 26, longWordsPct: 1.7 });
  });

  test('no text gives zeros, not NaN', () => {
    expect(createReadabilityTally().figures()).toEqual({ sentences: 0, wordsPerSentence: 0, over20Pct: 0, over25Pct: 0, longestSentence: 0, longWordsPct: 0 });
  });
});
