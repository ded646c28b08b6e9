import { foldText } from './normalize.js';
import type { Concept } from './schema.js';
import type { LookupOutcome, SearchIndex } from './search.js';

/** One line of an eval file: `{"query": "...", "expect": "<concept id, term or alias>" | null}`. */
export interface EvalCase {
  readonly query: string;
  readonly expect: string | null;
}

export interface EvalMiss {
  readonly query: string;
  readonly expect: string | null;
  readonly outcome: LookupOutcome;
  readonly got: readonly string[];
}

export interface EvalReport {
  readonly inDomain: { total: number; hits: number; top3: number };
  readonly outOfDomain: { total: number; none: number; confident: number };
  readonly misses: readonly EvalMiss[];
}

/** Parses JSON lines; returns the cases or the first bad line (1-based) with what is wrong. */
export function parseEvalFile(text: string): { cases: EvalCase[] } | { line: number; error: string } {
  const cases: EvalCase[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw || raw.startsWith('#') || raw.startsWith('//')) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return { line: i + 1, error: 'not valid JSON' };
    }
    const v = value as Record<string, unknown>;
    if (typeof value !== 'object' || value === null || typeof v['query'] !== 'string') {
      return { line: i + 1, error: 'expected an object with a "query" string' };
    }
    const expect = v['expect'];
    if (expect !== null && expect !== undefined && typeof expect !== 'string') {
      return { line: i + 1, error: '"expect" must be a string or null' };
    }
    cases.push({ query: v['query'] as string, expect: typeof expect === 'string' ? expect : null });
  }
  return { cases };
}

/** True when `expected` is the concept's id, term or one of its aliases (case and accents ignored). */
export function isExpected(concept: Concept, expected: string): boolean {
  const want = foldText(expected);
  return [concept.id, concept.term, ...concept.aliases].some((n) => foldText(n) === want);
}

export function evaluate(index: SearchIndex, cases: readonly EvalCase[]): EvalReport {
  const inDomain = { total: 0, hits: 0, top3: 0 };
  const outOfDomain = { total: 0, none: 0, confident: 0 };
  const misses: EvalMiss[] = [];
  for (const c of cases) {
    const result = index.lookup(c.query);
    const got = result.hits.map((h) => h.concept.id);
    const miss = (): void => {
      misses.push({ query: c.query, expect: c.expect, outcome: result.outcome, got });
    };
    if (c.expect === null) {
      outOfDomain.total++;
      if (result.outcome === 'none') outOfDomain.none++;
      if (result.outcome === 'match') {
        outOfDomain.confident++;
        miss();
      }
      continue;
    }
    inDomain.total++;
    const expected = c.expect;
    const top = result.hits[0];
    if (top && isExpected(top.concept, expected)) inDomain.hits++;
    else miss();
    if (result.hits.slice(0, 3).some((h) => isExpected(h.concept, expected))) inDomain.top3++;
  }
  return { inDomain, outOfDomain, misses };
}
