import type { Problem } from '../problems.js';
import type { PathSegment, YamlFile } from '../yaml-file.js';
import { sentencesOf, wordsOf, type MeasuredSentence } from './readability.js';

/** A sentence of a text in a knowledge file, with where it starts in that file. */
export interface LocatedSentence extends MeasuredSentence {
  /** Offset in the file; undefined when the sentence could not be found in the source (a warning then points at the field). */
  readonly offset: number | undefined;
}

/** A text field of a concept or dialogue (`sociale-basis.explanation`), split into sentences that know their line. */
export interface LocatedText {
  readonly field: string;
  readonly sentences: readonly LocatedSentence[];
  /** A warning about one sentence (its line and column), or about the whole field. */
  problemAt(sentence: LocatedSentence | undefined, message: string): Problem;
}

/** How many words of a sentence are looked for in the source: enough to tell sentences apart. */
const SEARCH_WORDS = 4;

/**
 * Places each sentence in the file by searching its first words, in order, in the source of the value.
 * The sentences were split from the parsed value (line breaks folded, Markdown stripped), so between two
 * words the source may hold anything but letters and digits: a line break and indent, `**`, a comma.
 */
export function locateText(yaml: YamlFile, path: readonly PathSegment[], field: string, text: string, measured?: readonly MeasuredSentence[]): LocatedText {
  const sentences = measured ?? sentencesOf(text).map((s) => ({ text: s, words: wordsOf(s) }));
  const source = yaml.sourceOf(path);
  let cursor = 0;
  const located = sentences.map((s): LocatedSentence => {
    const at = source ? findWords(source.text, s.words, cursor) : undefined;
    if (at === undefined || !source) return { ...s, offset: undefined };
    cursor = at + 1;
    return { ...s, offset: source.offset + at };
  });
  return {
    field,
    sentences: located,
    problemAt(sentence, message) {
      return sentence?.offset === undefined ? yaml.problemAt(path, field, message) : yaml.problemAtOffset(sentence.offset, field, message);
    },
  };
}

function findWords(text: string, words: readonly string[], from: number): number | undefined {
  // a link's target sits between its text and the next word: then the first word alone must do
  for (const n of new Set([Math.min(SEARCH_WORDS, words.length), 1])) {
    if (n === 0) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.slice(0, n).map(escapeRegExp).join('[^\\p{L}\\p{N}]+')}`, 'gu');
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    if (match) return match.index;
  }
  return undefined;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
