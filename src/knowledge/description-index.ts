import { foldedWords, queryTokens, stemWord, type Token } from './normalize.js';
import type { QueryPart } from './query-parts.js';
import type { Concept } from './schema.js';
import { splitCompound, verbRoots } from './word-parts.js';

/**
 * The concepts' own words as a weaker signal than their names: a query that describes a concept without naming
 * it ("onderling vertrouwen en banden tussen buurtbewoners" for sociale cohesie) meets the words of its short
 * answer and the first paragraph of its explanation. Okapi BM25 over stems, built once per snapshot; a query
 * scores only the concepts that share one of its rarer words.
 */

/** The language work for one concept's description (folding, stop words, stemming): done in the knowledge worker. */
export interface DescriptionAnalysis {
  /** The stems of the content words of the description, in order. */
  readonly stems: readonly string[];
  /** Its folded words, so query compounds can be split into words the descriptions use. */
  readonly words: readonly string[];
  /** The same for each of the concept's example questions (question-index.ts). */
  readonly questions?: ReadonlyArray<{ readonly stems: readonly string[]; readonly words: readonly string[] }>;
}

/** The text a concept is described by: its short answer, the first paragraph of its explanation, its category. */
export function descriptionText(concept: Concept): string {
  const firstParagraph = concept.explanation.split(/\n\s*\n/)[0] ?? '';
  return [concept.short, firstParagraph, concept.category.replace(/-/g, ' ')].join('\n');
}

export function analyseDescriptions(concepts: readonly Concept[]): DescriptionAnalysis[] {
  return concepts.map((concept) => ({ ...analyseText(descriptionText(concept)), questions: concept.questions.map(analyseText) }));
}

function analyseText(text: string): { stems: string[]; words: string[] } {
  return { stems: queryTokens(text).flatMap(withVerbRoot), words: foldedWords(text) };
}

/**
 * A word's stem, and for a conjugated verb also the stem of its root: "betaalt" is also "betal", so "betalen" in a
 * question meets "je betaalt" in a text (the Snowball stemmer keeps the -t).
 */
function withVerbRoot(t: Token): string[] {
  const root = verbRoots(t.word).map(stemWord).find((stem) => stem !== t.stem);
  return root === undefined ? [t.stem] : [t.stem, root];
}

/** One word of a query, for the descriptions: the stems it may stand for, with how sure (0..1). */
export type DescribedWord = ReadonlyArray<{ readonly stem: string; readonly sim: number }>;

export interface DescriptionIndex {
  /** True when a description uses this folded word. */
  hasWord(word: string): boolean;
  /**
   * Concept index -> how well its description matches each word of the query, as a share of the query's weight
   * (a word weighs by its rarity among the descriptions; one occurrence in a text of average length counts in
   * full), so the shares add up to the description's score; only concepts that match a word.
   */
  score(query: readonly DescribedWord[]): Map<number, number[]>;
}

const K1 = 1.2;
const B = 0.75;

export interface DescriptionOptions {
  /**
   * A stem found in more than this share of descriptions opens no candidates of its own (it still scores the
   * candidates the rarer words open), so a query touches a short list even on a large base.
   */
  readonly maxCandidateShare: number;
  /** At most about this many concepts are scored per query: the rarest words open candidates first. */
  readonly maxCandidates: number;
  /** How much a query stem no description uses weighs, relative to the rarest stem: it explains nothing. */
  readonly unknownWeight: number;
}

/** Builds the index as resumable steps (one per 50 concepts), like the rest of the search index. */
export function* descriptionIndexSteps(docs: readonly DescriptionAnalysis[], opts: DescriptionOptions): Generator<void, DescriptionIndex> {
  const postings = new Map<string, number[]>();
  const termFrequency: Array<Map<string, number>> = [];
  const words = new Set<string>();
  let totalLength = 0;
  for (const [i, doc] of docs.entries()) {
    const tf = new Map<string, number>();
    for (const stem of doc.stems) tf.set(stem, (tf.get(stem) ?? 0) + 1);
    for (const stem of tf.keys()) {
      const list = postings.get(stem);
      if (list) list.push(i);
      else postings.set(stem, [i]);
    }
    for (const w of doc.words) words.add(w);
    termFrequency.push(tf);
    totalLength += doc.stems.length;
    if (i % 50 === 49) yield;
  }
  const n = Math.max(docs.length, 1);
  const averageLength = Math.max(totalLength / n, 1);
  const idfOf = (df: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const maxIdf = idfOf(1);
  const lengthNorm = termFrequency.map((_, i) => K1 * (1 - B + (B * docs[i]!.stems.length) / averageLength));
  const maxShared = Math.max(1, Math.floor(n * opts.maxCandidateShare));

  return {
    hasWord: (word) => words.has(word),
    score(query) {
      let total = 0;
      const known = query.map((alternatives) => {
        const found = alternatives.flatMap(({ stem, sim }) => {
          const df = postings.get(stem)?.length ?? 0;
          return df > 0 ? [{ stem, weight: idfOf(df) * sim }] : [];
        });
        total += found.length > 0 ? Math.max(...found.map((f) => f.weight)) : maxIdf * opts.unknownWeight;
        return found;
      });
      const candidates = new Set<number>();
      const opening = known
        .flat()
        .map(({ stem }) => postings.get(stem)!)
        .filter((list) => list.length <= maxShared)
        .sort((a, b) => a.length - b.length);
      for (const list of opening) {
        if (candidates.size >= opts.maxCandidates) break;
        for (const i of list) candidates.add(i);
      }
      const scores = new Map<number, number[]>();
      for (const i of candidates) {
        const tf = termFrequency[i]!;
        scores.set(
          i,
          known.map((found) => {
            let best = 0;
            for (const { stem, weight } of found) {
              const f = tf.get(stem);
              // one occurrence in a description of average length counts 1; more, or a shorter text, a little more
              if (f !== undefined) best = Math.max(best, (weight * f * (K1 + 1)) / (f + lengthNorm[i]!));
            }
            return best / total;
          }),
        );
      }
      return scores;
    },
  };
}

/**
 * The words of a query for the descriptions, each with the stems it may stand for: the word as typed; what the
 * query reader made of it (a typo's look-alike, a synonym's meaning, a compound's parts); and a compound the
 * descriptions never write, split into words they do ("buurtbewoners" -> buurt, bewoners).
 */
export function describedQuery(
  tokens: readonly Token[],
  parts: readonly QueryPart[],
  hasWord: (word: string) => boolean,
  partSimilarity: number,
  verbSimilarity = 1,
): DescribedWord[] {
  return tokens.map((t, pos) => {
    const alternatives = [{ stem: t.stem, sim: 1 }];
    if (!hasWord(t.word)) {
      // a verb form no text writes, by its root: "oplevert" meets "opleveren"
      for (const stem of withVerbRoot(t).slice(1)) alternatives.push({ stem, sim: verbSimilarity });
      for (const p of splitCompound(t.word, hasWord) ?? []) alternatives.push({ stem: stemWord(p), sim: partSimilarity });
    }
    for (const part of parts) if (part.from <= pos && pos <= part.to) alternatives.push(...part.matches);
    return alternatives;
  });
}
