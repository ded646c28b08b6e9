/**
 * Dutch word formation the Snowball stemmer does not cover: compounds ("zorgkosten" is "kosten" of "zorg",
 * "bijstandsuitkering" an "uitkering" of the "bijstand") and agent nouns ("opbouwwerker" does "opbouwwerk").
 * Works on folded words against the words of the knowledge's names, so it needs no dictionary.
 */

/** Parts shorter than this are never split off: "wijk", "zorg", "team" and "werk" are the shortest that count. */
export const MIN_PART_LENGTH = 4;

/** Letters Dutch puts between the parts of a compound: "bijstand-s-uitkering", "jongeren-werk". */
const LINKING = ['s', 'e'];

/**
 * The known words a compound is made of, or undefined: both parts must be known words (`isKnown`), and a known
 * part that is itself a compound is split too ("sociaalwerkorganisatie" -> sociaal, werk, organisatie).
 */
export function splitCompound(word: string, isKnown: (part: string) => boolean, depth = 2): string[] | undefined {
  if (depth === 0 || word.length < 2 * MIN_PART_LENGTH) return undefined;
  // the longest head first: the last part of a Dutch compound carries its meaning
  for (let i = MIN_PART_LENGTH; i <= word.length - MIN_PART_LENGTH; i++) {
    const head = word.slice(i);
    if (!isKnown(head)) continue;
    const modifier = knownModifier(word.slice(0, i), isKnown);
    if (modifier === undefined) continue;
    return [...(splitCompound(modifier, isKnown, depth - 1) ?? [modifier]), ...(splitCompound(head, isKnown, depth - 1) ?? [head])];
  }
  return undefined;
}

/**
 * The known parts of an unknown query word, when at least one side of a split is a known word and the other is
 * a plausible word (three letters or more): "begrotingstekort" -> [tekort], "bijstandsuitkering" -> [bijstand].
 * The split that leaves the most letters known wins; [] when there is none.
 */
export function knownParts(word: string, isKnown: (part: string) => boolean): string[] {
  const both = splitCompound(word, isKnown, 1);
  if (both) return both;
  let best: string[] = [];
  let bestLength = 0;
  const consider = (parts: readonly string[] | undefined): void => {
    const length = parts?.reduce((n, p) => n + p.length, 0) ?? 0;
    if (parts && length > bestLength) [best, bestLength] = [[...parts], length];
  };
  for (let i = 3; i <= word.length - 3; i++) {
    const head = word.slice(i);
    if (head.length >= MIN_PART_LENGTH && isKnown(head)) consider([head]);
    const modifier = knownModifier(word.slice(0, i), isKnown);
    // the known side may itself be a compound of known words ("wijkteam|leider")
    consider(modifier !== undefined ? [modifier] : splitCompound(word.slice(0, i), isKnown, 1));
  }
  return best;
}

/** A head the knowledge never writes on its own is split off only from this length: "initiatief", "waardering". */
export const MIN_NEW_HEAD_LENGTH = 5;

/** Word endings, not words: "kant|eling", "gemeente|lijke", "bekost|iging", "vrij|willige" are no compounds. */
const SUFFIX_START = /^(lijk|ig|isch|heid|schap|baar|loos|achtig|eling|ing)/;
const ADJECTIVE_END = /ig(e|er|ers|en)?$/;

/**
 * A compound of the knowledge whose modifier is a word of the knowledge and whose head is not (yet):
 * "bewoners|initiatief", "mantelzorg|waardering", "lange|termijn|visie". The longest such modifier wins; the head
 * is split further when it is made of known words. Undefined when there is none, or the head is a word ending.
 */
export function splitModifier(word: string, isWord: (part: string) => boolean): string[] | undefined {
  for (let i = word.length - MIN_NEW_HEAD_LENGTH; i >= MIN_PART_LENGTH; i--) {
    const modifier = word.slice(0, i);
    if (!isWord(modifier)) continue;
    const head = linkedHead(modifier, word.slice(i));
    if (head === undefined || head.length < MIN_NEW_HEAD_LENGTH || SUFFIX_START.test(head) || ADJECTIVE_END.test(head)) continue;
    return [modifier, ...(splitCompound(head, isWord, 1) ?? [head])];
  }
  return undefined;
}

/**
 * The head after a modifier, without a linking s where Dutch puts one: "welzijn|s|instelling", "erkenning|s|niveaus",
 * "bijstand|s|gerechtigde" (no word starts with "sg"); "vrijwilligers|steunpunt" keeps its s. Undefined when it
 * cannot be told ("welzijn|scoach" or "welzijn|s|coach").
 */
function linkedHead(modifier: string, rest: string): string | undefined {
  if (!rest.startsWith('s') || modifier.endsWith('s')) return rest;
  const bare = rest.slice(1);
  if (/^[aeiouys]/.test(bare) || /(ing|heid|teit|schap)$/.test(modifier) || /^s[bdfgrvz]/.test(rest)) return bare;
  return undefined;
}

function knownModifier(modifier: string, isKnown: (part: string) => boolean): string | undefined {
  if (modifier.length >= MIN_PART_LENGTH && isKnown(modifier)) return modifier;
  for (const link of LINKING) {
    if (modifier.endsWith(link)) {
      const bare = modifier.slice(0, -link.length);
      if (bare.length >= MIN_PART_LENGTH && isKnown(bare)) return bare;
    }
  }
  return undefined;
}

/** The activity an agent noun does, when that activity is a known word: "buurtwerker" -> "buurtwerk". */
export function agentActivity(word: string, isKnown: (w: string) => boolean): string | undefined {
  for (const suffix of ['ers', 'er', 'sters', 'ster']) {
    if (!word.endsWith(suffix)) continue;
    const activity = word.slice(0, -suffix.length);
    if (activity.length >= MIN_PART_LENGTH && isKnown(activity)) return activity;
  }
  return undefined;
}


/**
 * The infinitive-like roots a conjugated verb may come from, for a word the knowledge does not have: the
 * Snowball stemmer keeps the -t of "bespaart", "voorkomt", "verwijst" and the ge-...-d of "gefinancierd",
 * which the knowledge writes as "besparen", "voorkomen", "verwijzen", "financiering". The caller keeps the
 * first root whose stem is known; roots shorter than MIN_PART_LENGTH are never tried.
 */
export function verbRoots(word: string): string[] {
  const roots: string[] = [];
  const participle = word.startsWith('ge') ? word.slice(2) : undefined;
  for (const form of participle === undefined ? [word] : [word, participle]) {
    if (form !== word) roots.push(form); // "gemeten" -> "meten"
    if (/[td]$/.test(form)) roots.push(form.slice(0, -1)); // "bespaart" -> "bespaar", "gefinancierd" -> "financier"
  }
  return roots.filter((r) => r.length >= MIN_PART_LENGTH);
}

/** The word with each "y" written as "ij", or undefined without a "y". */
export function ijSpelling(word: string): string | undefined {
  return word.includes('y') ? word.replace(/y/g, 'ij') : undefined;
}

/** The word with each pair of adjacent letters swapped once ("domien" -> "odmien", "dmoien", ..., "domein"). */
export function transpositions(word: string): string[] {
  const swapped: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] !== word[i + 1]) swapped.push(word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2));
  }
  return swapped;
}
