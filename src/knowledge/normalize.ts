import { StemmerNl } from '@nlpjs/lang-nl';

/**
 * Dutch-aware text normalisation shared by the index (terms, aliases) and queries, so that both sides
 * are folded the same way: case, diacritics, punctuation, number words, filler words and word endings.
 */

/** The Snowball Dutch algorithm; @nlpjs/lang-nl's implementation is about 5x faster than snowball-stemmers. */
const dutch = new StemmerNl();

/** Question phrasing and function words that carry no meaning for a concept lookup (NL and EN). */
const STOPWORDS = new Set(
  (
    'de het een der des den van en of in op aan bij met voor naar te tot om door over als dat die dit deze er is zijn was waren ' +
    'onder via tegen tussen binnen achter valt vallen ' +
    'wat hoe wie waarom wanneer welke welk waar je jij jou jouw ik we wij ze zij hij u mijn mij me ons onze hun hen t s m n ' +
    // "wat doet de wmo", "wat doen ze": asking what something does is asking what it is
    'doet doen deed ' +
    'eigenlijk precies nou even graag aub pls svp please dan toch nog eens al ook maar echt nu hier daar zo ' +
    'kun kan kunnen kunt moet moeten mag wordt worden werd hebben heb hebt heeft had gedaan zit zitten hoort horen ' +
    // "hoe heet dat", "hoe noem je zoiets": asking for the name of what the question describes
    'heet heten noem noemt noemen genoemd zoiets ' +
    'uitleg uitleggen leg uit betekent betekenen betekenis bedoelen bedoelt bedoeld bedoel definitie definieer omschrijving ' +
    'kort vertel weten wil willen zeg zeggen iets over info informatie vraag ' +
    'the a an to is are was what whats does do did mean means meaning how why who which explain define definition about tell me please ' +
    'and or it its this that these those ' +
    'for with on among by from at between within ' +
    // contrast, read by contrastPositions: "ipv", "instead of", "rather than"
    'ipv instead rather than'
  ).split(/\s+/),
);

/** Number words as digits: "drie doelen" is "3 doelen". */
const NUMBER_WORDS: Readonly<Record<string, string>> = {
  twee: '2', drie: '3', vier: '4', vijf: '5', zes: '6', zeven: '7', acht: '8', negen: '9', tien: '10',
  two: '2', three: '3', four: '4', five: '5',
};

/**
 * Ordinals as a digit after their noun: "derde knop" is "knop 3", as the knowledge names it. Kept apart from
 * the cardinals' order, so "vijf knoppen" (all five) does not read as "vijfde knop" (the fifth).
 */
const ORDINALS: Readonly<Record<string, string>> = {
  eerste: '1', tweede: '2', derde: '3', vierde: '4', vijfde: '5', zesde: '6', zevende: '7', achtste: '8', negende: '9', tiende: '10',
  first: '1', second: '2', third: '3', fourth: '4', fifth: '5',
};

/** Lowercase, no diacritics, punctuation to spaces, possessive 's dropped, single spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`´]s\b/g, '')
    .replace(/&/g, ' en ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function foldedWords(text: string): string[] {
  const folded = foldText(text);
  if (!folded) return [];
  const words = folded.split(' ').map((w) => NUMBER_WORDS[w] ?? w);
  for (let i = 0; i < words.length; i++) {
    const ordinal = ORDINALS[words[i]!];
    if (ordinal === undefined) continue;
    const noun = words[i + 1];
    if (noun === undefined || /^\d+$/.test(noun)) {
      words[i] = ordinal;
    } else {
      words.splice(i, 2, noun, ordinal);
      i++;
    }
  }
  return words;
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/**
 * The matching key of one folded word: the Dutch Snowball stem with doubled letters collapsed and final
 * z/v devoiced, so that visieloze/visieloos, knopen/knoppen and sociaal/sociale meet.
 */
const stemCache = new Map<string, string>();

export function stemWord(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = computeStem(word);
    if (stemCache.size > 200_000) stemCache.clear(); // bound memory against endless unique query words
    stemCache.set(word, stem);
  }
  return stem;
}

function computeStem(word: string): string {
  return dutch
    .stemWord(word)
    .replace(/ies$/, 'ie')
    .replace(/(.)\1+/g, '$1')
    .replace(/z$/, 's')
    .replace(/v$/, 'f');
}

export interface Token {
  /** The folded word as typed (used to rebuild compounds). */
  readonly word: string;
  readonly stem: string;
}

function toTokens(words: readonly string[]): Token[] {
  return words.map((word) => ({ word, stem: stemWord(word) }));
}

/** Verbs that are question phrasing right after "hoe": "hoe werkt de wmo" asks about the wmo, not "wat werkt". */
const AFTER_HOE = new Set(['werkt', 'werken', 'functioneert', 'gaat']);

/** Content tokens of a query: filler and question words removed ("wat is de sociale basis?" -> sociale, basis). */
export function queryTokens(text: string): Token[] {
  return toTokens(contentWords(foldedWords(text)).map((i) => i.word));
}

/** Prepositions that open a modifier of the words before them: "subsidie voor het buurthuis" is about subsidie. */
const PREPOSITIONS = new Set('van voor op met bij in aan naar onder over via tegen tussen binnen achter door for with on among by from at between within'.split(' '));

/**
 * How many content tokens of a query (as queryTokens reads it) come before the first preposition that follows
 * one: the topic of the question. "evaluatie van de sociale basis" -> 1 (evaluatie); the token count when
 * there is no such preposition ("wat is de sociale basis", "met de sociale basis").
 */
export function topicLength(text: string): number {
  const words = foldedWords(text);
  const content = contentWords(words);
  for (let k = 1; k < content.length; k++) {
    for (let at = content[k - 1]!.at + 1; at < content[k]!.at; at++) if (PREPOSITIONS.has(words[at]!)) return k;
  }
  return content.length;
}

/** Words that ask for the name of what the rest of the question describes. */
const ASKING_NAME = ['hoe heet', 'hoe heten', 'hoe noem', 'hoe noemt', 'hoe noemen', 'woord voor', 'term voor', 'naam voor', 'what is it called', 'what do you call'].map((phrase) => phrase.split(' '));

/**
 * True when the question asks for the name of what it describes: "buurtbewoners beginnen zelf een moestuin, hoe
 * heet zoiets". Its words are then a description, so the concepts' own texts weigh more (description-rank.ts).
 */
export function asksForName(text: string): boolean {
  const words = foldedWords(text);
  return words.some((_, at) => ASKING_NAME.some((phrase) => phrase.every((w, i) => words[at + i] === w)));
}

/** Words that set what follows them against the question: "vast bedrag in plaats van per uur" does not ask about uren. */
const CONTRASTING = ['in plaats van', 'ipv', 'instead of', 'rather than'].map((phrase) => phrase.split(' '));

/**
 * The content tokens (as queryTokens reads them) of what a question sets itself against, up to the end of that
 * clause: "betalen op wat het oplevert in plaats van op uren" -> the position of uren. Like a publisher, they only
 * set the scene: the question is about what the words before describe.
 */
export function contrastPositions(text: string): Set<number> {
  const positions = new Set<number>();
  let before = 0;
  for (const clause of text.split(/[,;.?!:]/)) {
    const words = foldedWords(clause);
    const content = contentWords(words);
    const start = words.findIndex((_, at) => CONTRASTING.some((phrase) => phrase.every((w, i) => words[at + i] === w)));
    if (start > 0) content.forEach(({ at }, k) => at > start && positions.add(before + k));
    before += content.length;
  }
  return positions;
}

/** Particles of Dutch separable verbs that stand apart at the end of a clause: "werk ... samen", "praat ... mee". */
const PARTICLES = new Set(['samen', 'mee', 'terug', 'af', 'toe', 'weg']);

/** A separable particle (its content position) and the words before it it may belong to. */
export interface ParticleJoin {
  readonly at: number;
  /** The particle joined with each earlier word, filler or not: "samenwerk", "meedoet". */
  readonly joined: readonly string[];
}

/**
 * The separable verbs a question may split: "hoe werk je als gemeente samen met de swo" holds "samenwerk",
 * "hoe doen inwoners mee" holds "meedoen". The caller keeps the joins that are words of the knowledge.
 */
export function particleJoins(text: string): ParticleJoin[] {
  const words = foldedWords(text);
  return contentWords(words).flatMap(({ word, at }, k) =>
    PARTICLES.has(word) ? [{ at: k, joined: words.slice(0, at).filter((w) => !PARTICLES.has(w) && w.length >= 2).map((w) => word + w) }] : [],
  );
}

export function contentWords(words: readonly string[]): Array<{ word: string; at: number }> {
  const content: Array<{ word: string; at: number }> = [];
  words.forEach((word, at) => {
    if (STOPWORDS.has(word) || (AFTER_HOE.has(word) && words[at - 1] === 'hoe')) return;
    // "in plaats van" is one word, "instead of"
    if (word === 'plaats' && words[at - 1] === 'in' && words[at + 1] === 'van') return;
    content.push({ word, at });
  });
  return content;
}

/** Content tokens of a term or alias; a name made only of filler words keeps them, so no name becomes empty. */
export function nameTokens(text: string): Token[] {
  const words = foldedWords(text);
  const content = words.filter((w) => !STOPWORDS.has(w));
  return toTokens(content.length > 0 ? content : words);
}
