import type { Concept } from './schema.js';

/**
 * Every name a user may type for a concept: the term, the parts of a composite term
 * ("Collegeprogramma / coalitieakkoord", "Cijfers en inhoud (harde en zachte kant)") and the aliases.
 */
export function conceptNames(concept: Concept): string[] {
  const names = new Set<string>([concept.term, ...termParts(concept.term), ...concept.aliases]);
  return [...names].filter((n) => n.trim().length > 0);
}

/** A bracketed part inside a word, "Sociaal (wijk)team": an optional piece of that word, never a name alone. */
const IN_WORD = /\(([^()\s]*)\)(?=\w)|(?<=\w)\(([^()\s]*)\)/gu;

/** The term as plain words: without its bracketed additions, with a bracketed piece of a word kept ("Sociaal wijkteam"). */
export function plainTerm(term: string): string {
  return term.replace(IN_WORD, '$1$2').replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
}

function termParts(term: string): string[] {
  const parts: string[] = [];
  if (term.search(IN_WORD) >= 0) parts.push(term.replace(IN_WORD, ''), term.replace(IN_WORD, '$1$2'));
  const words = term.replace(IN_WORD, '$1$2');
  const withoutParens = plainTerm(term);
  if (withoutParens !== words) parts.push(withoutParens);
  // a bracketed year ("(2022)") dates the term; it is no name of its own
  for (const m of words.matchAll(/\(([^)]*)\)/g)) if (m[1] && !/^\d+$/.test(m[1].trim())) parts.push(m[1]);
  for (const piece of [words, withoutParens]) {
    if (piece.includes('/')) parts.push(...piece.split('/').map((s) => s.trim()));
    const colon = piece.indexOf(':');
    if (colon > 0) parts.push(piece.slice(0, colon).trim(), piece.slice(colon + 1).trim());
  }
  return parts;
}

/**
 * The two words of a term that pairs them, "Schotten en ontschotten", "Output en outcome": the concept is named
 * by either, so a question with one of them as its topic is about it. Each is a name only as typed (search.ts),
 * never a look-alike's target: "bellen" is no typo of the "tellen" of "Tellen en vertellen".
 */
export function pairedWords(term: string): string[] {
  const pair = /^(\p{L}+) en (\p{L}+)$/u.exec(plainTerm(term));
  return pair ? [pair[1]!, pair[2]!] : [];
}
