import { performance } from 'node:perf_hooks';
import type { Concept } from './schema.js';
import { askedKindPositions } from './asked-kind.js';
import { asksForName, contrastPositions, particleJoins, foldedWords, foldText, nameTokens, queryTokens, stemWord, topicLength, type Token } from './normalize.js';
import { conceptNames, pairedWords } from './concept-names.js';
import { trigramIndexSteps, type TrigramIndex } from './trigram-index.js';
import { LOOKUP_TUNING } from './lookup-tuning.js';
import { broadNameSteps, compoundVariantSteps, equivalentNameSteps, stemVariants, type AnalysedName } from './name-variants.js';
import { createQueryReader, type QueryPart } from './query-parts.js';
import { decide, rank, scoreName, twoNamedSuggestion, type Candidate, type LookupResult, type NameEntry } from './rank.js';
import type { Synonym } from './synonyms.js';
import { analyseDescriptions, describedQuery, descriptionIndexSteps, type DescriptionAnalysis } from './description-index.js';
import { blendDescriptions, suggestDescribed } from './description-rank.js';
import { combineTextScores, questionIndexSteps } from './question-index.js';
import { publisherPhrases, publisherPositions } from './publishers.js';
import { comparesNamed, definitionClause, fixedScene } from './query-context.js';
import { asksForOrganisation, ORGANISATIONS } from './asked-organisation.js';

export { LOOKUP_TUNING } from './lookup-tuning.js';
export type { LookupHit, LookupOutcome, LookupResult } from './rank.js';

/**
 * Concept lookup: an inverted index over the stems of every term and alias (and of the parts of compounds made
 * of known words) generates candidates; query words reach it as typed, with a typo (fuse.js on a short list),
 * as compound parts, agent nouns or synonyms (query-parts.ts); a coverage score over the whole name decides
 * between a confident match, "bedoelde je..." suggestions, or no match (rank.ts). When the names leave it open,
 * the concepts' own texts add a weaker signal for the suggestions (description-index.ts, description-rank.ts).
 * No query scans the whole base.
 */

export interface SearchIndex {
  readonly size: number;
  /** The result for a query; the same text gets the remembered result (a snapshot never changes). */
  lookup(query: string): LookupResult;
  /** The same, always computed: for benchmarks that measure the search itself. */
  compute(query: string): LookupResult;
}

export interface SearchOptions {
  /** Everyday words and what they mean in the knowledge (knowledge/synonyms.yaml). */
  readonly synonyms?: readonly Synonym[];
}

/** How many recent lookups a snapshot remembers. */
const LOOKUP_CACHE_SIZE = 2000;

/** Builds the index in one go (CLI, tests, first load). */
export function createSearchIndex(concepts: readonly Concept[], opts: SearchOptions = {}): SearchIndex {
  const steps = indexSteps(concepts, opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Builds the index in slices of at most `sliceMs` of work, giving the event loop its turn in between, so
 * a reload of a large knowledge base never holds up the lookups and turns that run meanwhile.
 */
export async function createSearchIndexInSlices(
  concepts: readonly Concept[],
  opts: SearchOptions & { sliceMs?: number; analysed?: readonly (readonly NameAnalysis[])[]; described?: readonly DescriptionAnalysis[] } = {},
): Promise<SearchIndex> {
  const sliceMs = opts.sliceMs ?? 0.25;
  const steps = indexSteps(concepts, opts, opts.analysed, opts.described);
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
  /** A paired word of the term ("schotten" of "Schotten en ontschotten"): a name only as typed. */
  readonly exact?: boolean;
}

export function analyseNames(concepts: readonly Concept[]): NameAnalysis[][] {
  return concepts.map((concept) => [
    ...conceptNames(concept).map((name): NameAnalysis => {
      const phrase = foldText(name);
      const tokens = nameTokens(phrase);
      return tokens.length >= 2 && tokens.length <= 3 ? { phrase, tokens, joinedStem: stemWord(tokens.map((t) => t.word).join('')) } : { phrase, tokens };
    }),
    ...pairedWords(concept.term).map((word): NameAnalysis => ({ phrase: foldText(word), tokens: nameTokens(word), exact: true })),
  ]);
}

/** The index build as small resumable steps: it yields after each concept and each batch of words. */
function* indexSteps(
  concepts: readonly Concept[],
  opts: SearchOptions,
  analysed?: readonly (readonly NameAnalysis[])[],
  described?: readonly DescriptionAnalysis[],
): Generator<void, SearchIndex> {
  const names: NameEntry[] = [];
  const postings = new Map<string, number[]>();
  /** Every folded word (and joined compound) of every name, with its stem: fuzzy matching works on words. */
  const stemOfWord = new Map<string, string>();
  const addName = (entry: NameEntry): void => {
    const id = names.length;
    names.push(entry);
    entry.stems.forEach((stem, i) => {
      if (entry.stems.indexOf(stem) !== i) return; // a stem twice in one name is posted once
      const list = postings.get(stem);
      if (list) list.push(id);
      else postings.set(stem, [id]);
    });
  };

  const analysis: AnalysedName[] = [];
  for (const [ci, concept] of concepts.entries()) {
    for (const { phrase, tokens, joinedStem, exact } of analysed?.[ci] ?? analyseNames([concept])[0]!) {
      for (const t of tokens) stemOfWord.set(t.word, t.stem);
      const words = phrase.split(' ').length;
      for (const stems of stemVariants(tokens, joinedStem, stemOfWord)) addName({ concept: ci, stems, phrase, words, exact });
      analysis.push({ concept: ci, phrase, tokens });
    }
    yield;
  }

  // Rarity of a word: in how many concepts' names it occurs, as written (the parts of compounds below do not
  // count). Counting over the explanations too was measured and dropped: abbreviations such as "soc" then
  // outweighed the words they stand next to.
  const total = Math.max(concepts.length, 1);
  const df = new Map<string, number>();
  for (const [stem, ids] of postings) df.set(stem, new Set(ids.map((id) => names[id]!.concept)).size);
  yield* compoundVariantSteps(analysis, { postings, stemOfWord }, addName);
  const idf = new Map<string, number>();
  for (const [stem, n] of df) idf.set(stem, Math.log(1 + total / n));
  const unknownWeight = Math.log(1 + total / 2);
  yield;
  const trigrams: TrigramIndex = yield* trigramIndexSteps([...stemOfWord.keys()].filter((w) => w.length >= LOOKUP_TUNING.minFuzzyWordLength));
  const broad: Set<number> = yield* broadNameSteps(names, postings);
  const broadStems = new Set([...broad].flatMap((id) => names[id]!.stems));
  const equivalents = yield* equivalentNameSteps(concepts, analysis, names, postings);
  const weightOf = (stem: string): number => idf.get(stem) ?? unknownWeight;
  const readQuery = createQueryReader({ postings, stemOfWord, trigrams }, opts.synonyms ?? [], equivalents);
  const publishers = publisherPhrases(concepts);
  const indexOf = new Map(concepts.map((c, i) => [c, i]));
  const texts = described ?? analyseDescriptions(concepts);
  const textOptions = {
    maxCandidateShare: LOOKUP_TUNING.descriptionCandidateShare,
    maxCandidates: LOOKUP_TUNING.descriptionMaxCandidates,
    unknownWeight: LOOKUP_TUNING.descriptionUnknownWeight,
  };
  const descriptions = yield* descriptionIndexSteps(texts, textOptions);
  const questions = yield* questionIndexSteps(texts, { ...textOptions, unionWeight: LOOKUP_TUNING.questionUnionWeight });
  const textHasWord = (word: string): boolean => descriptions.hasWord(word) || questions.hasWord(word);

  function lookup(query: string): LookupResult {
    // "wat is X, ...": what the first clause names with confidence is what the whole question is about
    const clause = definitionClause(query);
    const asked = clause === undefined ? undefined : lookup(clause);
    if (asked?.outcome === 'match') return { ...asked, query };
    const tokens = queryTokens(query);
    if (tokens.length === 0) return { query, outcome: 'none', hits: [] };
    const parts = readQuery(tokens, particleJoins(query));
    const positionWeight = tokens.map((_, i) => {
      const best = parts.filter((p) => p.from === i && p.to === i).flatMap((p) => p.matches).sort((a, b) => b.sim - a.sim)[0];
      return best ? weightOf(best.stem) : unknownWeight;
    });

    // stem -> (query part, similarity) for every word the query reaches
    const reached = new Map<string, Array<{ part: QueryPart; sim: number; lookAlike?: boolean }>>();
    for (const part of parts) {
      for (const m of part.matches) {
        let list = reached.get(m.stem);
        if (!list) reached.set(m.stem, (list = []));
        list.push({ part, sim: m.sim, lookAlike: m.lookAlike });
      }
    }

    const scoring = { reached, weightOf, broadStems, foldedQuery: ` ${foldText(query)} ` };
    const byConcept = new Map<number, Candidate>();
    const seenNames = new Set<number>();
    for (const stem of reached.keys()) {
      for (const nameId of postings.get(stem) ?? []) {
        if (seenNames.has(nameId)) continue;
        seenNames.add(nameId);
        scoreName(names[nameId]!, broad.has(nameId), scoring, byConcept);
      }
    }
    // a publisher's name, the kind asked for after a description and what the question sets itself against
    // ("in plaats van per uur") set the scene wherever they stand (query-context.ts)
    const frame = new Set([...askedKindPositions(query), ...contrastPositions(query)]);
    const scene = fixedScene(tokens.length, publisherPositions(tokens, publishers), frame);
    const topic = topicLength(query);
    const ranked = rank([...byConcept.values()], concepts, positionWeight, topic, scene);
    const folded = foldedWords(query);
    const askedCategory = asksForOrganisation(folded) ? ORGANISATIONS : undefined;
    const byNames = decide(query, tokens.length, ranked, askedCategory);
    if (byNames.outcome === 'match') return twoNamedSuggestion(query, ranked) ?? byNames;
    // the names left it open: what the concepts' descriptions say decides the suggestions
    const words = describedQuery(tokens, parts, textHasWord, LOOKUP_TUNING.compoundPartSimilarity, LOOKUP_TUNING.verbFormSimilarity);
    const topicPositions = topic < tokens.length ? tokens.slice(0, topic).map((_, i) => i) : [];
    const textScores = combineTextScores(descriptions.score(words), questions.score(words), LOOKUP_TUNING.questionWeight);
    const shape = { comparison: comparesNamed(folded, ranked), topic: topicPositions, namingQuestion: asksForName(query), askedCategory };
    return suggestDescribed(query, blendDescriptions(ranked, textScores, concepts, indexOf, shape));
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
