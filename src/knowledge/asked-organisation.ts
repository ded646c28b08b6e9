import { kindNouns } from './asked-kind.js';
import type { CategoryId } from './schema.js';

/**
 * A question that asks which organisation did or made something ("welk onderzoeksbureau bedacht de drie sferen",
 * "wie deed het secretariaat van ...") asks for an organisation, even when it names what the organisation made:
 * the made thing is the scene. Only an organisation noun named as the kind asked for (asked-kind.ts: "welk(e)
 * ...", "wat voor ...", "wat is dat voor ...", "wat is <name> voor een ..."), or "wie" with a verb of making,
 * counts: "wie werken er in een wijkteam" asks for people, not for an organisation.
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
  if (kindNouns(words).some((at) => ORGANISATION_NOUN.test(words[at]!))) return true;
  return words.some((w, i) => w === 'wie' && MAKING.has(words[i + 1] ?? ''));
}
