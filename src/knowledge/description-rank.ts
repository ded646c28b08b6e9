import { LOOKUP_TUNING } from './lookup-tuning.js';
import { hit, suggestionFloor, type LookupResult, type Ranked } from './rank.js';
import type { CategoryId, Concept } from './schema.js';

/**
 * What the concepts' descriptions add when their names did not give a confident answer: a weaker signal that
 * reorders the name candidates a little and brings in concepts the query describes without naming them, as
 * "bedoelde je..." suggestions. Names always speak first: a confident name match never gets here.
 */

interface Blended {
  readonly ranked: Ranked;
  /** Worth offering: its name score, or a description score of at least descriptionSuggest over two query words or more. */
  readonly offered: boolean;
  /** Its place: the name score and a share of what its description says of the words its names leave unexplained. */
  readonly order: number;
  /** Its names explain only the scene, and its description not much of the rest: it goes after the question's candidates. */
  readonly sceneOnly: boolean;
  /** Only its description reaches it. */
  readonly describedOnly: boolean;
}

/**
 * The name ranking with the description scores (concept index -> each query word's share) blended in: a name
 * candidate gains for what its description says of the words its own names leave unexplained, and never scores
 * under its description alone; a concept only its description reaches enters with a share of its score. A candidate
 * that explains only the scene goes after a concept the description brings in for the question. In a
 * `comparison` of named concepts the descriptions reorder none of them: the one named first is asked about.
 * `topic`: the query positions before its first preposition, when one follows ("eenzaamhied | onder ouderen"); a
 * concept named for the most part by the whole topic, typo or not, goes before what only a description reaches.
 * A `namingQuestion` ("..., hoe heet dat") is a description: what the texts say of the words the names leave
 * open counts more, so the more specific concept of two that are named goes first ("subsidie met zakelijke
 * prestatieafspraken, hoe heet die vorm" is BCF, a kind of subsidie). An `askedCategory` (asked-organisation.ts)
 * puts its concepts ahead by a bonus: "welk onderzoeksbureau bedacht de drie sferen" asks for the bureau.
 */
export interface QuestionShape {
  readonly comparison?: boolean;
  readonly topic?: readonly number[];
  readonly namingQuestion?: boolean;
  readonly askedCategory?: CategoryId;
}

export function blendDescriptions(
  ranked: readonly Ranked[],
  described: ReadonlyMap<number, readonly number[]>,
  concepts: readonly Concept[],
  indexOf: ReadonlyMap<Concept, number>,
  { comparison = false, topic = [], namingQuestion = false, askedCategory }: QuestionShape = {},
): Blended[] {
  const t = LOOKUP_TUNING;
  const askedBonus = (concept: Concept): number => (concept.category === askedCategory ? t.askedCategoryBonus : 0);
  const bonus = comparison ? 0 : namingQuestion ? t.namingDescriptionBonus : t.descriptionBonus;
  const seen = new Set<number>();
  // the less of the question the names explain, the more a concept its texts describe is what is meant: a long
  // description with one scene word ("hulp uit de wmo zonder onderzoek vooraf, zoals een maaltijdservice")
  const namesExplain = Math.max(0, ...ranked.map((r) => r.queryCoverage));
  const describedAs = (d: number): number => (t.descriptionOnly + t.descriptionOnlyOpen * (1 - namesExplain)) * Math.min(d, t.descriptionCap);
  // a description that shares one word with the query ("vergeten" in "wachtwoord vergeten") is no reading of it
  const describes = (shares: readonly number[], d: number): boolean => d >= t.descriptionSuggest && shares.filter((s) => s > 0).length >= 2;
  const blended: Blended[] = ranked.map((r) => {
    const i = indexOf.get(r.concept)!;
    seen.add(i);
    const shares = described.get(i) ?? [];
    const d = Math.min(sum(shares), t.descriptionCap);
    // its description counts for the words its own names do not explain: of those it says nothing new
    const adds = Math.min(sum(shares.filter((_, pos) => !r.covered.has(pos))), t.descriptionCap);
    // a name for a small part of a long question is less likely what it asks than its score says
    const partial = comparison ? 0 : t.partialNamePenalty * (1 - r.queryCoverage);
    const order = Math.max(r.score - partial + (r.lead ? t.leadBonus : 0) + bonus * adds, describedAs(d)) + askedBonus(r.concept);
    return { ranked: r, offered: r.score >= t.suggestScore || describes(shares, d), order, sceneOnly: r.onlyScene === true && adds < t.descriptionSuggest, describedOnly: false };
  });
  // a word that fully names another concept, read in a text ("mantelzorger" in a question about the personal
  // sphere), says more about that concept than about the text's own
  const namedElsewhere = new Set(ranked.filter((r) => r.nameCoverage >= t.confidentNameCoverage).flatMap((r) => [...r.covered.keys()]));
  for (const [i, shares] of described) {
    if (seen.has(i)) continue;
    const d = sum(shares.map((s, pos) => (namedElsewhere.has(pos) ? s * t.namedElsewhereWeight : s)));
    const score = describedAs(d);
    const order = score + askedBonus(concepts[i]!);
    blended.push({ ranked: { concept: concepts[i]!, nameCoverage: 0, queryCoverage: 0, score, covered: new Map() }, offered: describes(shares, d), order, sceneOnly: false, describedOnly: true });
  }
  // as in rank.ts: what explains only the scene goes after what is offered for the question itself
  const asked = blended.some((b) => b.offered && !b.sceneOnly);
  // a name for the question's topic says more than a description of it: "eenzaamhied onder ouderen" is about eenzaamheid
  const topicNamed = topic.length > 0 && ranked.some((r) => r.nameCoverage >= t.contextMinNameCoverage && topic.every((pos) => r.covered.has(pos)));
  const after = (b: Blended): number => (asked && b.sceneOnly ? 2 : topicNamed && b.describedOnly ? 1 : 0);
  return blended.sort((a, b) => after(a) - after(b) || b.order - a.order || b.ranked.nameCoverage - a.ranked.nameCoverage || a.ranked.concept.id.localeCompare(b.ranked.concept.id));
}

/** "bedoelde je..." with the blended ranking, or none when nothing is worth offering. */
export function suggestDescribed(query: string, blended: readonly Blended[]): LookupResult {
  const t = LOOKUP_TUNING;
  const offered = blended.filter((b) => b.offered);
  const [best] = offered;
  if (!best) return { query, outcome: 'none', hits: [] };
  const floor = suggestionFloor(best.order);
  const hits = offered
    .filter((b, i) => i === 0 || b.order >= floor)
    .slice(0, t.maxSuggestions)
    .map((b) => hit(b.ranked.concept, b.order));
  return { query, outcome: 'suggest', hits };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
