import type { Abbreviation } from '../abbreviations.js';
import type { Problem } from '../problems.js';
import type { ConceptAnswer } from './content-input.js';

/**
 * An abbreviation is spelled out at its first use in each answer (the short answer, then the explanation):
 * its full form stands earlier in the answer or in the same sentence, as in "de Wet maatschappelijke
 * ondersteuning (Wmo)". Each answer counts on its own, because a user may read only that one.
 */
export function abbreviationWarnings(answers: readonly ConceptAnswer[], abbreviations: readonly Abbreviation[]): Problem[] {
  const rules = abbreviations.map((a) => ({
    ...a,
    // case-sensitive and as a whole word: "Wmo-consulent" uses Wmo, "Wmo's" too; "wmo" and "Wmoo" do not
    use: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(a.abbr)}(?![\\p{L}\\p{N}])`, 'u'),
    folded: ` ${fold(a.full)} `,
  }));
  const warnings: Problem[] = [];
  for (const answer of answers) {
    const sentences = [answer.short, answer.explanation].flatMap((text) => text.sentences.map((sentence) => ({ text, sentence })));
    const folded = sentences.map(({ sentence }) => fold(sentence.text));
    const whole = `${answer.concept.short}\n${answer.concept.explanation}`;
    for (const rule of rules) {
      // most answers use few of the abbreviations: a plain search first spares the sentence by sentence one
      if (!whole.includes(rule.abbr)) continue;
      const first = sentences.findIndex(({ sentence }) => rule.use.test(sentence.text));
      if (first < 0) continue;
      const upToHere = ` ${folded.slice(0, first + 1).join(' ')} `;
      if (upToHere.includes(rule.folded)) continue;
      const { text, sentence } = sentences[first]!;
      warnings.push(text.problemAt(sentence, `de afkorting "${rule.abbr}" staat hier voor het eerst in dit antwoord, zonder uitleg; schrijf hem de eerste keer voluit: ${rule.full} (${rule.abbr})`));
    }
  }
  return warnings;
}

/** Case, accents and punctuation ignored: "Volksgezondheid, Welzijn en Sport" is "volksgezondheid welzijn en sport". */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
