import type { Concept } from '../../knowledge/schema.js';
import type { KnowledgeSnapshot } from '../../knowledge/snapshot.js';
import { foldText, isStopword } from '../../knowledge/normalize.js';
import { answerReply } from '../lookup/lookup-replies.js';
import { encodeAction } from '../actions.js';
import { notice, type AnswerReply, type Reply } from '../replies.js';
import { expertTexts as t } from './texts.js';

/**
 * Knowledge where people already talk: the core side of the Teams message extension (search concepts while
 * typing) and the Slack message shortcut "Leg uit met Routeplanner" (the concepts named in a message).
 */

/**
 * Up to `limit` concept answers for a query typed in a compose box, best first: the lookup's own answer or
 * suggestions (typos handled there), then concepts whose name starts with, or has a word starting with, what
 * was typed (people type word by word). Nothing typed yet (the list Teams shows when the search opens): the
 * central concepts. The answers are the shared frozen ones, so renderings are reused.
 */
export function searchConcepts(snapshot: KnowledgeSnapshot, query: string, limit = 10): AnswerReply[] {
  const typed = foldText(query);
  if (limit <= 0) return [];
  const prepared = preparedFor(snapshot);
  if (!typed) return prepared.central.slice(0, limit).map((c) => answerReply(c, snapshot));
  const ranked: Concept[] = snapshot.index.lookup(query).hits.map((h) => h.concept);
  const startsName: Concept[] = [];
  const startsWord: Concept[] = [];
  snapshot.concepts.forEach((concept, i) => {
    const names = prepared.names[i]!;
    if (names.some((n) => n.startsWith(typed))) startsName.push(concept);
    else if (names.some((n) => n.includes(` ${typed}`))) startsWord.push(concept);
  });
  const byTerm = (a: Concept, b: Concept): number => a.term.localeCompare(b.term, 'nl');
  return unique([...ranked, ...startsName.sort(byTerm), ...startsWord.sort(byTerm)])
    .slice(0, limit)
    .map((c) => answerReply(c, snapshot));
}

/** How much of a message the shortcut reads, and how many concepts it explains at most. */
const MAX_WORDS = 300;
const MAX_WINDOW = 3;
const MAX_LOOKUPS = 400;
export const MAX_EXPLAINED = 5;

/**
 * The concepts named in a message, in the order they appear, at most `cap`: names found literally, and
 * phrases of one to three words that the lookup answers with confidence (so a typo still counts). Each is
 * answered privately, with a button to share it in the thread; none found says so.
 */
export function explainMessage(snapshot: KnowledgeSnapshot, text: string, cap = MAX_EXPLAINED): Reply[] {
  const found = conceptsInMessage(snapshot, text).slice(0, cap);
  if (found.length === 0) return [notice(t.share.none, [], { private: true })];
  return found.map((concept) => {
    const answer = answerReply(concept, snapshot);
    return { ...answer, actions: [...answer.actions, { label: t.share.label, payload: encodeAction({ a: 'concept', id: concept.id, s: 1 }) }], private: true };
  });
}

export function conceptsInMessage(snapshot: KnowledgeSnapshot, text: string): Concept[] {
  const words = foldText(text).split(' ').filter(Boolean).slice(0, MAX_WORDS);
  const at = new Map<string, { concept: Concept; position: number }>();
  const note = (concept: Concept, position: number): void => {
    const seen = at.get(concept.id);
    if (!seen || position < seen.position) at.set(concept.id, { concept, position });
  };
  const padded = ` ${words.join(' ')} `;
  for (const concept of snapshot.concepts) {
    for (const name of [concept.term, ...concept.aliases].map(foldText)) {
      const index = name ? padded.indexOf(` ${name} `) : -1;
      if (index >= 0) note(concept, padded.slice(0, index).split(' ').length - 1);
    }
  }
  // the longest phrase first at each word, and on past a match, so "sociale basis" is not also "basis"
  let lookups = 0;
  for (let i = 0; i < words.length && lookups < MAX_LOOKUPS; ) {
    let advance = 1;
    for (let n = Math.min(MAX_WINDOW, words.length - i); n >= 1 && lookups < MAX_LOOKUPS; n--) {
      const window = words.slice(i, i + n);
      if (isStopword(window[0]!) || isStopword(window[n - 1]!)) continue;
      lookups++;
      const result = snapshot.index.lookup(window.join(' '));
      if (result.outcome === 'match') {
        note(result.hits[0]!.concept, i);
        advance = n;
        break;
      }
    }
    i += advance;
  }
  return [...at.values()].sort((a, b) => a.position - b.position).map((f) => f.concept);
}

/**
 * What every search of one knowledge version needs, made once per snapshot (Teams asks again every few letters
 * typed): each concept's names folded, in the order of `snapshot.concepts`, and the central concepts.
 */
interface Prepared {
  readonly names: ReadonlyArray<readonly string[]>;
  readonly central: readonly Concept[];
}

const preparedBySnapshot = new WeakMap<KnowledgeSnapshot, Prepared>();

function preparedFor(snapshot: KnowledgeSnapshot): Prepared {
  let made = preparedBySnapshot.get(snapshot);
  if (!made) {
    made = { names: snapshot.concepts.map((c) => [c.term, ...c.aliases].map(foldText)), central: centralConcepts(snapshot) };
    preparedBySnapshot.set(snapshot, made);
  }
  return made;
}

/** The concepts other concepts point to most (the knowledge's hubs), then by name: a start without a query. */
function centralConcepts(snapshot: KnowledgeSnapshot): Concept[] {
  const pointedTo = new Map<string, number>();
  for (const concept of snapshot.concepts) for (const id of concept.related) pointedTo.set(id, (pointedTo.get(id) ?? 0) + 1);
  const weight = (c: Concept) => pointedTo.get(c.id) ?? 0;
  return [...snapshot.concepts].sort((a, b) => weight(b) - weight(a) || a.term.localeCompare(b.term, 'nl'));
}

function unique(concepts: readonly Concept[]): Concept[] {
  const seen = new Set<string>();
  return concepts.filter((c) => !seen.has(c.id) && seen.add(c.id));
}
