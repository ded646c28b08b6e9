import type { Concept } from './schema.js';

/**
 * Every name a user may type for a concept: the term, the parts of a composite term
 * ("Collegeprogramma / coalitieakkoord", "Cijfers en inhoud (harde en zachte kant)") and the aliases.
 */
export function conceptNames(concept: Concept): string[] {
  const names = new Set<string>([concept.term, ...termParts(concept.term), ...concept.aliases]);
  return [...names].filter((n) => n.trim().length > 0);
}

function termParts(term: string): string[] {
  const parts: string[] = [];
  const withoutParens = term.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  if (withoutParens !== term) parts.push(withoutParens);
  for (const m of term.matchAll(/\(([^)]*)\)/g)) if (m[1]) parts.push(m[1]);
  for (const piece of [term, withoutParens]) {
    if (piece.includes('/')) parts.push(...piece.split('/').map((s) => s.trim()));
    const colon = piece.indexOf(':');
    if (colon > 0) parts.push(piece.slice(0, colon).trim(), piece.slice(colon + 1).trim());
  }
  return parts;
}
