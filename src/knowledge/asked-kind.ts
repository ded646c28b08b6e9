import { contentWords, foldedWords } from './normalize.js';

/**
 * How a question asks which kind of thing something is. The kind it names ("welke conditie", "wat voor
 * organisatie", "wat is dat voor club") is the frame of the question, not what it asks about: the lookup reads
 * those words as the scene (search.ts), and asked-organisation.ts reads an organisation noun there as a question
 * for an organisation.
 */

/** Words right before the noun of the kind asked for: "welke conditie", "wat voor organisatie", "wat is dat voor club". */
const BEFORE_KIND_NOUN = ['welke', 'welk', 'wat voor', ...['is', 'zijn'].flatMap((verb) => ['dat', 'dit', 'het'].map((it) => `wat ${verb} ${it} voor`))].map((phrase) => phrase.split(' '));

/** Words that ask which kind of thing a description is: those, and "zo'n voorziening", "hoe heet die ...". */
const ASKING_KIND = [...BEFORE_KIND_NOUN, ...['zo n', 'zon', 'which', 'what kind of', 'hoe heet die', 'hoe heet deze'].map((phrase) => phrase.split(' '))];

/** Words that make the words between "wat is" and "voor een" a description, not a name: "wat is de subsidie voor een club". */
const ARTICLES = new Set(['de', 'het', 'een', 'n']);

/**
 * The content tokens (as queryTokens reads them) of a question for the kind of thing the words before it
 * describe: "grip op inkomen en wonen, welke conditie van sociale kwaliteit is dat" -> the positions of conditie,
 * sociale, kwaliteit. Empty when nothing comes before the question word ("welke wet regelt de bijstand").
 */
export function askedKindPositions(text: string): Set<number> {
  const words = foldedWords(text);
  const content = contentWords(words);
  for (let k = 1; k < content.length; k++) {
    for (let at = content[k - 1]!.at + 1; at < content[k]!.at; at++) {
      if (ASKING_KIND.some((phrase) => phrase.every((w, i) => words[at + i] === w))) return new Set(content.slice(k).map((_, i) => k + i));
    }
  }
  const leading = leadingKind(words, content);
  return leading.size > 0 ? leading : trailingKind(words, content);
}

/** "wat voor organisatie is platform 31": the kind asked for comes first, before "is", and what follows is asked about. */
function leadingKind(words: readonly string[], content: ReadonlyArray<{ at: number }>): Set<number> {
  const phrase = ASKING_KIND.find((p) => p.every((w, i) => words[i] === w));
  const verb = words.findIndex((w, at) => at >= (phrase?.length ?? 0) && (w === 'is' || w === 'zijn'));
  if (phrase === undefined || verb < 0) return new Set();
  const kind = content.flatMap(({ at }, k) => (at >= phrase.length && at < verb ? [k] : []));
  return kind.length > 0 && kind.length < content.length ? new Set(kind) : new Set();
}

/** "wat is movisie voor een club": the kind asked for comes last, after "voor een", and the name before it is asked about. */
function trailingKind(words: readonly string[], content: ReadonlyArray<{ at: number }>): Set<number> {
  const kind = trailingKindNoun(words);
  if (kind === undefined) return new Set();
  const k = content.findIndex(({ at }) => at === kind);
  return k > 0 ? new Set([k]) : new Set();
}

/**
 * The folded word positions of the nouns a question names as the kind it asks for: right after "welk(e)", "wat
 * voor" or "wat is dat voor" (an "een" in between skipped), and last in "wat is <name> voor een <kind>".
 */
export function kindNouns(words: readonly string[]): number[] {
  const nouns = words.flatMap((_, at) => {
    const phrase = BEFORE_KIND_NOUN.find((p) => p.every((w, i) => words[at + i] === w));
    if (phrase === undefined) return [];
    const noun = at + phrase.length + (words[at + phrase.length] === 'een' ? 1 : 0);
    return noun < words.length ? [noun] : [];
  });
  const trailing = trailingKindNoun(words);
  return trailing === undefined ? nouns : [...nouns, trailing];
}

/** The folded word position of the kind noun in "wat is <name> voor een <kind>", if the question ends so. */
function trailingKindNoun(words: readonly string[]): number | undefined {
  const last = words.length - 1;
  if (last < 5 || words[0] !== 'wat' || (words[1] !== 'is' && words[1] !== 'zijn')) return undefined;
  if (words[last - 2] !== 'voor' || (words[last - 1] !== 'een' && words[last - 1] !== 'n')) return undefined;
  const name = words.slice(2, last - 2);
  return name.some((w) => ARTICLES.has(w)) ? undefined : last;
}
