import type { Step } from '../../knowledge/dialogue-schema.js';
import { personalKey } from '../keys.js';
import { notice, type Reply } from '../replies.js';
import { texts } from '../texts.js';
import type { Turn } from '../turn.js';
import { answerFits, displayAnswer, promptOf, stepById, type AnswerValue, type StoredAnswer } from './answers.js';
import { advance, onRunning, privately } from './engine.js';
import type { KeptText } from './kept-text.js';
import { kindOf } from './kinds/kind-of.js';
import type { Given, Held, Mode } from './mode.js';
import { isAtEnd, startPosition, type Position } from './position.js';
import { commandAction, runQuestion } from './render-step.js';

/** One person's walk through a dialogue: where they are and their answer to each step. Plain JSON. */
export interface Run extends Position {
  readonly answers: Readonly<Record<string, StoredAnswer>>;
}

/** One user's dialogue state in one conversation, as stored. */
export interface PersonalState {
  readonly active?: Run;
  /** Stopped with "stop": typed text is a question again until "verder". */
  readonly paused?: boolean;
  /** The last finished run, for "samenvatting" and "exporteer". */
  readonly finished?: Run;
  /** A long message the user was asked about ("je antwoord, of een vraag?"), until they say which. */
  readonly kept?: KeptText;
}

const keyOf = (turn: Turn): string => personalKey(turn.event.actor, turn.event.conversation);

function hold(stored: unknown): Held<Run> {
  const state = stored as PersonalState | undefined;
  return { running: state?.active, last: state?.finished, paused: state?.paused };
}

function keep(held: Held<Run>, stored: unknown): PersonalState | undefined {
  const kept = (stored as PersonalState | undefined)?.kept;
  const state: PersonalState = {
    ...(held.running ? { active: held.running } : {}),
    ...(held.running && held.paused ? { paused: true } : {}),
    ...(held.last ? { finished: held.last } : {}),
    ...(kept ? { kept } : {}),
  };
  return state.active || state.finished || state.kept ? state : undefined;
}

/** The run with `value` as the answer to `step`. */
function recorded(run: Run, step: Step, value: AnswerValue, now: number): Run {
  return { ...run, answers: { ...run.answers, [step.id]: storedAnswer(step, value) }, updatedAt: now };
}

function storedAnswer(step: Step, value: AnswerValue): StoredAnswer {
  return { value, title: step.title, prompt: promptOf(step), display: displayAnswer(step, value) };
}

/** A person in a dialogue of their own: they answer, and every answer moves them on. */
export const personal: Mode<Run, undefined> = {
  answerAction: 'ans',
  texts: { none: texts.dialogue.noActive, nothingToResume: texts.dialogue.nothingToResume, done: texts.dialogue.done, resumed: texts.dialogue.resumed },
  doneActions: [commandAction(texts.dialogue.exportLabel, 'export'), commandAction(texts.dialogue.restartLabel, 'restart')],

  key: keyOf,
  read: async (turn) => hold(await turn.store.get<PersonalState>(keyOf(turn))),
  prepare: async () => undefined,
  hold,
  keep,

  refusal: () => undefined,
  keepsRunning: (_turn, running, entry) => (running.dialogueId === entry.dialogue.id ? 'resume' : undefined),
  start: (turn, entry) => ({ ...startPosition(entry, turn.newId(), turn.now), answers: {} }),
  startText: (_turn, _run, dialogue) => `${texts.dialogue.started(dialogue.title)}\n\n${dialogue.intro}`,
  answer: answerPersonal,
  stop: (_turn, held, run) => ({ held: { ...held, paused: true }, replies: [notice(texts.dialogue.stopped(run.dialogueTitle))] }),

  answerOf: (run) => (id) => run.answers[id]?.value,
  skip(run, step, now) {
    if (!kindOf(step).answered) return run;
    if (!step.skippable) return { refusal: texts.dialogue.notSkippable };
    return recorded(run, step, { kind: 'skipped' }, now);
  },
  refit(run, { dialogue }) {
    const answers: Record<string, StoredAnswer> = {};
    for (const [stepId, answer] of Object.entries(run.answers)) {
      const step = stepById(dialogue, stepId);
      if (step && answerFits(step, answer.value)) answers[stepId] = storedAnswer(step, answer.value);
    }
    const seen = new Set(run.history);
    // a step with an answer that still fits is passed; a step that only tells something, once it was seen
    return { position: { ...run, answers }, passed: (step) => (kindOf(step).answered ? answers[step.id] !== undefined : seen.has(step.id)) };
  },
  moved: (run) => run,
  isOver: isAtEnd,
  ended: (run) => run,
  question: (turn, run, dialogue) => [runQuestion(run, dialogue, stepById(dialogue, run.stepId)!, turn.snapshot)],
  left: () => [],
  summaryItems: async (_turn, run) =>
    Object.entries(run.answers)
      .sort(([a], [b]) => order(run.history, a) - order(run.history, b))
      .map(([, a]) => ({ title: a.title, prompt: a.prompt, lines: [a.display], ...(a.value.kind === 'scale' ? { score: a.value.score } : {}) })),
};

/** An answer from a button, a form or typed text: it must be for the current step of the current run. */
function answerPersonal(turn: Turn, runId: string, stepId: string, given: Given): Promise<Reply[]> {
  return onRunning(turn, personal, { positionId: runId, moves: true }, (held, run, dialogue) => {
    if (run.stepId !== stepId) return { held, replies: [privately(texts.dialogue.stale), ...personal.question(turn, run, dialogue)] };
    const step = stepById(dialogue, run.stepId)!;
    if (!kindOf(step).answered) return advance(turn, personal, held, run, dialogue);
    const result = 'value' in given ? { ok: true as const, value: given.value } : kindOf(step).clicked(step, given.input);
    if (!result.ok) return { held, replies: [notice(result.problem, [], { tone: 'warning', private: true })] };
    return advance(turn, personal, held, recorded(run, step, result.value, turn.now), dialogue);
  });
}

function order(history: readonly string[], stepId: string): number {
  const i = history.indexOf(stepId);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

/** Whether the user has a run waiting for them (to offer "ga verder" after a concept answer). */
export async function hasActiveRun(turn: Turn): Promise<boolean> {
  return Boolean((await personal.read(turn)).running);
}
