import { trailingKindNoun } from './asked-kind.js';
import type { CategoryId } from './schema.js';

/**
 * A question that asks which organisation did or made something ("welk onderzoeksbureau bedacht de drie sferen",
 * "wie deed het secretariaat van ...") asks for an organisation, even when it names what the organisation made:
 * the made thing is the scene. Only an organisation noun after "welk(e)", "wat voor", "wat is dat voor" or as the
 * last word of "wat is <name> voor een ...", or "wie" with a verb of making, counts: "wie werken er in een wijkteam" asks for people, not for an organisation.
 */
export const ORGANISATIONS: CategoryId = 'organisaties';

/** Nouns for an organisation, folded; a compound ending in one counts too ("kennisorganisatie", "werkgeversclub"). */
const ORGANISATION_NOUN = /(organisatie|instituut|instelling|bureau|onderzoeksbureau|kennisinstituut|club|vereniging|koepel|platform|partij)s?$/;

/** Verbs of making and doing that "wie" asks the maker of, folded, in the forms people type. */
const MAKING = new Set([
  'bedacht', 'bedenkt', 'ontwikkelde', 'ontwikkelt', 'maakte', 'maakt', 'schreef', 'schrijft', 'onderzocht', 'onderzoekt',
  'publiceerde', 'publiceert', 'deed', 'beheert', 'beheerde', 'organiseerde', 'organiseert', 'leidde', 'leidt',
]);

/** `words`: the question's folded words (normalize.ts, foldedWords). */
export function asksForOrganisation(words: readonly string[]): boolean {
  const trailing = trailingKindNoun(words);
  if (trailing !== undefined && ORGANISATION_NOUN.test(words[trailing]!)) return true;
  return words.some((w, i) => {
    const next = words[i + 1];
    if (next === undefined) return false;
    if (w === 'welke' || w === 'welk' || (w === 'voor' && asksWhatKind(words, i))) return ORGANISATION_NOUN.test(next === 'een' ? (words[i + 2] ?? '') : next);
    return w === 'wie' && MAKING.has(next);
  });
}

/** "wat voor", or "wat is dat voor" (also "zijn", "dit", "het"), before the "voor" at `i`. */
function asksWhatKind(words: readonly string[], i: number): boolean {
  if (words[i - 1] === 'wat') return true;
  return words[i - 3] === 'wat' && (words[i - 2] === 'is' || words[i - 2] === 'zijn') && ['dat', 'dit', 'het'].includes(words[i - 1]!);
}
