import Fuse from 'fuse.js';
import { performance } from 'node:perf_hooks';
import type { Concept } from './schema.js';
import { foldText, nameTokens, queryTokens, stemWord, type Token } from './normalize.js';
import { conceptNames } from './concept-names.js';
import { trigramIndexSteps, type TrigramIndex } from './trigram-index.js';

/**
 * Concept lookup: an inverted index over the stems of every term and alias generates candidates, fuse.js
 * scores near-miss words against a small candidate list, and a coverage score over the whole name decides
 * between a confident match, "bedoelde je..." suggestions, or no match. No query scans the whole base.
 */

export type LookupOutcome = 'match' | 'suggest' | 'none';

export interface LookupHit {
  readonly concept: Concept;
  /** 0..1, higher is better. */
  readonly score: number;
}

export interface LookupResult {
  readonly query: string;
  readonly outcome: LookupOutcome;
  /** The match first, or up to three suggestions; empty when the outcome is none. */
  readonly hits: readonly LookupHit[];
}

export interface SearchIndex {
  readonly size: number;
  /** The result for a query; the same text gets the remembered result (a snapshot never changes). */
  lookup(query: string): LookupResult;
  /** The same, always computed: for benchmarks that measure the search itself. */
  compute(query: string): LookupResult;
}

/** How many recent lookups a snapshot remembers. */
const LOOKUP_CACHE_SIZE = 2000;

/** Thresholds, tuned on ../shared/eval and the research test queries (see test/unit/knowledge/eval.test.ts). */
export const LOOKUP_TUNING = {
  /** Query words shorter than this match exactly only: abbreviations such as wmo, wlz, swo, amw. */
  minFuzzyQueryLength: 4,
  /** Knowledge words shorter than this are never fuzzy targets, so "gala" or "mkba" need an exact match. */
  minFuzzyWordLength: 5,
  /** A fuzzy word match is never worth a full exact one. */
  fuzzyDiscount: 0.92,
  minWordSimilarity: 0.62,
  minLengthRatio: 0.7,
  maxFuzzyCandidates: 24,
  confidentNameCoverage: 0.85,
  confidentQueryCoverage: 0.7,
  confidentScore: 0.8,
  confidentMargin: 0.05,
  suggestScore: 0.5,
  suggestFloor: 0.4,
  phraseBonusPerWord: 0.04,
  /** A multi-word name whose words appear in the query in the same order ("vijf knopen" is not "knop 5"). */
  orderBonus: 0.02,
  /** A name of the concept that matches at least this much also counts towards explaining the query. */
  coverageFromName: 0.3,
  maxSuggestions: 3,
} as const;

interface NameEntry {
  readonly concept: number;
  readonly stems: readonly string[];
  /** The folded name with filler words kept, for literal phrase matches ("wat werkt"). */
  readonly phrase: string;
  readonly words: number;
}

interface WordMatch {
  readonly stem: string;
  readonly sim: number;
}

/** A query word, or adjacent words joined into a compound ("jeugd wet" -> jeugdwet), with its matches. */
interface QueryPart {
  readonly from: number;
  readonly to: number;
  readonly matches: readonly WordMatch[];
}

interface Candidate {
  concept: number;
  nameCoverage: number;
  covered: Map<number, number>;
  phraseWords: number;
  inOrder: boolean;
}

/** Builds the index in one go (CLI, tests, first load). */
export function createSearchIndex(concepts: readonly Concept[]): SearchIndex {
  const steps = indexSteps(concepts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Builds the index in slices of at most `sliceMs` of work, giving the event loop its turn in between, so
 * a reload of a large knowledge base never holds up the lookups and turns that run meanwhile.
 */
export async function createSearchIndexInSlices(concepts: readonly Concept[], opts: { sliceMs?: number; analysed?: readonly (readonly NameAnalysis[])[] } = {}): Promise<SearchIndex> {
  const sliceMs = opts.sliceMs ?? 0.25;
  const steps = indexSteps(concepts, opts.analysed);
  for (;;) {
    const end = performance.now() + sliceMs;
    let r = steps.next();
    while (!r.done && performance.now() < end) r = steps.next();
    if (r.done) return r.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * The language work of an index build (folding, stop words, stemming) per name of each concept: the costly,
 * allocation-heavy part, done by the knowledge worker thread during a reload.
 */
export interface NameAnalysis {
  readonly phrase: string;
  readonly tokens: readonly Token[];
  /** The stem of the words joined into one compound, for names of two or three words. */
  readonly joinedStem?: string;
}

export function analyseNames(concepts: readonly Concept[]): NameAnalysis[][] {
  return concepts.map((concept) =>
    conceptNames(concept).map((name) => {
      const phrase = foldText(name);
      const tokens = nameTokens(phrase);
      return tokens.length >= 2 && tokens.length <= 3 ? { phrase, tokens, joinedStem: stemWord(tokens.map((t) => t.word).join('')) } : { phrase, tokens };
    }),
  );
}

/** The index build as small resumable steps: it yields after each concept and each batch of words. */
function* indexSteps(concepts: readonly Concept[], analysed?: readonly (readonly NameAnalysis[])[]): Generator<void, SearchIndex> {
  const names: NameEntry[] = [];
  const postings = new Map<string, number[]>();
  /** Every folded word (and joined compound) of every name, with its stem: fuzzy matching works on words. */
  const stemOfWord = new Map<string, string>();

  const nameStemsOf: Array<Set<string>> = [];
  for (const [ci, concept] of concepts.entries()) {
    const own = (nameStemsOf[ci] = new Set<string>());
    for (const { phrase, tokens, joinedStem } of analysed?.[ci] ?? analyseNames([concept])[0]!) {
      for (const t of tokens) stemOfWord.set(t.word, t.stem);
      const words = phrase.split(' ').length;
      for (const stems of stemVariants(tokens, joinedStem, stemOfWord)) {
        const id = names.length;
        names.push({ concept: ci, stems, phrase, words });
        stems.forEach((stem, i) => {
          own.add(stem);
          if (stems.indexOf(stem) !== i) return; // a stem twice in one name is posted once
          const list = postings.get(stem);
          if (list) list.push(id);
          else postings.set(stem, [id]);
        });
      }
    }
    yield;
  }

  // Rarity of a word: in how many concepts' names it occurs. (Counting over the explanations too was
  // measured and dropped: abbreviations such as "soc" then outweighed the words they stand next to.)
  const total = Math.max(concepts.length, 1);
  const df = new Map<string, number>();
  concepts.forEach((concept, ci) => {
    const seen = new Set<string>();
    for (const stem of nameStemsOf[ci] ?? []) seen.add(stem);
    for (const stem of seen) df.set(stem, (df.get(stem) ?? 0) + 1);
  });
  const idf = new Map<string, number>();
  for (const [stem, n] of df) idf.set(stem, Math.log(1 + total / n));
  const unknownWeight = Math.log(1 + total / 2);
  yield;
  const trigrams: TrigramIndex = yield* trigramIndexSteps([...stemOfWord.keys()].filter((w) => w.length >= LOOKUP_TUNING.minFuzzyWordLength));
  const weightOf = (stem: string): number => idf.get(stem) ?? unknownWeight;

  function wordMatches(token: Token): WordMatch[] {
    const best = new Map<string, number>();
    // a word the knowledge knows is taken as typed: no fuzzy look-alikes (faster, and no drift to a neighbour)
    if (postings.has(token.stem)) return [{ stem: token.stem, sim: 1 }];
    if (token.word.length < LOOKUP_TUNING.minFuzzyQueryLength || /\d/.test(token.word)) return toMatches(best);
    const near = trigrams
      .near(token.word, LOOKUP_TUNING.maxFuzzyCandidates)
      .filter((w) => w !== token.word && lengthRatio(w, token.word) >= LOOKUP_TUNING.minLengthRatio);
    if (near.length === 0) return toMatches(best);
    const fuse = new Fuse(near, { includeScore: true, ignoreLocation: true, isCaseSensitive: true, threshold: 1 - LOOKUP_TUNING.minWordSimilarity });
    for (const r of fuse.search(token.word)) {
      // fuse.js scores the best substring; scale by length so "huismoet" beats "huismoetger" for "huismfet"
      const sim = (1 - (r.score ?? 1)) * Math.sqrt(lengthRatio(r.item, token.word)) * LOOKUP_TUNING.fuzzyDiscount;
      const stem = stemOfWord.get(r.item)!;
      if (sim >= LOOKUP_TUNING.minWordSimilarity * LOOKUP_TUNING.fuzzyDiscount && sim > (best.get(stem) ?? 0)) best.set(stem, sim);
    }
    return toMatches(best);
  }

  function queryParts(tokens: readonly Token[]): QueryPart[] {
    const parts: QueryPart[] = tokens.map((t, i) => ({ from: i, to: i, matches: wordMatches(t) }));
    for (let len = 2; len <= 3; len++) {
      for (let i = 0; i + len <= tokens.length; i++) {
        const joined = stemWord(tokens.slice(i, i + len).map((t) => t.word).join(''));
        if (postings.has(joined)) parts.push({ from: i, to: i + len - 1, matches: [{ stem: joined, sim: 1 }] });
      }
    }
    return parts;
  }

  function lookup(query: string): LookupResult {
    const tokens = queryTokens(query);
    if (tokens.length === 0) return { query, outcome: 'none', hits: [] };
    const parts = queryParts(tokens);
    const positionWeight = tokens.map((t, i) => {
      const best = parts.filter((p) => p.from === i && p.to === i).flatMap((p) => p.matches).sort((a, b) => b.sim - a.sim)[0];
      return best ? weightOf(best.stem) : unknownWeight;
    });

    // stem -> (query part, similarity) for every word the query reaches
    const reached = new Map<string, Array<{ part: QueryPart; sim: number }>>();
    for (const part of parts) {
      for (const m of part.matches) {
        let list = reached.get(m.stem);
        if (!list) reached.set(m.stem, (list = []));
        list.push({ part, sim: m.sim });
      }
    }

    const foldedQuery = ` ${foldText(query)} `;
    const byConcept = new Map<number, Candidate>();
    const seenNames = new Set<number>();
    for (const stem of reached.keys()) {
      for (const nameId of postings.get(stem) ?? []) {
        if (seenNames.has(nameId)) continue;
        seenNames.add(nameId);
        scoreName(names[nameId]!, reached, weightOf, foldedQuery, byConcept);
      }
    }

    const totalWeight = positionWeight.reduce((a, b) => a + b, 0);
    const ranked = [...byConcept.values()]
      .map((c) => {
        let covered = 0;
        for (const [pos, sim] of c.covered) covered += positionWeight[pos]! * sim;
        const queryCoverage = covered / totalWeight;
        // not capped: two concepts that both cover the query fully are told apart by the bonuses
        const score = 0.6 * c.nameCoverage + 0.4 * queryCoverage + LOOKUP_TUNING.phraseBonusPerWord * Math.min(c.phraseWords, 3) + (c.inOrder ? LOOKUP_TUNING.orderBonus : 0);
        return { concept: concepts[c.concept]!, nameCoverage: c.nameCoverage, queryCoverage, score };
      })
      .sort((a, b) => b.score - a.score || b.nameCoverage - a.nameCoverage || a.concept.id.localeCompare(b.concept.id));

    return decide(query, tokens.length, ranked);
  }

  // A snapshot never changes, so the answer to the same text never does either: the questions people ask most
  // ("wat is de sociale basis?") are looked up once per snapshot. Bounded, oldest out first.
  const recent = new Map<string, LookupResult>();
  const remembered = (query: string): LookupResult => {
    const known = recent.get(query);
    if (known) return known;
    const result = lookup(query);
    recent.set(query, result);
    if (recent.size > LOOKUP_CACHE_SIZE) recent.delete(recent.keys().next().value as string);
    return result;
  };
  return { size: concepts.length, lookup: remembered, compute: lookup };
}

function scoreName(
  name: NameEntry,
  reached: ReadonlyMap<string, ReadonlyArray<{ part: QueryPart; sim: number }>>,
  weightOf: (stem: string) => number,
  foldedQuery: string,
  byConcept: Map<number, Candidate>,
): void {
  let matched = 0;
  let weight = 0;
  let lastPos = -1;
  let ordered = name.stems.length >= 2;
  const covered = new Map<number, number>();
  for (const stem of name.stems) {
    const w = weightOf(stem);
    weight += w;
    let best: { part: QueryPart; sim: number } | undefined;
    for (const r of reached.get(stem) ?? []) if (!best || r.sim > best.sim) best = r;
    if (!best) {
      ordered = false;
      continue;
    }
    if (best.part.from <= lastPos) ordered = false;
    lastPos = best.part.to;
    matched += w * best.sim;
    for (let pos = best.part.from; pos <= best.part.to; pos++) covered.set(pos, Math.max(covered.get(pos) ?? 0, best.sim));
  }
  const nameCoverage = weight > 0 ? matched / weight : 0;
  const phraseWords = name.words >= 2 && foldedQuery.includes(` ${name.phrase} `) ? name.words : 0;
  const prior = byConcept.get(name.concept);
  if (!prior) {
    byConcept.set(name.concept, { concept: name.concept, nameCoverage, covered: nameCoverage >= LOOKUP_TUNING.coverageFromName ? covered : new Map(), phraseWords, inOrder: ordered });
    return;
  }
  prior.inOrder ||= ordered;
  if (nameCoverage >= LOOKUP_TUNING.coverageFromName) for (const [pos, sim] of covered) prior.covered.set(pos, Math.max(prior.covered.get(pos) ?? 0, sim));
  prior.nameCoverage = Math.max(prior.nameCoverage, nameCoverage);
  prior.phraseWords = Math.max(prior.phraseWords, phraseWords);
}

interface Ranked {
  readonly concept: Concept;
  readonly nameCoverage: number;
  readonly queryCoverage: number;
  readonly score: number;
}

function decide(query: string, words: number, ranked: readonly Ranked[]): LookupResult {
  const t = LOOKUP_TUNING;
  const [best, second] = ranked;
  if (!best || best.score < t.suggestScore) return { query, outcome: 'none', hits: [] };
  const clearWinner = !second || best.score - second.score >= t.confidentMargin;
  // one word on its own is confident only when it is (nearly exactly) a whole name of the concept
  const oneWordOk = words > 1 || best.nameCoverage >= 0.85;
  const confident =
    best.nameCoverage >= t.confidentNameCoverage &&
    best.queryCoverage >= t.confidentQueryCoverage &&
    best.score >= t.confidentScore &&
    clearWinner &&
    oneWordOk;
  const floor = Math.max(t.suggestFloor, best.score * 0.6);
  const hits = ranked
    .filter((r, i) => i === 0 || r.score >= floor)
    .slice(0, t.maxSuggestions)
    .map((r) => ({ concept: r.concept, score: round(Math.min(1, r.score)) }));
  return { query, outcome: confident ? 'match' : 'suggest', hits };
}

/** Name variants as stem lists: the words, and for names of two or three words the joined compound. */
function stemVariants(tokens: readonly Token[], joinedStem: string | undefined, stemOfWord: Map<string, string>): string[][] {
  if (tokens.length === 0) return [];
  const variants = [tokens.map((t) => t.stem)];
  if (joinedStem !== undefined) {
    stemOfWord.set(tokens.map((t) => t.word).join(''), joinedStem);
    variants.push([joinedStem]);
  }
  return variants;
}

function toMatches(best: ReadonlyMap<string, number>): WordMatch[] {
  return [...best].map(([stem, sim]) => ({ stem, sim }));
}

function lengthRatio(a: string, b: string): number {
  return Math.min(a.length, b.length) / Math.max(a.length, b.length);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
