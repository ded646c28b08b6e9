import type { Problem } from '../problems.js';
import type { ConceptAnswer } from './content-input.js';
import { dutchDecimal } from './content-report.js';
import type { LocatedText } from './located-text.js';

/**
 * Plain Dutch at language level B1, measured per concept. The thresholds of the plain-language rule live
 * here and nowhere else (knowledge/README.md quotes them; keep it in step).
 */
export const PLAIN_LANGUAGE = {
  short: { maxAverage: 14, maxSentence: 25 },
  explanation: { maxAverage: 15, maxSentence: 25 },
} as const;

const NAMES = { short: 'het korte antwoord', explanation: 'de uitleg' } as const;

/** How many words of a long sentence the warning quotes, so the editor finds it. */
const QUOTED_WORDS = 6;

export function plainLanguageWarnings(answers: readonly ConceptAnswer[]): Problem[] {
  return answers.flatMap((a) => [...textWarnings(a.short, 'short'), ...textWarnings(a.explanation, 'explanation')]);
}

function textWarnings(text: LocatedText, part: keyof typeof PLAIN_LANGUAGE): Problem[] {
  const { maxAverage, maxSentence } = PLAIN_LANGUAGE[part];
  const counted = text.sentences.filter((s) => s.words.length > 0);
  if (counted.length === 0) return [];
  const warnings: Problem[] = [];
  // rounded as the figures are, so a concept at "14,0" passes the 14 here as it does in the measuring script
  const average = Number((counted.reduce((n, s) => n + s.words.length, 0) / counted.length).toFixed(1));
  if (average > maxAverage) {
    warnings.push(text.problemAt(undefined, `${NAMES[part]} heeft gemiddeld ${dutchDecimal(average)} woorden per zin; voor taalniveau B1 is dat hoogstens ${maxAverage}. Maak de zinnen korter`));
  }
  for (const s of counted) {
    if (s.words.length <= maxSentence) continue;
    const start = s.text.split(' ').slice(0, QUOTED_WORDS).join(' ');
    warnings.push(text.problemAt(s, `de zin "${start} …" heeft ${s.words.length} woorden; voor taalniveau B1 is dat hoogstens ${maxSentence}. Maak er twee zinnen van`));
  }
  return warnings;
}
