import type { Concept } from '../../src/knowledge/schema.js';

/** A concept for lookup tests: only what the test names differs from plain defaults. */
export function concept(id: string, term: string, aliases: string[] = [], extra: Partial<Concept> = {}): Concept {
  return { id, term, aliases, questions: [], category: 'sociale-basis', short: 'kort', explanation: 'lang', related: [], sources: [], verified: true, ...extra };
}
