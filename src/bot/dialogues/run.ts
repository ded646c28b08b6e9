import { END, type Dialogue, type Step } from '../../knowledge/dialogue-schema.js';
import { answerFits, displayAnswer, nextStepId, stepById, type AnswerValue, type StoredAnswer } from './answers.js';

/** One person's walk through a dialogue. Plain JSON: it is stored as is. */
export interface Run {
  readonly id: string;
  readonly dialogueId: string;
  readonly dialogueTitle: string;
  /** The dialogue definition the run follows; a reload that changes it is noticed and handled. */
  readonly hash: string;
  /** The current step, or END when done. */
  readonly stepId: string;
  /** Steps passed, in order, for "terug". */
  readonly history: readonly string[];
  readonly answers: Readonly<Record<string, StoredAnswer>>;
  readonly startedAt: number;
  readonly updatedAt: number;
}

export function startRun(dialogue: Dialogue, hash: string, id: string, now: number): Run {
  return { id, dialogueId: dialogue.id, dialogueTitle: dialogue.title, hash, stepId: dialogue.steps[0]!.id, history: [], answers: {}, startedAt: now, updatedAt: now };
}

export function isDone(run: Run): boolean {
  return run.stepId === END;
}

export function storedAnswer(step: Step, value: AnswerValue): StoredAnswer {
  return { value, title: step.title, prompt: 'prompt' in step ? step.prompt : step.text, display: displayAnswer(step, value) };
}

/** Records the answer to the current step (or passes an info step) and moves on along the branches. */
export function answerRun(run: Run, dialogue: Dialogue, value: AnswerValue | undefined, now: number): Run {
  const step = stepById(dialogue, run.stepId);
  if (!step) return run;
  const answers = value ? { ...run.answers, [step.id]: storedAnswer(step, value) } : run.answers;
  const stepId = nextStepId(dialogue, step.id, (id) => answers[id]?.value);
  return { ...run, answers, stepId, history: [...run.history, step.id], updatedAt: now };
}

export function backRun(run: Run, now: number): Run | undefined {
  const previous = run.history.at(-1);
  if (previous === undefined) return undefined;
  return { ...run, stepId: previous, history: run.history.slice(0, -1), updatedAt: now };
}

/**
 * Moves a run onto a changed definition of its dialogue without mixing versions: answers that still fit a
 * step of the same kind are kept, then the run walks from the start to the first step without an answer.
 */
export function migrateRun(run: Run, dialogue: Dialogue, hash: string, now: number): Run {
  const answers: Record<string, StoredAnswer> = {};
  for (const [stepId, answer] of Object.entries(run.answers)) {
    const step = stepById(dialogue, stepId);
    if (step && answerFits(step, answer.value)) answers[stepId] = storedAnswer(step, answer.value);
  }
  const passedInfo = new Set(run.history);
  const history: string[] = [];
  let stepId = dialogue.steps[0]!.id;
  while (stepId !== END && history.length <= dialogue.steps.length) {
    const step = stepById(dialogue, stepId)!;
    const passed = step.kind === 'info' ? passedInfo.has(step.id) : answers[step.id] !== undefined;
    if (!passed) break;
    history.push(stepId);
    stepId = nextStepId(dialogue, stepId, (id) => answers[id]?.value);
  }
  return { ...run, dialogueTitle: dialogue.title, hash, answers, history, stepId, updatedAt: now };
}
