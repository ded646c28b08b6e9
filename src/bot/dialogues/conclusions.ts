import type { Conclusion, Dialogue } from '../../knowledge/dialogue-schema.js';
import { assertNever } from '../replies.js';
import { holds, stepById, type AnswerLookup } from './answers.js';

type Lowest = Extract<Conclusion, { kind: 'lowest' }>;
type Count = Extract<Conclusion, { kind: 'count' }>;
interface Scored {
  readonly title: string;
  readonly score: number;
}

/**
 * The conclusions a dialogue draws from its answers at the summary: the bot's own suggestions, which the
 * renderers show under a heading that says so. `answerOf` gives one person's answer, or a group's combined
 * answer, per step. A removed dialogue gives none.
 */
export function conclusionsOf(dialogue: Dialogue | undefined, answerOf: AnswerLookup): string[] {
  if (!dialogue) return [];
  return dialogue.conclusions.flatMap((c) => conclude(dialogue, c, answerOf));
}

function conclude(dialogue: Dialogue, conclusion: Conclusion, answerOf: AnswerLookup): string[] {
  switch (conclusion.kind) {
    case 'rule':
      return conclusion.when.every((c) => holds(c, answerOf)) && !conclusion.unless.some((c) => holds(c, answerOf)) ? [conclusion.text] : [];
    case 'lowest':
      return lowest(conclusion, scoresOf(dialogue, conclusion, answerOf));
    case 'count':
      return count(conclusion, scoresOf(dialogue, conclusion, answerOf));
    default:
      return assertNever(conclusion);
  }
}

/** The scores given on the conclusion's steps (each step once), or undefined when fewer than `minAnswered`. */
function scoresOf(dialogue: Dialogue, conclusion: Lowest | Count, answerOf: AnswerLookup): Scored[] | undefined {
  const steps = [...new Set(conclusion.steps)];
  const scored = steps.flatMap((id) => {
    const a = answerOf(id);
    return a?.kind === 'scale' ? [{ title: stepById(dialogue, id)?.title ?? id, score: a.score }] : [];
  });
  return scored.length >= (conclusion.minAnswered ?? steps.length) && scored.length > 0 ? scored : undefined;
}

function lowest(conclusion: Lowest, scored: Scored[] | undefined): string[] {
  if (!scored) return conclusion.tooFew ? [conclusion.tooFew] : [];
  const min = Math.min(...scored.map((s) => s.score));
  if (conclusion.allHigh !== undefined && conclusion.highFrom !== undefined && min >= conclusion.highFrom) {
    return [fill(conclusion.allHigh, { score: String(min) })];
  }
  const titles = scored.filter((s) => s.score === min).map((s) => s.title);
  const text = titles.length > 1 && conclusion.tied !== undefined ? conclusion.tied : conclusion.text;
  return [fill(text, { title: joinDutch(titles), score: String(min) })];
}

function count(conclusion: Count, scored: Scored[] | undefined): string[] {
  if (!scored) return conclusion.tooFew ? [conclusion.tooFew] : [];
  const counted = scored.filter((s) => s.score <= conclusion.atMost);
  return [counted.length >= conclusion.atLeast ? fill(conclusion.text, { title: joinDutch(counted.map((s) => s.title)) }) : conclusion.otherwise];
}

function fill(text: string, values: Readonly<Record<string, string>>): string {
  return Object.entries(values).reduce((t, [key, value]) => t.replaceAll(`{${key}}`, value), text);
}

/** "A", "A en B", "A, B en C". */
function joinDutch(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
}
