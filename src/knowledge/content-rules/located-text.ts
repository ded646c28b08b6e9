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

/** How many letter runs of a sentence are looked for in the source: enough to tell sentences apart. */
const SEARCH_RUNS = 4;

/** Runs of letters and digits: what the parsed text and its source have in common, in the same order. */
const RUN = /[\p{L}\p{N}]+/gu;

interface Run {
  readonly text: string;
  readonly index: number;
}

/**
 * Places each sentence in the file by finding its first runs of letters and digits, in order, in the source
 * of the value. The sentences were split from the parsed value (line breaks folded, Markdown stripped), so
 * between two of them the source may hold anything else: a line break and indent, `**`, a link's target.
 * Comparing runs instead of compiling a pattern per sentence keeps this linear: about 8,000 sentences of
 * 1,000 concepts take milliseconds, where a regular expression per sentence took seconds.
 */
export function locateText(yaml: YamlFile, path: readonly PathSegment[], field: string, text: string, measured?: readonly MeasuredSentence[]): LocatedText {
  const sentences = measured ?? sentencesOf(text).map((s) => ({ text: s, words: wordsOf(s) }));
  const source = yaml.sourceOf(path);
  const runs: Run[] = source ? [...source.text.matchAll(RUN)].map((m) => ({ text: m[0], index: m.index })) : [];
  let cursor = 0;
  const located = sentences.map((s): LocatedSentence => {
    const at = source ? findRuns(runs, firstRuns(s.text), cursor) : undefined;
    if (at === undefined || !source) return { ...s, offset: undefined };
    cursor = at + 1;
    return { ...s, offset: source.offset + runs[at]!.index };
  });
  return {
    field,
    sentences: located,
    problemAt(sentence, message) {
      return sentence?.offset === undefined ? yaml.problemAt(path, field, message) : yaml.problemAtOffset(sentence.offset, field, message);
    },
  };
}

function firstRuns(sentence: string): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(RUN)) {
    out.push(m[0]);
    if (out.length === SEARCH_RUNS) break;
  }
  return out;
}

/** The index of the first run from `from` on where `wanted` starts; a link's target may split them, so then the first run alone. */
function findRuns(runs: readonly Run[], wanted: readonly string[], from: number): number | undefined {
  if (wanted.length === 0) return undefined;
  for (const n of new Set([wanted.length, 1])) {
    for (let i = from; i + n <= runs.length; i++) {
      let j = 0;
      while (j < n && runs[i + j]!.text === wanted[j]) j++;
      if (j === n) return i;
    }
  }
  return undefined;
}
