import { notice, type Reply } from '../replies.js';
import type { Turn } from '../turn.js';
import { stepById } from './answers.js';
import { kindOf } from './kinds/kind-of.js';
import type { ClickedInput } from './kinds/step-kind.js';
import { modeOf, resume } from './moves.js';
import { pinnedDialogue } from './position.js';

/**
 * Typed text while a dialogue waits for an answer, read by the step's kind: an answer (a number, a label, free
 * text), a wrong answer ("4" on three options: "past niet", with the options), or else undefined: a question.
 */
export async function typedInDialogue(turn: Turn, text: string): Promise<Reply[] | undefined> {
  const mode = modeOf(turn);
  const held = await mode.read(turn);
  const position = held.running;
  if (!position || held.paused) return undefined;
  const dialogue = pinnedDialogue(turn.snapshot, position);
  // the dialogue changed or went away since the last turn: say so and show where it goes on
  if (!dialogue) return resume(turn, mode);
  const step = stepById(dialogue, position.stepId);
  if (!step) return undefined;
  const reading = kindOf(step).read(step, text, { looksLikeQuestion: () => false });
  switch (reading.kind) {
    case 'none':
      return undefined;
    case 'wrong':
      return [notice(reading.problem, [], { tone: 'warning', private: true })];
    case 'answer':
    case 'unsure':
      return mode.answer(turn, position.id, step.id, { value: reading.value });
  }
}

/** An answer button or form. */
export function answerInDialogue(turn: Turn, payload: { r: string; s: string; v?: string }, input: ClickedInput): Promise<Reply[]> {
  return modeOf(turn).answer(turn, payload.r, payload.s, { input: { ...input, value: payload.v } });
}
