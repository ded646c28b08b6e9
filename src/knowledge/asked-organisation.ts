import type { CategoryId } from './schema.js';

/**
 * A question that asks which organisation did or made something ("welk onderzoeksbureau bedacht de drie sferen",
 * "wie deed het secretariaat van ...") asks for an organisation, even when it names what the organisation made:
 * the made thing is the scene. Only an organisation noun after "welk(e)" or "wat voor", or "wie" with a verb of
 * making, counts: "wie werken er in een wijkteam" asks for people, not for an organisation.
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
  return words.some((w, i) => {
    const next = words[i + 1];
    if (next === undefined) return false;
    if (w === 'welke' || w === 'welk' || (w === 'voor' && words[i - 1] === 'wat')) return ORGANISATION_NOUN.test(next);
    return w === 'wie' && MAKING.has(next);
  });
}
