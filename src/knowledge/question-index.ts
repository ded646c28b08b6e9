import { descriptionIndexSteps, type DescribedWord, type DescriptionAnalysis, type DescriptionIndex, type DescriptionOptions } from './description-index.js';

/**
 * The concepts' example questions (`questions` in the knowledge files): how people ask for a concept in their
 * own words. Each question is a document of its own in a BM25 index like the descriptions', and a concept scores
 * as its nearest question, so one close paraphrase counts and ten loose ones do not add up. A question written
 * the way people ask reaches the words a description never uses ("zieke moeder" for mantelzorg).
 */
export function* questionIndexSteps(docs: readonly DescriptionAnalysis[], opts: DescriptionOptions): Generator<void, DescriptionIndex> {
  const owner: number[] = [];
  const questions: DescriptionAnalysis[] = [];
  docs.forEach((doc, concept) => {
    for (const q of doc.questions ?? []) {
      owner.push(concept);
      questions.push(q);
    }
  });
  const index = yield* descriptionIndexSteps(questions, opts);
  return {
    hasWord: index.hasWord,
    score(query: readonly DescribedWord[]) {
      const nearest = new Map<number, { total: number; shares: number[] }>();
      for (const [doc, shares] of index.score(query)) {
        const concept = owner[doc]!;
        const total = shares.reduce((a, b) => a + b, 0);
        const prior = nearest.get(concept);
        if (!prior || total > prior.total) nearest.set(concept, { total, shares });
      }
      return new Map([...nearest].map(([concept, { shares }]) => [concept, shares]));
    },
  };
}

/**
 * What the texts say of each query word, per concept: the better of its description and its nearest example
 * question (scaled by `questionWeight`), word by word.
 */
export function combineTextScores(
  descriptions: ReadonlyMap<number, readonly number[]>,
  questions: ReadonlyMap<number, readonly number[]>,
  questionWeight: number,
): Map<number, number[]> {
  const combined = new Map<number, number[]>([...descriptions].map(([c, shares]) => [c, [...shares]]));
  for (const [c, shares] of questions) {
    const prior = combined.get(c);
    const scaled = shares.map((s) => s * questionWeight);
    combined.set(c, prior ? prior.map((s, pos) => Math.max(s, scaled[pos] ?? 0)) : scaled);
  }
  return combined;
}
