import type { Dialogue, Step } from '../../knowledge/dialogue-schema.js';
import type { KnowledgeSnapshot } from '../../knowledge/snapshot.js';
import { encodeAction, type ActionPayload } from '../actions.js';
import { conceptAction } from '../lookup/lookup-replies.js';
import type { Action, QuestionReply, TallyReply } from '../replies.js';
import { texts } from '../texts.js';
import { promptOf } from './answers.js';
import { kindOf } from './kinds/kind-of.js';
import type { Position } from './position.js';
import { tallyOf, type GroupSession } from './session.js';
import { sessionViews } from './view-key.js';

export const commandAction = (label: string, c: Extract<ActionPayload, { a: 'cmd' }>['c']): Action => ({ label, payload: encodeAction({ a: 'cmd', c }) });

/** The payload of a click that answers step `stepId` of position `ref` (with value v). */
export const answerPayload = (a: 'ans' | 'vote', ref: string, stepId: string) => (v?: string): string =>
  encodeAction({ a, r: ref, s: stepId, ...(v !== undefined ? { v } : {}) });

function conceptLinks(step: Step, snapshot: KnowledgeSnapshot, on?: { r: string; s: string }): Action[] {
  return step.concepts.flatMap((id) => {
    const c = snapshot.conceptsById.get(id);
    return c ? [conceptAction(c, on)] : [];
  });
}

/** The question of a position's current step; `a`: the action its answer buttons carry. */
function questionReply(position: Position, dialogue: Dialogue, step: Step, snapshot: KnowledgeSnapshot, a: 'ans' | 'vote'): QuestionReply {
  const answer = answerPayload(a, position.id, step.id);
  return {
    kind: 'question',
    dialogueTitle: dialogue.title,
    number: position.history.length + 1,
    title: step.title,
    // a step that only tells something has its text as the input, not as a prompt
    prompt: kindOf(step).answered ? promptOf(step) : '',
    input: kindOf(step).input(step, answer),
    concepts: conceptLinks(step, snapshot),
    actions: [],
  };
}

/** A person's question: "verder" on a step that only tells something, and sla over, terug, stop. */
export function runQuestion(position: Position, dialogue: Dialogue, step: Step, snapshot: KnowledgeSnapshot): QuestionReply {
  const actions: Action[] = [];
  if (!kindOf(step).answered) actions.push({ label: texts.dialogue.continueLabel, payload: answerPayload('ans', position.id, step.id)(), style: 'primary' });
  else if (step.skippable) actions.push(commandAction(texts.dialogue.skipLabel, 'skip'));
  if (position.history.length > 0) actions.push(commandAction(texts.dialogue.backLabel, 'back'));
  actions.push(commandAction(texts.dialogue.stopLabel, 'stop'));
  return { ...questionReply(position, dialogue, step, snapshot, 'ans'), actions };
}

/** A group's question: everyone answers with the buttons; the lead moves on from the tally. */
export function sessionQuestion(session: GroupSession, dialogue: Dialogue, step: Step, snapshot: KnowledgeSnapshot): QuestionReply {
  const views = sessionViews(session, 'q', step.id);
  return {
    ...questionReply(session, dialogue, step, snapshot, 'vote'),
    concepts: conceptLinks(step, snapshot, { r: session.id, s: step.id }),
    group: { sessionId: session.id, leadName: session.leadName },
    ...(views ? { views } : {}),
  };
}

export function sessionTally(session: GroupSession, step: Step, closed: boolean): TallyReply {
  const tally = tallyOf(session, step);
  // a closed tally is final: nothing in it differs per member any more
  const views = closed ? undefined : sessionViews(session, 't', step.id);
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
    ...(views ? { views } : {}),
  };
}
