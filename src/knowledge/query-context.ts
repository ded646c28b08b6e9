import { LOOKUP_TUNING } from './lookup-tuning.js';
import type { Candidate } from './rank.js';

/**
 * Which words of a question only set its scene: a broad domain phrase, a publisher's name, or a concept named in
 * a modifier of the topic. The rank measures a concept mostly by the rest, and a concept that explains only the scene goes after one
 * that explains the question.
 */

/** Query positions that set the scene rather than ask: see contextPositions. */
export interface Context {
  /**
   * Broad names ("sociale basis" in "sturing op de sociale basis") and publishers ("movisie" in "wat verstaat
   * movisie onder kwetsbare inwoners"): they count less for every purpose.
   */
  readonly scene: ReadonlySet<number>;
  /** Concepts named in a modifier of the topic ("het buurthuis" in "subsidie voor het buurthuis"): they only order. */
  readonly modifier: ReadonlySet<number>;
}

const NO_CONTEXT: Context = { scene: new Set(), modifier: new Set() };

/**
 * A concept named for the most part by its own words, so that it can be what a question is about: "tekorten"
 * names "tekorten in het sociaal domein" (the broad words aside), "kosten" does not name "zorgkosten".
 */
export function isNamed(c: Candidate): boolean {
  return Math.max(c.nameCoverage, c.specificCoverage) >= LOOKUP_TUNING.contextMinNameCoverage && c.covered.size > 0;
}

/**
 * The query positions that only set the scene, when other words of the query are explained by a concept that
 * names enough of itself: those of a broad name named in full ("sociale basis", "sociaal domein", "wmo"), so
 * "sturing op de sociale basis" asks about sturing; and those of a concept named only after a preposition, in a
 * modifier of the topic (`topic`: the positions before it), so "subsidie voor het buurthuis" asks about subsidie.
 * The topic itself is never context, even when broad. Empty when the query is just the broad name.
 *
 * Some words set the scene by their place in the question alone (`fixed`): a publisher's name (publishers.ts)
 * and the kind asked for after a description ("..., welke conditie van sociale kwaliteit is dat"). Beside any
 * other word they are scene, topic or not, and whether or not a concept explains the rest: "movisie vacatures"
 * is no question about Movisie either.
 */
export function contextPositions(candidates: readonly Candidate[], words: number, topic: number, fixed: ReadonlySet<number> = NO_POSITIONS): Context {
  const named = namedContext(candidates, words, topic, fixed);
  if (fixed.size === 0 || fixed.size >= words) return named;
  return { scene: new Set([...named.scene, ...fixed]), modifier: new Set([...named.modifier].filter((pos) => !fixed.has(pos))) };
}

const NO_POSITIONS: ReadonlySet<number> = new Set();

/**
 * The positions that set the scene by their place alone (`fixed` of contextPositions): the question's frame (the
 * kind asked for, what it sets itself against) always, and a publisher's name unless nothing but the frame
 * stands beside it: then the publisher is what the question is about ("platform31, wat is dat voor club").
 */
export function fixedScene(words: number, publisher: ReadonlySet<number>, frame: ReadonlySet<number>): Set<number> {
  for (let pos = 0; pos < words; pos++) if (!publisher.has(pos) && !frame.has(pos)) return new Set([...publisher, ...frame]);
  return new Set(frame);
}

/** `fixed`: a publisher in the topic is no topic of its own ("wat zegt movisie over eenzaamheid" asks about eenzaamheid). */
function namedContext(candidates: readonly Candidate[], words: number, topic: number, fixed: ReadonlySet<number>): Context {
  const scene = new Set<number>();
  for (const c of candidates) for (const pos of c.broadPositions) if (topic === words || pos >= topic) scene.add(pos);
  const inTopic = (c: Candidate): boolean => [...c.covered.keys()].some((pos) => pos < topic && !fixed.has(pos));
  const modifier = new Set<number>();
  if (topic < words && candidates.some((c) => isNamed(c) && inTopic(c))) {
    for (const c of candidates) if (isNamed(c) && !inTopic(c)) for (const pos of c.covered.keys()) if (!scene.has(pos)) modifier.add(pos);
  }
  const all = scene.size + modifier.size;
  if (all === 0 || all >= words) return NO_CONTEXT;
  // the rest is more than a publisher: in "how does movisie define the social base" the broad name is the question
  const explainsRest = candidates.some((c) => isNamed(c) && [...c.covered.keys()].some((pos) => !scene.has(pos) && !modifier.has(pos) && !fixed.has(pos)));
  return explainsRest ? { scene, modifier } : NO_CONTEXT;
}

/** Words that compare ("verschil mantelzorg en vrijwilliger", "mkba vs business case"). */
const COMPARING = new Set(['verschil', 'verschillen', 'vs', 'versus', 'vergelijk', 'vergelijken', 'vergelijking', 'difference', 'compared']);

/**
 * True when the query compares two concepts it names in full: then the one named first is the question (rank.ts
 * gives it the lead), and what their descriptions say of each other does not reorder them.
 */
export function comparesNamed(foldedWords: readonly string[], ranked: readonly { readonly nameCoverage: number; readonly covered: ReadonlyMap<number, number> }[]): boolean {
  if (!foldedWords.some((w) => COMPARING.has(w))) return false;
  return ranked.filter((r) => r.nameCoverage >= LOOKUP_TUNING.confidentNameCoverage && r.covered.size > 0).length >= 2;
}

/** How a clause asks what something is: "wat is ...", "wat verstaan we onder ...", "what is ...". */
const ASKING_WHAT = ['wat is', 'wat zijn', 'wat betekent', 'wat verstaan we onder', 'wat bedoelen we met', 'what is', 'what are'].map((phrase) => phrase.split(' '));

/**
 * The first clause of a question that asks what something is and then goes on ("wat is de sociale basis
 * eigenlijk, bestaat daar een landelijke definitie van?"): the rest asks more about the same thing, so the first
 * clause alone says what it is about. Undefined when the question has one clause or starts otherwise.
 */
export function definitionClause(text: string): string | undefined {
  const match = /^([^,;?.!]+)[,;?.!]+\s*\S/.exec(text.trim());
  if (!match) return undefined;
  const clause = match[1]!;
  const words = clause.toLowerCase().split(/\s+/);
  const asks = ASKING_WHAT.find((phrase) => phrase.every((w, i) => words[i] === w));
  return asks !== undefined && words.length > asks.length ? clause : undefined;
}
