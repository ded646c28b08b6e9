/**
 * Readability as content editors measure it: words per sentence and the share of words of four or more
 * syllables. A port of the team's measuring script (`readability.mjs`), kept step for step the same
 * (sentence splitting, word splitting, syllables as vowel groups) so `validate` and the script give the same
 * figures on the same files. Change the method here and there together, or the figures stop agreeing.
 */

/** A sentence that ends in one of these abbreviations goes on: "o.a. de Wmo" is one sentence. */
const ABBREVIATION_END = /\b(o\.a|bijv|bv|e\.d|enz|art|d\.w\.z|m\.b\.t|i\.p\.v|t\.o\.v|incl|excl|nr|blz|ca|mr|dr|prof|drs|ir|jl|St|vs)\.$/i;

/** Paragraphs, list items and numbered items are sentences of their own, even without a full stop. */
const BLOCK_BREAK = /\n\s*\n|\n\s*[-•]\s+|\n(?=\s*\d+\.\s)/;
const SENTENCE_BREAK = /(?<=[.!?])\s+(?=[A-Z0-9ÀÉÈ"'“(])/;

/** Link texts stay, link targets and emphasis marks go. */
export function stripMarkdown(text: string): string {
  return text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`#>]/g, '');
}

export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const block of stripMarkdown(text).split(BLOCK_BREAK)) {
    const flat = block.replace(/^\s*[-•]\s+/, '').replace(/\s+/g, ' ').trim();
    if (!flat) continue;
    let current = '';
    for (const part of flat.split(SENTENCE_BREAK)) {
      current = current ? `${current} ${part}` : part;
      if (ABBREVIATION_END.test(current)) continue;
      out.push(current);
      current = '';
    }
    if (current) out.push(current);
  }
  return out;
}

/** Words split on spaces, slashes and dashes, with leading and trailing punctuation removed. */
export function wordsOf(sentence: string): string[] {
  return sentence
    .split(/[\s/–—-]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Syllables as groups of vowels; a diaeresis starts a new group ("financiële" has five). */
export function syllablesOf(word: string): number {
  const lower = word.toLowerCase();
  const groups = lower.replace(/[ëï]/g, ' $&').match(/[aeiouyëïéèêáàäöüó]+/g)?.length ?? 0;
  return groups || (/[aeiouy]+|[ëïéèêáàäöüó]/.test(lower) ? 1 : 0);
}

export const LONG_WORD_SYLLABLES = 4;

/** The figures of a set of texts, rounded as the measuring script rounds them (one decimal). */
export interface ReadabilityFigures {
  readonly sentences: number;
  readonly wordsPerSentence: number;
  /** Percentages of the sentences. */
  readonly over20Pct: number;
  readonly over25Pct: number;
  readonly longestSentence: number;
  /** Percentage of the words (with a letter) that have four or more syllables. */
  readonly longWordsPct: number;
}

export interface MeasuredSentence {
  readonly text: string;
  readonly words: readonly string[];
}

/** What the figures are computed from: sentence lengths in words, and how many words are long. */
interface Counts {
  readonly lengths: readonly number[];
  readonly letterWords: number;
  readonly longWords: number;
}

/** Collects sentence lengths and word counts over many texts; `figures()` gives the totals. */
export interface ReadabilityTally {
  /** Adds one text; returns its sentences with their words, for rules that look at single sentences. */
  add(text: string): MeasuredSentence[];
  figures(): ReadabilityFigures;
  counts(): Counts;
}

export function createReadabilityTally(): ReadabilityTally {
  const lengths: number[] = [];
  let letterWords = 0;
  let longWords = 0;
  // the same words come back in every text; counting each once halves the time of a large knowledge base
  const isLong = new Map<string, boolean>();
  const counts = (): Counts => ({ lengths, letterWords, longWords });
  return {
    add(text) {
      const sentences = sentencesOf(text).map((s) => ({ text: s, words: wordsOf(s) }));
      for (const { words } of sentences) {
        if (words.length > 0) lengths.push(words.length);
        for (const w of words) {
          if (!/\p{L}/u.test(w)) continue;
          letterWords++;
          let long = isLong.get(w);
          if (long === undefined) isLong.set(w, (long = syllablesOf(w) >= LONG_WORD_SYLLABLES));
          if (long) longWords++;
        }
      }
      return sentences;
    },
    figures: () => figuresOf(counts()),
    counts,
  };
}

/** The figures of several tallies together (short answers and explanations: all texts), without measuring twice. */
export function combinedFigures(tallies: readonly ReadabilityTally[]): ReadabilityFigures {
  const all = tallies.map((t) => t.counts());
  return figuresOf({
    lengths: all.flatMap((c) => c.lengths),
    letterWords: all.reduce((n, c) => n + c.letterWords, 0),
    longWords: all.reduce((n, c) => n + c.longWords, 0),
  });
}

function figuresOf({ lengths, letterWords, longWords }: Counts): ReadabilityFigures {
  const n = lengths.length;
  const share = (count: number, of: number): number => oneDecimal(of ? (100 * count) / of : 0);
  return {
    sentences: n,
    wordsPerSentence: oneDecimal(n ? lengths.reduce((a, b) => a + b, 0) / n : 0),
    over20Pct: share(lengths.filter((l) => l > 20).length, n),
    over25Pct: share(lengths.filter((l) => l > 25).length, n),
    longestSentence: lengths.reduce((a, b) => Math.max(a, b), 0),
    longWordsPct: share(longWords, letterWords),
  };
}

/** Rounds as `Number.toFixed(1)` does, which is what the measuring script prints. */
function oneDecimal(x: number): number {
  return Number(x.toFixed(1));
}
