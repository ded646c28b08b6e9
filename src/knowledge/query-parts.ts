import Fuse from 'fuse.js';
import { LOOKUP_TUNING } from './lookup-tuning.js';
import { queryTokens, stemWord, type ParticleJoin, type Token } from './normalize.js';
import type { Synonym } from './synonyms.js';
import type { TrigramIndex } from './trigram-index.js';
import { agentActivity, ijSpelling, knownParts, transpositions, verbRoots } from './word-parts.js';

/**
 * How the words of a query reach the words of the knowledge: as typed, with a typo, as a compound of known
 * words, as an agent noun, joined with their neighbours ("jeugd wet"), or through synonyms.yaml.
 */

export interface WordMatch {
  readonly stem: string;
  readonly sim: number;
  /** Found as a typo's look-alike, not as the word itself or a form of it. */
  readonly lookAlike?: boolean;
}

/** Query words `from`..`to` (one word, adjacent words joined, or a phrase) and the knowledge stems they reach. */
export interface QueryPart {
  readonly from: number;
  readonly to: number;
  readonly matches: readonly WordMatch[];
}

/** What the index knows of its own words. */
export interface Vocabulary {
  /** Stem -> the names that hold it. */
  readonly postings: ReadonlyMap<string, readonly number[]>;
  /** Every folded word of every name (and joined compound), with its stem. */
  readonly stemOfWord: ReadonlyMap<string, string>;
  readonly trigrams: TrigramIndex;
}

/** A compiled synonym: the content stems of a phrase people say, and the stems of what it means. */
export interface PhraseRule {
  readonly say: readonly string[];
  readonly means: readonly string[];
}

/** True when `part` is a word or stem of the knowledge's names. */
export function knownWordTest(vocab: Pick<Vocabulary, 'postings' | 'stemOfWord'>): (part: string) => boolean {
  return (part) => vocab.stemOfWord.has(part) || vocab.postings.has(part);
}

/**
 * `synonyms`: everyday words from synonyms.yaml; `equivalents`: the names that stand for a concept's term inside
 * other names (name-variants.ts), a little surer than a synonym.
 */
export function createQueryReader(
  vocab: Vocabulary,
  synonyms: readonly Synonym[],
  equivalents: readonly PhraseRule[] = [],
): (tokens: readonly Token[], joins?: readonly ParticleJoin[]) => QueryPart[] {
  const t = LOOKUP_TUNING;
  const isKnown = knownWordTest(vocab);
  const stemOf = (word: string): string => vocab.stemOfWord.get(word) ?? stemWord(word);
  const rules = new Map<string, Array<PhraseRule & { sim: number }>>();
  const addRule = (rule: PhraseRule, sim: number): void => {
    if (rule.say.length === 0) return;
    const list = rules.get(rule.say[0]!) ?? [];
    list.push({ ...rule, sim });
    rules.set(rule.say[0]!, list);
  };
  for (const { means, say } of synonyms) {
    const meant = queryTokens(means).map((tok) => tok.stem);
    for (const phrase of say) addRule({ say: queryTokens(phrase).map((tok) => tok.stem), means: meant }, t.synonymSimilarity);
  }
  for (const rule of equivalents) addRule(rule, t.equivalentSimilarity);

  function fuzzy(word: string): WordMatch[] {
    const best = new Map<string, number>();
    const near = vocab.trigrams.near(word, t.maxFuzzyCandidates).filter((w) => w !== word && lengthRatio(w, word) >= t.minLengthRatio);
    if (near.length === 0) return [];
    const fuse = new Fuse(near, { includeScore: true, ignoreLocation: true, isCaseSensitive: true, threshold: 1 - t.minWordSimilarity });
    for (const r of fuse.search(word)) {
      // fuse.js scores the best substring; scale by length so "huismoet" beats "huismoetger" for "huismfet"
      const sim = (1 - (r.score ?? 1)) * Math.sqrt(lengthRatio(r.item, word)) * t.fuzzyDiscount;
      const stem = vocab.stemOfWord.get(r.item)!;
      if (sim >= t.minWordSimilarity * t.fuzzyDiscount && sim > (best.get(stem) ?? 0)) best.set(stem, sim);
    }
    return [...best].map(([stem, sim]) => ({ stem, sim, lookAlike: true }));
  }

  /** The parts for one word: as typed, or else its typo look-alikes or else its known compound parts; and its activity. */
  function wordParts(token: Token, at: number): QueryPart[] {
    const activity = agentActivity(token.word, isKnown);
    const parts: QueryPart[] = activity ? [{ from: at, to: at, matches: [{ stem: stemOf(activity), sim: t.agentSimilarity }] }] : [];
    // a word the knowledge knows is taken as typed: no look-alikes (faster, and no drift to a neighbour)
    if (vocab.postings.has(token.stem)) return [{ from: at, to: at, matches: [{ stem: token.stem, sim: 1 }] }, ...parts];
    // "y" typed for the Dutch "ij" ("welzyn", "wyk") is a way of writing, not a typo
    const spelled = ijSpelling(token.word);
    const spelledStem = spelled === undefined ? undefined : stemWord(spelled);
    if (spelledStem !== undefined && vocab.postings.has(spelledStem)) return [{ from: at, to: at, matches: [{ stem: spelledStem, sim: t.spellingSimilarity }] }, ...parts];
    if (token.word.length < t.minFuzzyQueryLength || /\d/.test(token.word)) return parts;
    // a conjugated verb the knowledge names in another form ("bespaart" for "besparen") is that word, not a typo
    const verb = verbRoots(token.word).map(stemWord).find((stem) => vocab.postings.has(stem));
    if (verb !== undefined) return [{ from: at, to: at, matches: [{ stem: verb, sim: t.verbFormSimilarity }] }, ...parts];
    // two letters typed the wrong way round ("domien") are one slip, though fuse.js counts two edits
    const swapped = transpositions(token.word).find((w) => vocab.stemOfWord.has(w));
    if (swapped !== undefined) return [{ from: at, to: at, matches: [{ stem: stemOf(swapped), sim: t.transpositionSimilarity, lookAlike: true }] }, ...parts];
    const lookAlikes = fuzzy(token.word);
    // a word with no look-alike may be a compound the knowledge does not know ("begrotings|tekort")
    const pieces = lookAlikes.length > 0 ? [] : knownParts(token.word, isKnown);
    if (lookAlikes.length > 0) parts.push({ from: at, to: at, matches: lookAlikes });
    if (pieces.length > 0) {
      // the head of a Dutch compound carries its meaning: "begrotings|tekort" is a tekort, but "basis|registratie"
      // is no kind of basis, so a reading by the modifier alone is a weaker hint
      const sim = token.word.endsWith(pieces[pieces.length - 1]!) ? t.compoundPartSimilarity : t.modifierPartSimilarity;
      parts.push({ from: at, to: at, matches: pieces.map((p) => ({ stem: stemOf(p), sim })) });
    }
    return parts;
  }

  /** Two or three adjacent words written apart that the knowledge writes as one ("jeugd wet" -> jeugdwet, "opbouw werker"). */
  function joinedParts(tokens: readonly Token[]): QueryPart[] {
    const parts: QueryPart[] = [];
    for (let len = 2; len <= 3; len++) {
      for (let i = 0; i + len <= tokens.length; i++) {
        const joined = tokens.slice(i, i + len).map((tok) => tok.word).join('');
        const stem = stemWord(joined);
        if (vocab.postings.has(stem)) {
          parts.push({ from: i, to: i + len - 1, matches: [{ stem, sim: 1 }] });
          continue;
        }
        // an agent noun written apart: "opbouw werker" does opbouwwerk
        const activity = agentActivity(joined, isKnown);
        if (activity) parts.push({ from: i, to: i + len - 1, matches: [{ stem: stemOf(activity), sim: t.agentSimilarity }] });
      }
    }
    return parts;
  }

  function synonymParts(tokens: readonly Token[]): QueryPart[] {
    // a verb in the table matches its conjugations too: "voorkomen" also says "voorkomt"
    const forms = tokens.map((tok) => [tok.stem, ...verbRoots(tok.word).map(stemWord)]);
    const parts: QueryPart[] = [];
    forms.forEach((stems, i) => {
      for (const first of stems) {
        for (const rule of rules.get(first) ?? []) {
          if (rule.say.every((stem, k) => k === 0 || forms[i + k]?.includes(stem))) {
            parts.push({ from: i, to: i + rule.say.length - 1, matches: rule.means.map((stem) => ({ stem, sim: rule.sim })) });
          }
        }
      }
    });
    return parts;
  }

  /**
   * A separable verb split over the question, at the particle's place: "werk ... samen" is samenwerking, "praat ...
   * mee" is meepraten (synonyms.yaml). Its forms are tried as typed, without a conjugation's ending, and as an
   * infinitive ("meedoe|n", "afbaken|en").
   */
  function particleParts(joins: readonly ParticleJoin[]): QueryPart[] {
    const parts: QueryPart[] = [];
    for (const { at, joined } of joins) {
      for (const word of joined) {
        const roots = [word, ...verbRoots(word)];
        const stems = [...roots, ...roots.flatMap((r) => [`${r}n`, `${r}en`])].map(stemWord);
        const known = stems.find((stem) => vocab.postings.has(stem));
        if (known !== undefined) parts.push({ from: at, to: at, matches: [{ stem: known, sim: t.verbFormSimilarity }] });
        const rule = stems.flatMap((stem) => rules.get(stem) ?? []).find((r) => r.say.length === 1);
        if (rule) parts.push({ from: at, to: at, matches: rule.means.map((stem) => ({ stem, sim: rule.sim * t.verbFormSimilarity })) });
      }
    }
    return parts;
  }

  return (tokens, joins = []) => [...tokens.flatMap((token, i) => wordParts(token, i)), ...joinedParts(tokens), ...synonymParts(tokens), ...particleParts(joins)];
}

function lengthRatio(a: string, b: string): number {
  return Math.min(a.length, b.length) / Math.max(a.length, b.length);
}
