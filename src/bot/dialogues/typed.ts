import type { Step } from '../../knowledge/dialogue-schema.js';
import { encodeAction } from '../actions.js';
import { asPrivate, notice, type Reply } from '../replies.js';
import { texts } from '../texts.js';
import type { Turn } from '../turn.js';
import { stepById } from './answers.js';
import { privately } from './engine.js';
import { carried, carry } from './kept-text.js';
import { kindOf } from './kinds/kind-of.js';
import type { ClickedInput } from './kinds/step-kind.js';
import { looksLikeQuestion } from './looks-like-question.js';
import { modeOf, resume, type AnyMode } from './moves.js';
import { personal } from './personal.js';
import { pinnedDialogue, type Position } from './position.js';

/** What typed text was to the dialogue: its replies, or nothing, and whether a personal dialogue waits (for "ga verder"). */
export interface TypedReading {
  readonly replies?: Reply[];
  readonly waiting: boolean;
}

/**
 * Typed text while a dialogue waits for an answer, read as the person means it: an answer (a number, a label,
 * free text), a wrong answer ("4" on three options: "past niet", with the options), a question (looked up
 * instead), or free text that reads like a question (asked which one it is). No replies: not an answer.
 */
export async function typedInDialogue(turn: Turn, text: string): Promise<TypedReading> {
  const mode = modeOf(turn);
  const held = await mode.read(turn);
  const position = held.running;
  const waiting = mode === personal && position !== undefined;
  if (!position || held.paused) return { waiting };
  const dialogue = pinnedDialogue(turn.snapshot, position);
  // the dialogue changed or went away since the last turn: say so and show where it goes on
  if (!dialogue) return { replies: await resume(turn, mode), waiting };
  const step = stepById(dialogue, position.stepId);
  if (!step) return { waiting };
  const reading = kindOf(step).read(step, text, { looksLikeQuestion: (t) => looksLikeQuestion(t, turn.snapshot.index) });
  switch (reading.kind) {
    case 'none':
      return { waiting };
    case 'wrong':
      return { replies: [notice(reading.problem, [], { tone: 'warning', private: true })], waiting };
    case 'answer':
      return { replies: await mode.answer(turn, position.id, step.id, { value: reading.value }), waiting };
    case 'unsure':
      return { replies: await askWhichMeant(turn, mode, position, step, text.trim()), waiting };
  }
}

/** "Is this your answer, or a question?", with a button for each. Only the sender sees it. */
async function askWhichMeant(turn: Turn, mode: AnyMode, position: Position, step: Step, text: string): Promise<Reply[]> {
  const kept = await carry(turn, text);
  return [
    notice(texts.dialogue.answerOrQuestion(step.title), [
      { label: texts.dialogue.itIsMyAnswer, payload: encodeAction({ a: mode.answerAction, r: position.id, s: step.id, ...kept }), style: 'primary' },
      { label: texts.dialogue.itIsAQuestion, payload: encodeAction({ a: 'ask', ...kept }) },
    ], { private: true }),
  ];
}

/** An answer button or form: `t`/`k` carry typed text the person confirmed as their answer. */
export async function answerInDialogue(turn: Turn, payload: { r: string; s: string; v?: string; t?: string; k?: string }, input: ClickedInput): Promise<Reply[]> {
  const confirmed = payload.t !== undefined || payload.k !== undefined ? await carried(turn, payload) : input.text;
  if (confirmed === undefined && payload.k !== undefined) return [privately(texts.dialogue.keptGone)];
  return modeOf(turn).answer(turn, payload.r, payload.s, { input: { ...input, value: payload.v, text: confirmed } });
}

/**
 * "Het is een vraag": the question answered by `lookup`, only to the person who asked (in a group session it
 * never counts as an answer). The dialogue waits where it was.
 */
export async function questionInDialogue(turn: Turn, payload: { t?: string; k?: string }, lookup: (text: string) => Promise<Reply[]>): Promise<Reply[]> {
  const text = await carried(turn, payload);
  if (text === undefined) return [privately(texts.dialogue.keptGone)];
  return (await lookup(text)).map(asPrivate);
}
