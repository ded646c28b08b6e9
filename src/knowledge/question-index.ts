import { descriptionIndexSteps, type DescribedWord, type DescriptionAnalysis, type DescriptionIndex, type DescriptionOptions } from './description-index.js';

/**
 * The concepts' example questions (`questions` in the knowledge files): how people ask for a concept in their
 * own words, which reach the words a description never uses ("zieke moeder" for mantelzorg). Two readings, in
 * BM25 indexes like the descriptions': each question as a document of its own, where a concept scores as its
 * nearest question (one close paraphrase); and all of a concept's questions as one document, for a query that
 * mixes the words of several (scaled by `unionWeight`, as it is looser). Per query word the better counts.
 */
export function* questionIndexSteps(docs: readonly DescriptionAnalysis[], opts: DescriptionOptions & { unionWeight: number }): Generator<void, DescriptionIndex> {
  const nearest = yield* nearestQuestionSteps(docs, opts);
  const union = yield* descriptionIndexSteps(
    docs.map((doc) => ({ stems: (doc.questions ?? []).flatMap((q) => q.stems), words: [] })),
    opts,
  );
  return {
    hasWord: nearest.hasWord,
    score: (query) => combineTextScores(nearest.score(query), union.score(query), opts.unionWeight),
  };
}

function* nearestQuestionSteps(docs: readonly DescriptionAnalysis[], opts: DescriptionOptions): Generator<void, DescriptionIndex> {
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

/** Per concept and query word, the better of two readings, the second scaled by `weight`. */
export function combineTextScores(
  descriptions: ReadonlyMap<number, readonly number[]>,
  questions: ReadonlyMap<number, readonly number[]>,
  weight: number,
): Map<number, number[]> {
  const combined = new Map<number, number[]>([...descriptions].map(([c, shares]) => [c, [...shares]]));
  for (const [c, shares] of questions) {
    const prior = combined.get(c);
    const scaled = shares.map((s) => s * weight);
    combined.set(c, prior ? prior.map((s, pos) => Math.max(s, scaled[pos] ?? 0)) : scaled);
  }
  return combined;
}
