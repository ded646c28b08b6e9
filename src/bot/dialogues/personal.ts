import type { Dialogue, Step } from '../../knowledge/dialogue-schema.js';
import { foldText } from '../../knowledge/normalize.js';
import { personalKey } from '../keys.js';
import { menuReplies } from '../menu.js';
import { notice, type Reply } from '../replies.js';
import { texts } from '../texts.js';
import type { Turn } from '../turn.js';
import { parseAnswer, stepById, type AnswerValue } from './answers.js';
import { commandAction, runQuestion } from './render-step.js';
import { answerRun, backRun, isDone, migrateRun, startRun, type Run } from './run.js';
import { dialogueConcepts, exportMarkdown, pinnedDialogue, runSummary } from './summary.js';

/** One user's dialogue state in one conversation. */
export interface PersonalState {
  readonly active?: Run;
  /** Stopped with "stop": typed text is a question again until "verder". */
  readonly paused?: boolean;
  /** The last finished run, for "samenvatting" and "exporteer". */
  readonly finished?: Run;
}

type Outcome = { state: PersonalState | undefined; replies: Reply[] };

/** Runs `fn` as one atomic update of the user's state; the replies come from the same, final invocation. */
async function withState(turn: Turn, fn: (state: PersonalState, turn: Turn) => Outcome): Promise<Reply[]> {
  let replies: Reply[] = [];
  await turn.store.update<PersonalState>(
    personalKey(turn.event.actor, turn.event.conversation),
    (current) => {
      const result = fn(current ?? {}, turn);
      replies = result.replies;
      return result.state && (result.state.active || result.state.finished) ? result.state : undefined;
    },
    { ttlMs: turn.ttlMs },
  );
  return replies;
}

/**
 * The run's dialogue as it is now: the same definition, a changed one (the run moves on safely), or none
 * (the run ends with the answers it has).
 */
function current(state: PersonalState, turn: Turn): { state: PersonalState; dialogue?: Dialogue; replies: Reply[] } {
  const run = state.active;
  if (!run) return { state, replies: [] };
  const pinned = pinnedDialogue(turn.snapshot, run.dialogueId, run.hash);
  if (pinned) return { state, dialogue: pinned, replies: [] };
  const now = turn.snapshot.dialoguesById.get(run.dialogueId)?.dialogue;
  if (!now) {
    return {
      state: { finished: run },
      replies: [notice(texts.dialogue.removed(run.dialogueTitle), [], { tone: 'warning' }), runSummary(run, turn.snapshot, false, [])],
    };
  }
  const moved = migrateRun(run, now, turn.snapshot.dialoguesById.get(run.dialogueId)!.hash, turn.now);
  return { state: { ...state, active: moved }, dialogue: now, replies: [notice(texts.dialogue.changed, [], { tone: 'warning' })] };
}

/** The replies after the run moved: the next question, or the summary when it is done. */
function progress(state: PersonalState, dialogue: Dialogue, run: Run, turn: Turn, before: Reply[] = []): Outcome {
  if (isDone(run)) {
    const summary = runSummary(run, turn.snapshot, true, [commandAction(texts.dialogue.exportLabel, 'export'), commandAction(texts.dialogue.restartLabel, 'restart')]);
    return { state: { finished: run }, replies: [...before, notice(texts.dialogue.done), summary] };
  }
  const step = stepById(dialogue, run.stepId)!;
  return { state: { ...state, active: run, paused: false }, replies: [...before, runQuestion(dialogue, step, run, turn.snapshot)] };
}

export function startPersonal(turn: Turn, dialogue: Dialogue): Promise<Reply[]> {
  return withState(turn, (state) => {
    const hash = turn.snapshot.dialoguesById.get(dialogue.id)!.hash;
    if (state.active?.dialogueId === dialogue.id) {
      const c = current(state, turn);
      if (c.dialogue && c.state.active) return progress(c.state, c.dialogue, c.state.active, turn, [...c.replies, notice(texts.dialogue.resumed(dialogue.title))]);
    }
    const intro: Reply[] = [notice(`${texts.dialogue.started(dialogue.title)}\n\n${dialogue.intro}`)];
    if (state.active) intro.unshift(notice(texts.dialogue.replacedRun(state.active.dialogueTitle), [], { tone: 'warning' }));
    const run = startRun(dialogue, hash, turn.newId(), turn.now);
    return progress({ finished: state.finished }, dialogue, run, turn, intro);
  });
}

/** An answer from a button or form: it must be for the current step of the current run. */
export function answerPersonal(turn: Turn, runId: string, stepId: string, input: { value?: string; values?: readonly string[]; text?: string }): Promise<Reply[]> {
  return withState(turn, (state) => {
    const c = current(state, turn);
    const run = c.state.active;
    if (!run || !c.dialogue || run.id !== runId) return { state: c.state, replies: [...c.replies, notice(texts.dialogue.staleGone, [], { private: true })] };
    if (run.stepId !== stepId) {
      return { state: c.state, replies: [...c.replies, notice(texts.dialogue.stale, [], { private: true }), runQuestion(c.dialogue, stepById(c.dialogue, run.stepId)!, run, turn.snapshot)] };
    }
    return applyAnswer(c.state, c.dialogue, run, input, turn, c.replies);
  });
}

function applyAnswer(state: PersonalState, dialogue: Dialogue, run: Run, input: { value?: string; values?: readonly string[]; text?: string }, turn: Turn, before: Reply[]): Outcome {
  const step = stepById(dialogue, run.stepId)!;
  if (step.kind === 'info') return progress(state, dialogue, answerRun(run, dialogue, undefined, turn.now), turn, before);
  const problem = inputProblem(step, input);
  if (problem) return { state, replies: [...before, notice(problem, [], { tone: 'warning', private: true })] };
  const value = parseAnswer(step, input);
  if (!value) return { state, replies: [...before, notice(texts.dialogue.invalidChoice, [], { tone: 'warning', private: true })] };
  return progress(state, dialogue, answerRun(run, dialogue, value, turn.now), turn, before);
}

/** Why an input cannot be taken as it is, in words the user can act on. */
export function inputProblem(step: Step, input: { values?: readonly string[]; text?: string }): string | undefined {
  if (step.kind === 'text') {
    const text = (input.text ?? '').trim();
    if (!text) return texts.dialogue.emptyText;
    if (text.length > step.maxLength) return texts.dialogue.textTooLong(text.length, step.maxLength);
  }
  if (step.kind === 'multi' && (input.values ?? []).length === 0) return texts.dialogue.pickAtLeastOne;
  return undefined;
}

/**
 * Typed text while a run waits for an answer: the answer itself for a text step, a number or label for a
 * choice, numbers for a multi. Undefined when the text is not an answer: then it is a concept question.
 */
export async function typedAnswer(turn: Turn, text: string): Promise<Reply[] | undefined> {
  const state = await turn.store.get<PersonalState>(personalKey(turn.event.actor, turn.event.conversation));
  const run = state?.active;
  if (!run || state.paused) return undefined;
  const dialogue = pinnedDialogue(turn.snapshot, run.dialogueId, run.hash);
  // the dialogue changed or went away since the last turn: say so and show where the run goes on
  if (!dialogue) return resumePersonal(turn);
  const step = stepById(dialogue, run.stepId);
  if (!step) return undefined;
  const input = typedInput(step, text);
  if (!input) return undefined;
  return answerPersonal(turn, run.id, run.stepId, input);
}

export function typedInput(step: Step, text: string): { value?: string; values?: string[]; text?: string } | undefined {
  const folded = foldText(text);
  const pick = (token: string): string | undefined => {
    if (step.kind !== 'choice' && step.kind !== 'multi') return undefined;
    const n = Number(token);
    if (Number.isInteger(n) && n >= 1 && n <= step.choices.length) return step.choices[n - 1]!.id;
    return step.choices.find((c) => foldText(c.label) === token || c.id === token)?.id;
  };
  switch (step.kind) {
    case 'text':
      return { text };
    case 'scale':
      return /^[1-5]$/.test(folded) ? { value: folded } : undefined;
    case 'choice': {
      const id = pick(folded);
      return id ? { value: id } : undefined;
    }
    case 'multi': {
      const parts = text.split(/[,;]|\s+en\s+/).map((p) => foldText(p)).filter(Boolean);
      const ids = parts.map(pick);
      return parts.length > 0 && ids.every((id) => id !== undefined) ? { values: ids as string[] } : undefined;
    }
    case 'info':
      return undefined;
  }
}

export function skipPersonal(turn: Turn): Promise<Reply[]> {
  return onActive(turn, (state, dialogue, run) => {
    const step = stepById(dialogue, run.stepId)!;
    if (step.kind === 'info') return progress(state, dialogue, answerRun(run, dialogue, undefined, turn.now), turn);
    if (!step.skippable) return { state, replies: [notice(texts.dialogue.notSkippable, [], { private: true }), runQuestion(dialogue, step, run, turn.snapshot)] };
    const skipped: AnswerValue = { kind: 'skipped' };
    return progress(state, dialogue, answerRun(run, dialogue, skipped, turn.now), turn);
  });
}

export function backPersonal(turn: Turn): Promise<Reply[]> {
  return onActive(turn, (state, dialogue, run) => {
    const previous = backRun(run, turn.now);
    if (!previous) return { state, replies: [notice(texts.dialogue.cannotGoBack, [], { private: true }), runQuestion(dialogue, stepById(dialogue, run.stepId)!, run, turn.snapshot)] };
    return progress(state, dialogue, previous, turn);
  });
}

export function stopPersonal(turn: Turn): Promise<Reply[]> {
  return onActive(turn, (state, _dialogue, run) => ({ state: { ...state, paused: true }, replies: [notice(texts.dialogue.stopped(run.dialogueTitle))] }));
}

export function resumePersonal(turn: Turn): Promise<Reply[]> {
  return onActive(turn, (state, dialogue, run) => progress(state, dialogue, run, turn, [notice(texts.dialogue.resumed(run.dialogueTitle))]), texts.dialogue.nothingToResume);
}

export function restartPersonal(turn: Turn): Promise<Reply[]> {
  return withState(turn, (state) => {
    const last = state.active ?? state.finished;
    const dialogue = last && turn.snapshot.dialoguesById.get(last.dialogueId)?.dialogue;
    if (!dialogue) return { state, replies: menuReplies(texts.dialogue.noActive, turn.snapshot, turn.event.conversation) };
    const run = startRun(dialogue, turn.snapshot.dialoguesById.get(dialogue.id)!.hash, turn.newId(), turn.now);
    return progress({ finished: state.finished }, dialogue, run, turn, [notice(texts.dialogue.started(dialogue.title))]);
  });
}

export async function summaryPersonal(turn: Turn, asExport: boolean): Promise<Reply[]> {
  const state = await turn.store.get<PersonalState>(personalKey(turn.event.actor, turn.event.conversation));
  const run = state?.active ?? state?.finished;
  if (!run) return menuReplies(texts.dialogue.nothingToSummarise, turn.snapshot, turn.event.conversation);
  const complete = !state?.active;
  const summary = runSummary(run, turn.snapshot, complete, complete ? [] : [commandAction(texts.dialogue.continueLabel, 'resume')]);
  if (!asExport) return [summary];
  const concepts = dialogueConcepts(pinnedDialogue(turn.snapshot, run.dialogueId, run.hash), turn.snapshot);
  return [exportMarkdown(summary, concepts, new Date(turn.now))];
}

/** Runs `fn` on the active run (moved onto a changed dialogue first), or shows the menu when there is none. */
function onActive(turn: Turn, fn: (state: PersonalState, dialogue: Dialogue, run: Run) => Outcome, noneText: string = texts.dialogue.noActive): Promise<Reply[]> {
  return withState(turn, (state) => {
    const c = current(state, turn);
    if (!c.state.active || !c.dialogue) {
      return { state: c.state, replies: [...c.replies, ...(c.replies.length > 0 ? [] : menuReplies(noneText, turn.snapshot, turn.event.conversation))] };
    }
    const result = fn(c.state, c.dialogue, c.state.active);
    return { state: result.state, replies: [...c.replies, ...result.replies] };
  });
}

/** Whether the user has a run waiting for them (to offer "ga verder" after a concept answer). */
export async function hasActiveRun(turn: Turn): Promise<boolean> {
  const state = await turn.store.get<PersonalState>(personalKey(turn.event.actor, turn.event.conversation));
  return Boolean(state?.active);
}
