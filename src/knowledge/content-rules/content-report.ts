import type { Problem } from '../problems.js';
import type { ReadabilityFigures } from './readability.js';

/**
 * The content rules `routeplanner validate` checks on top of the knowledge's structure: where a text falls
 * short for the people who read it. Their findings are warnings, never errors: content editors improve the
 * texts step by step while the bot keeps running.
 */
export const CONTENT_RULES = ['sources', 'readability', 'abbreviations', 'team-address', 'duplicate-sentences'] as const;

export type ContentRule = (typeof CONTENT_RULES)[number];

export interface ContentWarning extends Problem {
  readonly rule: ContentRule;
}

export interface ContentReport {
  /** Sorted by file, line and column. */
  readonly warnings: readonly ContentWarning[];
  readonly warningsPerRule: Readonly<Record<ContentRule, number>>;
  /** Totals over every concept: the short answers, the explanations, and both together. */
  readonly readability: {
    readonly short: ReadabilityFigures;
    readonly explanation: ReadabilityFigures;
    readonly all: ReadabilityFigures;
  };
}

/** `17,9`: numbers in messages and summaries are written the Dutch way. */
export function dutchDecimal(x: number): string {
  return x.toFixed(1).replace('.', ',');
}
