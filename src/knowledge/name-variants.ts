import { plainTerm } from './concept-names.js';
import { LOOKUP_TUNING } from './lookup-tuning.js';
import { foldText, stemWord, type Token } from './normalize.js';
import { knownWordTest, type PhraseRule } from './query-parts.js';
import type { NameEntry } from './rank.js';
import type { Concept } from './schema.js';
import { MIN_PART_LENGTH, splitCompound, splitModifier } from './word-parts.js';

/**
 * What the index derives from the names as written, as resumable steps: the variants a name is also found by
 * (its joined compound, its compound parts), the broad names, and the names that stand for one another.
 */

/** One analysed name of a concept, as the index build sees it. */
export interface AnalysedName {
  readonly concept: number;
  readonly phrase: string;
  readonly tokens: readonly Token[];
}

type Postings = ReadonlyMap<string, readonly number[]>;

/**
 * Every name with a compound made of known words also gets a variant with the parts, so that the phrase
 * variants people type meet it: "kosten van de zorg" meets "zorgkosten", "teams in de wijk" meets "wijkteam".
 */
export function* compoundVariantSteps(
  analysis: readonly AnalysedName[],
  vocab: { postings: Postings; stemOfWord: ReadonlyMap<string, string> },
  addName: (entry: NameEntry) => void,
): Generator<void, void> {
  const isKnown = knownWordTest(vocab);
  // a word recurs in many names: split each one once
  const partsOf = new Map<string, readonly string[] | undefined>();
  const stemsOfParts = (word: string): readonly string[] | undefined => {
    if (word.length < 2 * MIN_PART_LENGTH) return undefined;
    if (partsOf.has(word)) return partsOf.get(word);
    const known = (p: string): boolean => p !== word && isKnown(p);
    const parts = (splitCompound(word, known) ?? splitModifier(word, (p) => p !== word && vocab.stemOfWord.has(p)))?.map((p) => vocab.stemOfWord.get(p) ?? stemWord(p));
    partsOf.set(word, parts);
    return parts;
  };
  for (const [i, { concept, phrase, tokens }] of analysis.entries()) {
    if (i % 50 === 49) yield;
    if (!tokens.some((t) => t.word.length >= 2 * MIN_PART_LENGTH)) continue;
    let split = false;
    const stems = tokens.flatMap((t) => {
      const parts = stemsOfParts(t.word);
      if (!parts) return [t.stem];
      split = true;
      return parts;
    });
    if (split) addName({ concept, stems, phrase, words: phrase.split(' ').length });
  }
}

/**
 * The broad names: a short name (one or two words) that is part of the names of several other concepts ("sociale
 * basis" in "persoonlijke sociale basis", "drie doelen sociale basis", ...). Next to other words it is context.
 */
export function* broadNameSteps(names: readonly NameEntry[], postings: Postings): Generator<void, Set<number>> {
  const broad = new Set<number>();
  for (const [i, name] of names.entries()) {
    if (i % 500 === 499) yield;
    if (name.stems.length === 0 || name.stems.length > 2) continue;
    let rarest: readonly number[] = postings.get(name.stems[0]!) ?? [];
    for (const stem of name.stems) {
      const list = postings.get(stem) ?? [];
      if (list.length < rarest.length) rarest = list;
    }
    if (rarest.length <= LOOKUP_TUNING.broadNameMinOthers) continue; // too few names hold it to be broad
    const others: number[] = [];
    for (const id of rarest) {
      const other = names[id]!;
      if (other.concept === name.concept || others.includes(other.concept)) continue;
      if (name.stems.every((s) => other.stems.includes(s))) others.push(other.concept);
      if (others.length >= LOOKUP_TUNING.broadNameMinOthers) {
        broad.add(i);
        break;
      }
    }
  }
  return broad;
}

/** Name variants as stem lists: the words, and for names of two or three words the joined compound. */
export function stemVariants(tokens: readonly Token[], joinedStem: string | undefined, stemOfWord: Map<string, string>): string[][] {
  if (tokens.length === 0) return [];
  const variants = [tokens.map((t) => t.stem)];
  if (joinedStem !== undefined) {
    stemOfWord.set(tokens.map((t) => t.word).join(''), joinedStem);
    variants.push([joinedStem]);
  }
  return variants;
}

/**
 * The names that stand for a concept's term inside other names: "welzijnswerk" is "sociaal werk", so "wat levert
 * welzijnswerk op" meets "wat levert sociaal werk op" of another concept. Only for a short term (three words at
 * most) that other concepts' names are built on; every other name of the concept then reads as that term.
 */
export function* equivalentNameSteps(concepts: readonly Concept[], analysis: readonly AnalysedName[], names: readonly NameEntry[], postings: Postings): Generator<void, PhraseRule[]> {
  const rules: PhraseRule[] = [];
  const byConcept = new Map<number, AnalysedName[]>();
  for (const a of analysis) {
    const list = byConcept.get(a.concept);
    if (list) list.push(a);
    else byConcept.set(a.concept, [a]);
  }
  let done = 0;
  for (const [ci, own] of byConcept) {
    if (++done % 100 === 0) yield;
    const plain = foldText(plainTerm(concepts[ci]!.term));
    const means = own.find((a) => a.phrase === plain)?.tokens.map((t) => t.stem);
    if (!means || means.length === 0 || means.length > 3 || !isBuiltOn(means, ci, names, postings)) continue;
    for (const a of own) {
      const say = a.tokens.map((t) => t.stem);
      if (say.length > 0 && say.join(' ') !== means.join(' ')) rules.push({ say, means });
    }
  }
  return rules;
}

/** True when a name of another concept holds every one of `stems`. */
function isBuiltOn(stems: readonly string[], concept: number, names: readonly NameEntry[], postings: Postings): boolean {
  let rarest: readonly number[] | undefined;
  for (const stem of stems) {
    const list = postings.get(stem) ?? [];
    if (!rarest || list.length < rarest.length) rarest = list;
  }
  return (rarest ?? []).some((id) => names[id]!.concept !== concept && stems.every((s) => names[id]!.stems.includes(s)));
}
