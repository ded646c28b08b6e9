import type { ValidationResult } from '../knowledge/load.js';
import { compareProblems, type Problem } from '../knowledge/problems.js';
import { CONTENT_RULES, dutchDecimal, type ContentReport, type ContentRule, type ContentWarning } from '../knowledge/content-rules/content-report.js';
import { PLAIN_LANGUAGE } from '../knowledge/content-rules/plain-language-rule.js';
import type { ReadabilityFigures } from '../knowledge/content-rules/readability.js';

/**
 * What `routeplanner validate` found, as data (`--json`) and as Dutch text for content editors: the problems,
 * every warning (the content rules' with their rule), and the figures that show the texts improve.
 */
export interface ValidateReport {
  readonly ok: boolean;
  /** The knowledge version and its size; null when it is invalid. */
  readonly version: string | null;
  readonly counts: { readonly concepts: number; readonly dialogues: number } | null;
  readonly problems: readonly Problem[];
  /** Sorted by file and line; a content rule's warning says which rule in `rule`. */
  readonly warnings: ReadonlyArray<Problem | ContentWarning>;
  /** Null only when the folder itself could not be read. */
  readonly figures: Pick<ContentReport, 'readability' | 'warningsPerRule'> | null;
}

export function toValidateReport(result: ValidationResult): ValidateReport {
  const { content } = result;
  const warnings = [...(result.ok ? result.knowledge.warnings : result.warnings), ...(content?.warnings ?? [])];
  return {
    ok: result.ok,
    version: result.ok ? result.knowledge.version : null,
    counts: result.ok ? { concepts: result.knowledge.concepts.length, dialogues: result.knowledge.dialogues.length } : null,
    problems: result.ok ? [] : result.problems,
    warnings: warnings.sort(compareProblems),
    figures: content ? { readability: content.readability, warningsPerRule: content.warningsPerRule } : null,
  };
}

const RULE_NAMES: Readonly<Record<ContentRule, string>> = {
  sources: 'bronnen',
  readability: 'lange zinnen',
  abbreviations: 'afkortingen',
  'team-address': '"jullie" in teamgesprekken',
  'duplicate-sentences': 'dubbele zinnen',
};

/** The figures in a few lines of Dutch, under the warnings. */
export function figuresText(figures: NonNullable<ValidateReport['figures']>): string {
  const { short, explanation } = PLAIN_LANGUAGE;
  const { readability: r, warningsPerRule } = figures;
  return [
    `Leesbaarheid (doel voor taalniveau B1: korte antwoorden gemiddeld hoogstens ${short.maxAverage} woorden per zin, uitleg hoogstens ${explanation.maxAverage}, geen zin langer dan ${short.maxSentence} woorden):`,
    `  korte antwoorden: ${figuresLine(r.short)}`,
    `  uitleg:           ${figuresLine(r.explanation)}`,
    `  samen:            ${figuresLine(r.all)}`,
    `Waarschuwingen per regel: ${CONTENT_RULES.map((rule) => `${RULE_NAMES[rule]} ${warningsPerRule[rule]}`).join(', ')}`,
    '',
  ].join('\n');
}

function figuresLine(f: ReadabilityFigures): string {
  return `${f.sentences} zinnen, gemiddeld ${dutchDecimal(f.wordsPerSentence)} woorden per zin; ${dutchDecimal(f.over20Pct)}% langer dan 20 woorden, ${dutchDecimal(f.over25Pct)}% langer dan 25; ${dutchDecimal(f.longWordsPct)}% lange woorden (4 of meer lettergrepen)`;
}
