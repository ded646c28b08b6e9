import type { Conclusion, Dialogue } from '../../knowledge/dialogue-schema.js';
import { holds, stepById, type AnswerLookup } from './answers.js';

/**
 * The conclusions a dialogue draws from its answers at the summary. `answerOf` gives one person's answer, or
 * a group's combined answer, per step.
 */
/** Conclusions computed from the answers; a removed dialogue gives none. */
export function conclusionsOf(dialogue: Dialogue | undefined, answerOf: AnswerLookup): string[] {
  if (!dialogue) return [];
  return dialogue.conclusions.flatMap((c) => conclude(dialogue, c, answerOf));
}

function conclude(dialogue: Dialogue, conclusion: Conclusion, answerOf: AnswerLookup): string[] {
  switch (conclusion.kind) {
    case 'rule':
      return conclusion.when.every((c) => holds(c, answerOf)) ? [conclusion.text] : [];
    case 'lowest': {
      const scored = conclusion.steps.flatMap((id) => {
        const a = answerOf(id);
        return a?.kind === 'scale' ? [{ title: stepById(dialogue, id)?.title ?? id, score: a.score }] : [];
      });
      if (scored.length === 0) return [];
      const min = Math.min(...scored.map((s) => s.score));
      const titles = scored.filter((s) => s.score === min).map((s) => s.title);
      return [conclusion.text.replaceAll('{title}', joinDutch(titles)).replaceAll('{score}', String(min))];
    }
    case 'count': {
      const scores = conclusion.steps.flatMap((id) => {
        const a = answerOf(id);
        return a?.kind === 'scale' ? [a.score] : [];
      });
      if (scores.length === 0) return [];
      return [scores.filter((s) => s <= conclusion.atMost).length >= conclusion.atLeast ? conclusion.text : conclusion.otherwise];
    }
  }
}

function joinDutch(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
}

