import { decide, rank, type Candidate } from '../../../src/knowledge/rank.js';
import type { Concept } from '../../../src/knowledge/schema.js';

const concepts: Concept[] = ['topic', 'scene', 'other'].map((id) => ({
  id,
  term: id,
  aliases: [],
  questions: [],
  category: 'sociale-basis',
  short: 'kort',
  explanation: 'lang',
  related: [],
  sources: [],
  verified: true,
}));

/** A candidate as the index reports it: how much of its best name is named, and which query positions it explains. */
function candidate(concept: number, nameCoverage: number, covered: number[], more: Partial<Candidate> = {}): Candidate {
  return {
    concept,
    nameCoverage,
    specificCoverage: nameCoverage,
    covered: new Map(covered.map((pos) => [pos, 1])),
    broadPositions: new Set(),
    firstPosition: Math.min(...covered),
    phraseWords: 0,
    inOrder: false,
    ...more,
  };
}

const ids = (ranked: ReturnType<typeof rank>): string[] => ranked.map((r) => r.concept.id);

describe('ranking the candidates', () => {
  test('a broad name beside a concept named for the most part is scene: the concept that explains the rest goes first', () => {
    // "evaluatie van de sociale basis": evaluatie (0) names "topic" for 70%; "sociale basis" (1, 2) is broad and named in full
    const topic = candidate(0, 0.7, [0]);
    const scene = candidate(1, 1, [1, 2], { broadPositions: new Set([1, 2]) });
    expect(ids(rank([topic, scene], concepts, [3, 1, 1], 3))).toEqual(['topic', 'scene']);
    // without the broad mark the fully named concept wins on its name
    expect(ids(rank([topic, candidate(1, 1, [1, 2])], concepts, [3, 1, 1], 3))).toEqual(['scene', 'topic']);
  });

  test('a concept that explains only the scene goes after one that explains the question, however fully it is named', () => {
    const topic = candidate(0, 0.6, [0]);
    const scene = candidate(1, 1, [1, 2], { broadPositions: new Set([1, 2]) });
    const [first, second] = rank([topic, scene], concepts, [1, 1, 1], 3);
    expect([first!.concept.id, second!.concept.id]).toEqual(['topic', 'scene']);
    expect(first!.score - second!.score).toBeGreaterThan(0);
  });

  test('a concept that names half of itself by its own words is named when its other words are broad', () => {
    // "tekorten op de jeugdzorg": "tekorten in het sociaal domein" is named by tekorten, its specific word
    const topic = candidate(0, 0.5, [0], { specificCoverage: 1 });
    const modifier = candidate(1, 1, [1]);
    expect(ids(rank([topic, modifier], concepts, [3, 3], 1))).toEqual(['topic', 'scene']);
    // a generic word that names half of another name makes no topic ("kosten van eenzaamheid" is about eenzaamheid)
    expect(ids(rank([candidate(0, 0.5, [0]), modifier], concepts, [3, 3], 1))).toEqual(['scene', 'topic']);
  });

  test('a concept named only after the preposition goes after the topic, but the modifier still counts for confidence', () => {
    // "subsidie voor het buurthuis": topic 1 word
    const [first, second] = rank([candidate(0, 1, [0]), candidate(1, 1, [1])], concepts, [2, 3], 1);
    expect([first!.concept.id, second!.concept.id]).toEqual(['topic', 'scene']);
    expect(first!.queryCoverage).toBeCloseTo(0.4);
    expect(decide('q', 2, [first!, second!]).outcome).toBe('suggest');
  });

  test('the concept named first wins a near tie, if it is named for the most part', () => {
    const early = candidate(0, 1, [1]);
    const late = candidate(1, 1, [2]);
    expect(ids(rank([late, early], concepts, [1, 1, 1.05]))).toEqual(['topic', 'scene']);
    // a stray word of another name at position 0 does not take the lead away
    expect(ids(rank([late, early, candidate(2, 0.3, [0])], concepts, [1, 1, 1.05]))[0]).toBe('topic');
  });
});

describe('deciding', () => {
  const ranked = (id: number, score: number, covered: number[], nameCoverage = 1, queryCoverage = 1) => ({
    concept: concepts[id]!,
    nameCoverage,
    queryCoverage,
    score,
    covered: new Map(covered.map((pos) => [pos, 1])),
  });

  test('a runner-up that explains only words the best explains too is no other reading: the best is answered', () => {
    // "geld en inhoud": the best explains both words, "geld" of "geldproblemen" only one of them
    expect(decide('q', 2, [ranked(0, 0.74, [0, 1], 0.56), ranked(1, 0.52, [0], 0.5, 0.5)]).outcome).toBe('match');
    // one that explains another word is a reading of its own
    expect(decide('q', 2, [ranked(0, 0.74, [0, 1], 0.56), ranked(1, 0.52, [2], 0.5, 0.5)]).outcome).toBe('suggest');
    // and so is one that scores nearly as well
    expect(decide('q', 2, [ranked(0, 0.74, [0, 1], 0.56), ranked(1, 0.72, [0], 0.5, 0.5)]).outcome).toBe('suggest');
  });
});
