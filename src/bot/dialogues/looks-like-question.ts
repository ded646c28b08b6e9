import { foldText } from '../../knowledge/normalize.js';
import type { SearchIndex } from '../../knowledge/search.js';

/** Words that open a question to the bot ("wat is ...", "kun je ...", "mag ik ..."). */
const QUESTION_OPENINGS = [
  'wat', 'hoe', 'waarom', 'wie', 'welke', 'welk', 'wanneer', 'waar', 'waarvoor', 'waarmee', 'waarover', 'hoeveel', 'hoezo',
  'kun je', 'kan je', 'kunt u', 'kun jij', 'kan ik', 'mag ik', 'moet ik', 'weet jij', 'weet je', 'leg uit', 'vertel',
  'what', 'how', 'why', 'who', 'which',
];
const OPENING = new RegExp(`^(?:${QUESTION_OPENINGS.join('|')})\\b`);

/**
 * Whether typed text at a free-text step reads as a question to the bot rather than an answer: a question
 * mark, a question word at the start, or text the concept lookup recognises with confidence (a concept's
 * name). Such text is not stored without asking.
 */
export function looksLikeQuestion(text: string, index: SearchIndex): boolean {
  if (text.includes('?')) return true;
  if (OPENING.test(foldText(text))) return true;
  return index.lookup(text).outcome === 'match';
}
