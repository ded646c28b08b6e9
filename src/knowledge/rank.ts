import { LOOKUP_TUNING } from './lookup-tuning.js';
import type { QueryPart } from './query-parts.js';
import { contextPositions, isNamed } from './query-context.js';
import type { CategoryId, Concept } from './schema.js';

/**
 * Scores the concepts a query reaches and decides: a confident match, "bedoelde je..." suggestions, or none.
 * Each concept scores by how much of its best name the query covers and how much of the query the concept
 * explains (words weighted by rarity among names), plus small bonuses for a literal phrase and word order.
 */

export interface NameEntry {
  readonly concept: number;
  readonly stems: readonly string[];
  /** The folded name with filler words kept, for literal phrase matches ("wat werkt"). */
  readonly phrase: string;
  readonly words: number;
  /** Reached only by its words as typed or a form of them, never by a typo's look-alike (a paired word of a term). */
  readonly exact?: boolean;
}

/** Stem -> the query parts that reach it, with their similarity. */
export type Reached = ReadonlyMap<string, ReadonlyArray<{ readonly part: QueryPart; readonly sim: number; readonly lookAlike?: boolean }>>;

export interface Candidate {
  readonly concept: number;
  nameCoverage: number;
  /** The same, over the words of its names that are not broad ("tekorten" of "tekorten in het sociaal domein"). */
  specificCoverage: number;
  /** Query position -> similarity, over every name that matches at least `coverageFromName`. */
  readonly covered: Map<number, number>;
  /** The positions that a broad name of the concept ("sociale basis") covers in full, if any. */
  broadPositions: ReadonlySet<number>;
  /** The first query position its best-covered name reaches. */
  firstPosition: number;
  phraseWords: number;
  inOrder: boolean;
}

export interface Ranked {
  readonly concept: Concept;
  readonly nameCoverage: number;
  readonly queryCoverage: number;
  readonly score: number;
  /** The query positions it explains. */
  readonly covered: ReadonlyMap<number, number>;
  /** It explains only the scene of the question, and nothing of the question was asked instead (no penalty yet). */
  readonly onlyScene?: boolean;
  /** It explains only the scene of the question (a publisher, a domain phrase), whatever else was asked. */
  readonly inScene?: boolean;
  /** Named first in the query, of the concepts named for the most part: it goes first among near-equals. */
  readonly lead?: boolean;
}

/** Shared by every candidate without a broad name; never changed (a broad one gets a set of its own). */
const NO_POSITIONS: ReadonlySet<number> = new Set();

/** What scoreName needs to know of the index besides the name. */
export interface NameScoring {
  readonly reached: Reached;
  readonly weightOf: (stem: string) => number;
  /** The words of the broad names ("sociaal", "domein", "wmo"). */
  readonly broadStems: ReadonlySet<string>;
  readonly foldedQuery: string;
}

export function scoreName(name: NameEntry, broad: boolean, { reached, weightOf, broadStems, foldedQuery }: NameScoring, byConcept: Map<number, Candidate>): void {
  let matched = 0;
  let weight = 0;
  let specificMatched = 0;
  let specificWeight = 0;
  let lastPos = -1;
  let ordered = name.stems.length >= 2;
  const covered = new Map<number, number>();
  let first = Infinity;
  for (const stem of name.stems) {
    const w = weightOf(stem);
    const specific = !broadStems.has(stem);
    weight += w;
    if (specific) specificWeight += w;
    let best: { part: QueryPart; sim: number } | undefined;
    for (const r of reached.get(stem) ?? []) if ((!best || r.sim > best.sim) && !(name.exact && r.lookAlike)) best = r;
    if (!best) {
      ordered = false;
      continue;
    }
    if (best.part.from <= lastPos) ordered = false;
    lastPos = best.part.to;
    first = Math.min(first, best.part.from);
    matched += w * best.sim;
    if (specific) specificMatched += w * best.sim;
    for (let pos = best.part.from; pos <= best.part.to; pos++) covered.set(pos, Math.max(covered.get(pos) ?? 0, best.sim));
  }
  const nameCoverage = weight > 0 ? matched / weight : 0;
  const specificCoverage = specificWeight > 0 ? specificMatched / specificWeight : nameCoverage;
  const phraseWords = name.words >= 2 && foldedQuery.includes(` ${name.phrase} `) ? name.words : 0;
  const counts = nameCoverage >= LOOKUP_TUNING.coverageFromName;
  const broadPositions = broad && nameCoverage >= LOOKUP_TUNING.confidentNameCoverage ? new Set(covered.keys()) : NO_POSITIONS;
  const prior = byConcept.get(name.concept);
  if (!prior) {
    byConcept.set(name.concept, { concept: name.concept, nameCoverage, specificCoverage, covered: counts ? covered : new Map(), broadPositions, firstPosition: first, phraseWords, inOrder: ordered });
    return;
  }
  prior.specificCoverage = Math.max(prior.specificCoverage, specificCoverage);
  prior.inOrder ||= ordered;
  if (counts) for (const [pos, sim] of covered) prior.covered.set(pos, Math.max(prior.covered.get(pos) ?? 0, sim));
  if (broadPositions.size > 0) prior.broadPositions = new Set([...prior.broadPositions, ...broadPositions]);
  if (nameCoverage > prior.nameCoverage) {
    prior.nameCoverage = nameCoverage;
    prior.firstPosition = first;
  }
  prior.phraseWords = Math.max(prior.phraseWords, phraseWords);
}

export function rank(
  candidates: readonly Candidate[],
  concepts: readonly Concept[],
  positionWeight: readonly number[],
  topic = positionWeight.length,
  fixedScene: ReadonlySet<number> = NO_POSITIONS,
): Ranked[] {
  const t = LOOKUP_TUNING;
  const { scene, modifier } = contextPositions(candidates, positionWeight.length, topic, fixedScene);
  const context = scene.size + modifier.size > 0;
  // beside a domain phrase, a concept is measured mostly by how much of the rest of the query it explains
  const explained = coverageOf(positionWeight.map((w, pos) => (scene.has(pos) ? w * t.contextWeight : w)));
  // and beside a modifier naming another concept, too; but only for the score: what the concept explains of the
  // question (queryCoverage, which decides confidence) still counts the modifier in full, so a modifier never
  // makes an answer confident ("routeplanner naar het gemeentehuis" is no question about the route planner)
  const ordering = modifier.size === 0 ? explained : coverageOf(positionWeight.map((w, pos) => (scene.has(pos) || modifier.has(pos) ? w * t.contextWeight : w)));
  // the topic of a question usually comes first: "verschil mantelzorg en vrijwilliger" is about mantelzorg
  // (of the concepts named for the most part: a word of a stray name, "verschil" of "verschil mkba en businesscase", is no topic)
  let lead = Infinity;
  for (const c of candidates) if (isNamed(c)) lead = Math.min(lead, c.firstPosition);
  const base = candidates.map((c) => ({
    c,
    // not capped: two concepts that both cover the query fully are told apart by the bonuses
    score: 0.6 * c.nameCoverage + 0.4 * ordering(c) + t.phraseBonusPerWord * Math.min(c.phraseWords, 3) + (c.inOrder ? t.orderBonus : 0),
    sceneOnly: context && [...c.covered.keys()].every((pos) => scene.has(pos) || modifier.has(pos)),
  }));
  // a concept that explains only the scene is not what is asked, however fully it is named: it goes after a
  // plausible answer to the question itself (and stays the best there is when there is none)
  const asked = base.some((b) => !b.sceneOnly && b.score >= t.suggestScore);
  return base
    .map(({ c, score, sceneOnly }) => {
      const final = asked && sceneOnly ? score - t.sceneOnlyPenalty : score;
      // the lead only orders near-equals; it never lifts a candidate over a threshold
      const order = final + (c.firstPosition === lead ? t.leadBonus : 0);
      const onlyScene = sceneOnly && !asked;
      const leads = c.firstPosition === lead;
      return { ranked: { concept: concepts[c.concept]!, nameCoverage: c.nameCoverage, queryCoverage: explained(c), score: final, covered: c.covered, onlyScene, inScene: sceneOnly, lead: leads }, order };
    })
    .sort((a, b) => b.order - a.order || b.ranked.nameCoverage - a.ranked.nameCoverage || a.ranked.concept.id.localeCompare(b.ranked.concept.id))
    .map((s) => s.ranked);
}

/** How much of the query (position weights as counted) a candidate explains. */
function coverageOf(counted: readonly number[]): (c: Candidate) => number {
  const total = counted.reduce((a, b) => a + b, 0);
  return (c) => {
    let covered = 0;
    for (const [pos, sim] of c.covered) covered += counted[pos]! * sim;
    return covered / total;
  };
}

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

/**
 * Two concepts named in full, each for words of its own ("sferenmodel kwakernaak deuten", "hoe subsidieer je een
 * welzijnsorganisatie"): the question names two things, and the one named first is usually its topic, though the
 * other's rarer words give it the higher score. Both are offered, the first named first; undefined otherwise.
 */
export function twoNamedSuggestion(query: string, ranked: readonly Ranked[]): LookupResult | undefined {
  const t = LOOKUP_TUNING;
  const [best] = ranked;
  if (!best || best.lead || best.inScene || best.nameCoverage < t.confidentNameCoverage) return undefined;
  const first = ranked.find((r) => r.lead && !r.inScene && r.nameCoverage >= t.confidentNameCoverage);
  if (!first || [...first.covered.keys()].every((pos) => best.covered.has(pos))) return undefined;
  const floor = suggestionFloor(best.score);
  const rest = ranked.filter((r) => r !== best && r !== first && r.score >= floor);
  const hits = [first, best, ...rest].slice(0, t.maxSuggestions).map((r) => hit(r.concept, r.score));
  return { query, outcome: 'suggest', hits };
}

/** `askedCategory`: the question asks for a concept of this category, so only one of it is a confident answer. */
export function decide(query: string, words: number, ranked: readonly Ranked[], askedCategory?: CategoryId): LookupResult {
  const t = LOOKUP_TUNING;
  const [best, second] = ranked;
  if (!best || best.score < t.suggestScore) return { query, outcome: 'none', hits: [] };
  const clearWinner = !second || best.score - second.score >= t.confidentMargin;
  const ofAskedKind = askedCategory === undefined || best.concept.category === askedCategory;
  // one word on its own is confident only when it is (nearly exactly) a whole name of the concept
  const oneWordOk = words > 1 || best.nameCoverage >= 0.85;
  const confident =
    best.nameCoverage >= t.confidentNameCoverage && best.queryCoverage >= t.confidentQueryCoverage && best.score >= t.confidentScore && clearWinner && oneWordOk && ofAskedKind;
  const floor = suggestionFloor(best.score);
  const plausible = ranked.filter((r, i) => i === 0 || r.score >= floor);
  // one plausible candidate that explains the whole question is the one meant: no one-item "bedoelde je" (a lone
  // word that is only part of a name, such as "basis", still asks). A runner-up that explains only words the best
  // explains too, clearly less well named, is no other reading ("geld" of "geldproblemen" in "geld en inhoud").
  const otherReadings = plausible.filter((r, i) => i > 0 && !(best.score - r.score >= t.confidentMargin && [...r.covered.keys()].every((pos) => best.covered.has(pos))));
  const onlyOne = otherReadings.length === 0 && oneWordOk && ofAskedKind && best.queryCoverage >= t.singleCandidateQueryCoverage && best.nameCoverage >= t.singleCandidateNameCoverage;
  const hits = plausible.slice(0, t.maxSuggestions).map((r) => hit(r.concept, r.score));
  return { query, outcome: confident || onlyOne ? 'match' : 'suggest', hits };
}

/** Candidates under this, for the best score given, are no plausible reading: they are not offered. */
export function suggestionFloor(best: number): number {
  return Math.max(LOOKUP_TUNING.suggestFloor, best * 0.6);
}

/** A concept as a hit: its score capped at 1 and rounded to three decimals. */
export function hit(concept: Concept, score: number): LookupHit {
  return { concept, score: Math.round(Math.min(1, score) * 1000) / 1000 };
}
