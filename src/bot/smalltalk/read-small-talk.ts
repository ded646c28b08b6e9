import { foldedWords, queryTokens } from '../../knowledge/normalize.js';
import type { SmallTalk, SmallTalkEntry } from '../../knowledge/smalltalk-schema.js';

/**
 * Reads a message as small talk ("hallo", "dank je wel hoor", "👍") or as a question. A message is small talk
 * when it starts with small-talk phrases (and extra words such as "bot" or "hoor") and the rest holds no
 * content word; otherwise it is a question, without the small talk in front ("hallo, wat is de wmo?" asks
 * "wat is de wmo"), so a greeting never spoils the lookup.
 */
export type SmallTalkReading =
  | { readonly kind: 'talk'; readonly entry: SmallTalkEntry }
  | { readonly kind: 'question'; readonly question: string };

interface Compiled {
  /** First folded word -> the phrases starting with it, longest first. */
  readonly phrases: ReadonlyMap<string, ReadonlyArray<{ readonly words: readonly string[]; readonly entry: SmallTalkEntry }>>;
  readonly extra: ReadonlySet<string>;
  readonly emoji: SmallTalkEntry | undefined;
}

/** Text smileys (":)", ";-)", ":D") read as emoji; folding would keep the "d" of ":D" as a word. */
const SMILEY = /(^|\s)[:;=][-']?[()dDpP]+(?=\s|$)/g;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

const compiledOf = new WeakMap<SmallTalk, Compiled>();

function compile(smalltalk: SmallTalk): Compiled {
  let compiled = compiledOf.get(smalltalk);
  if (compiled) return compiled;
  const phrases = new Map<string, Array<{ words: string[]; entry: SmallTalkEntry }>>();
  for (const entry of smalltalk.entries) {
    for (const phrase of entry.say) {
      const words = foldedWords(phrase);
      if (words.length === 0) continue;
      const list = phrases.get(words[0]!) ?? [];
      list.push({ words, entry });
      phrases.set(words[0]!, list.sort((a, b) => b.words.length - a.words.length));
    }
  }
  compiled = { phrases, extra: new Set(smalltalk.extraWords), emoji: smalltalk.entries.find((e) => e.emoji) };
  compiledOf.set(smalltalk, compiled);
  return compiled;
}

export function readSmallTalk(smalltalk: SmallTalk, text: string): SmallTalkReading {
  const question: SmallTalkReading = { kind: 'question', question: text };
  if (smalltalk.entries.length === 0) return question;
  const c = compile(smalltalk);
  const cleaned = text.replace(SMILEY, '$1🙂');
  const words = foldedWords(cleaned);
  let at = 0;
  let last: SmallTalkEntry | undefined;
  while (at < words.length) {
    const phrase = c.phrases.get(words[at]!)?.find((p) => p.words.every((w, k) => words[at + k] === w));
    if (phrase) {
      last = phrase.entry;
      at += phrase.words.length;
    } else if (c.extra.has(words[at]!)) at++;
    else break;
  }
  if (!last) return at === words.length && c.emoji && PICTOGRAPH.test(cleaned) ? { kind: 'talk', entry: c.emoji } : question;
  // only after a small-talk phrase is the rest read for content words: most messages are questions without one
  const rest = words.slice(at);
  const restIsTalk = queryTokens(rest.filter((w) => !c.extra.has(w)).join(' ')).length === 0;
  // the last phrase says most: "hoi, dank je" is thanks, "ok doei" a goodbye
  return restIsTalk ? { kind: 'talk', entry: last } : { kind: 'question', question: rest.join(' ') };
}
