/**
 * Character-trigram index over the words of the knowledge base: finds the handful of words that share
 * most trigrams with a (mistyped) query word, so fuzzy scoring only ever sees a short list.
 */
export interface TrigramIndex {
  near(word: string, limit: number): string[];
}

function trigramsOf(word: string): string[] {
  const padded = `^${word}$`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return [...grams];
}

/** Builds the index as resumable steps (one per 50 words), so the search index can be built in slices. */
export function* trigramIndexSteps(words: readonly string[]): Generator<void, TrigramIndex> {
  const postings = new Map<string, number[]>();
  const gramCounts: number[] = [];
  for (const [i, word] of words.entries()) {
    const grams = trigramsOf(word);
    gramCounts.push(grams.length);
    for (const g of grams) {
      let list = postings.get(g);
      if (!list) postings.set(g, (list = []));
      list.push(i);
    }
    if (i % 50 === 49) yield;
  }

  return {
    near(word, limit) {
      const grams = trigramsOf(word);
      const shared = new Map<number, number>();
      for (const g of grams) for (const i of postings.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
      const scored: Array<[number, number]> = [];
      for (const [i, n] of shared) {
        const dice = (2 * n) / (grams.length + gramCounts[i]!);
        if (dice >= 0.2) scored.push([i, dice]);
      }
      scored.sort((a, b) => b[1] - a[1]);
      return scored.slice(0, limit).map(([i]) => words[i]!);
    },
  };
}
