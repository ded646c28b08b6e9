import type { Problem } from '../problems.js';
import type { ConceptAnswer } from './content-input.js';
import type { LocatedSentence, LocatedText } from './located-text.js';

/** Shorter sentences ("Dit is algemene vakkennis.") may recur; a repeated paragraph is longer. */
export const MIN_DUPLICATE_WORDS = 6;

/**
 * No sentence appears in two concepts: a paragraph written once and linked with `related` stays right in one
 * place. Sentences count as the same when their words are, whatever the case, spacing and punctuation.
 */
export function duplicateSentenceWarnings(answers: readonly ConceptAnswer[]): Problem[] {
  const first = new Map<string, { readonly id: string; readonly text: LocatedText; readonly sentence: LocatedSentence }>();
  const warnings: Problem[] = [];
  for (const { concept, short, explanation } of answers) {
    for (const text of [short, explanation]) {
      for (const sentence of text.sentences) {
        if (sentence.words.length < MIN_DUPLICATE_WORDS) continue;
        const key = sentence.words.join(' ').toLowerCase();
        const prior = first.get(key);
        if (!prior) first.set(key, { id: concept.id, text, sentence });
        else if (prior.id !== concept.id) {
          const there = prior.text.problemAt(prior.sentence, '');
          warnings.push(text.problemAt(sentence, `deze zin staat ook in begrip "${prior.id}" (${prior.text.field}, ${there.file}:${there.line}); schrijf hem op één plek en verwijs ernaar met "related"`));
        }
      }
    }
  }
  return warnings;
}
