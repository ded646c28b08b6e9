import type { Dialogue, Step } from '../../knowledge/dialogue-schema.js';
import type { KnowledgeSnapshot } from '../../knowledge/snapshot.js';
import { encodeAction, type ActionPayload } from '../actions.js';
import { conceptAction } from '../lookup/lookup-replies.js';
import type { Action, QuestionInput, QuestionReply, TallyReply } from '../replies.js';
import { texts } from '../texts.js';
import type { Run } from './run.js';
import { tallyOf, type GroupSession } from './session.js';

const cmd = (label: string, c: Extract<ActionPayload, { a: 'cmd' }>['c']): Action => ({ label, payload: encodeAction({ a: 'cmd', c }) });

/** Answer inputs for a step; `answer(v)` makes the payload of one clickable value. */
function inputOf(step: Step, answer: (v?: string) => string): QuestionInput {
  switch (step.kind) {
    case 'choice':
      return { kind: 'choice', options: step.choices.map((c) => ({ label: c.label, payload: answer(c.id) })) };
    case 'scale':
      return { kind: 'scale', low: step.low, high: step.high, options: [1, 2, 3, 4, 5].map((n) => ({ label: String(n), payload: answer(String(n)) })) };
    case 'multi':
      return { kind: 'multi', options: step.choices.map((c) => ({ label: c.label, value: c.id })), submit: { label: texts.dialogue.doneLabel, payload: answer(), style: 'primary' } };
    case 'text':
      return { kind: 'text', maxLength: step.maxLength, submit: { label: texts.dialogue.sendLabel, payload: answer(), style: 'primary' } };
    case 'info':
      return { kind: 'info', text: step.text };
  }
}

function conceptLinks(step: Step, snapshot: KnowledgeSnapshot): Action[] {
  return step.concepts.flatMap((id) => {
    const c = snapshot.conceptsById.get(id);
    return c ? [conceptAction(c)] : [];
  });
}

/** The parts of a question every mode shares; `answer` makes the payload of a click. */
function question(dialogue: Dialogue, step: Step, number: number, answer: (v?: string) => string, snapshot: KnowledgeSnapshot): Omit<QuestionReply, 'actions'> {
  return {
    kind: 'question',
    dialogueTitle: dialogue.title,
    number,
    title: step.title,
    prompt: step.kind === 'info' ? '' : step.prompt,
    input: inputOf(step, answer),
    concepts: conceptLinks(step, snapshot),
  };
}

const answerPayload = (a: 'ans' | 'vote', ref: string, stepId: string) => (v?: string): string =>
  encodeAction({ a, r: ref, s: stepId, ...(v !== undefined ? { v } : {}) });

export function runQuestion(dialogue: Dialogue, step: Step, run: Run, snapshot: KnowledgeSnapshot): QuestionReply {
  const answer = answerPayload('ans', run.id, step.id);
  const actions: Action[] = [];
  if (step.kind === 'info') actions.push({ label: texts.dialogue.continueLabel, payload: answer(), style: 'primary' });
  else if (step.skippable) actions.push(cmd(texts.dialogue.skipLabel, 'skip'));
  if (run.history.length > 0) actions.push(cmd(texts.dialogue.backLabel, 'back'));
  actions.push(cmd(texts.dialogue.stopLabel, 'stop'));
  return { ...question(dialogue, step, run.history.length + 1, answer, snapshot), actions };
}

export function sessionQuestion(dialogue: Dialogue, step: Step, session: GroupSession, snapshot: KnowledgeSnapshot): QuestionReply {
  const answer = answerPayload('vote', session.id, step.id);
  return { ...question(dialogue, step, session.history.length + 1, answer, snapshot), actions: [], group: { sessionId: session.id, leadName: session.leadName } };
}

export function sessionTally(session: GroupSession, step: Step, closed: boolean): TallyReply {
  const tally = tallyOf(session, step);
  const actions: Action[] = closed
    ? []
    : [
        { label: texts.group.nextLabel, payload: encodeAction({ a: 'next', r: session.id, s: step.id }), style: 'primary' },
        { label: texts.group.closeLabel, payload: encodeAction({ a: 'close', r: session.id }) },
      ];
  return {
    kind: 'tally',
    replaceKey: `tally:${session.id}:${step.id}`,
    version: session.seq,
    title: texts.group.tallyTitle(step.title),
    respondents: tally.respondents,
    counts: tally.counts,
    texts: tally.texts,
    actions,
    closed,
  };
}

export { cmd as commandAction };
