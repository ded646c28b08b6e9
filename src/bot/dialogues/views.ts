import type { Dialogue, Step } from '../../knowledge/dialogue-schema.js';
import type { KnowledgeSnapshot } from '../../knowledge/snapshot.js';
import type { Store } from '../../storage/port.js';
import { decodeAction } from '../actions.js';
import type { Actor, ConversationRef } from '../events.js';
import { personalKey, voteKey } from '../keys.js';
import { notice, type Action, type QuestionReply, type Reply } from '../replies.js';
import { texts } from '../texts.js';
import { stepById } from './answers.js';
import { stepResult } from './group.js';
import { readConversationSession } from './member-votes.js';
import type { PersonalState, Run } from './personal.js';
import { answerPayload, runQuestion, sessionQuestion, sessionTally } from './render-step.js';
import type { MemberVotes } from './session.js';
import type { Vote } from './tally.js';
import { decodeViewKey, type ViewKey } from './view-key.js';

/**
 * One member's view of a dialogue card, built from the stored state (no second way of rendering a step): the
 * same question and tally replies the dialogue sends, with the member's own answer marked, the lead's buttons
 * only for the lead (or an admin), and once the step is over a closed card without live buttons. Read only.
 */

export interface ViewContext {
  readonly store: Store;
  readonly snapshot: KnowledgeSnapshot;
  readonly ttlMs: number;
  readonly conversation: ConversationRef;
  readonly actor: Actor;
}

/** A personal question card: run r (empty: the running one) at step s (empty: its current step). */
type CardKey = ViewKey | { readonly v: 'p'; readonly r: string; readonly s: string };

/**
 * `key`: a view key from a card (`MemberViews.key`), or the payload of a button clicked on a card, which names
 * the card it was on: an answer or a vote (the question), the lead's buttons (the tally), sla over / terug /
 * stop (the person's current question). Undefined for any other button: its card is not a dialogue card.
 */
export function cardOf(key: string): CardKey | undefined {
  const view = decodeViewKey(key);
  if (view) return view;
  const payload = decodeAction(key);
  switch (payload?.a) {
    case 'vote':
      return { v: 'q', r: payload.r, s: payload.s };
    case 'next':
      return { v: 't', r: payload.r, s: payload.s };
    case 'close':
      return { v: 't', r: payload.r };
    case 'ans':
      return { v: 'p', r: payload.r, s: payload.s };
    case 'cmd':
      return payload.c === 'skip' || payload.c === 'back' || payload.c === 'stop' ? { v: 'p', r: '', s: '' } : undefined;
    case 'concept':
      return payload.on ? { v: 'q', r: payload.on.r, s: payload.on.s } : undefined;
    default:
      return undefined;
  }
}

/** The member's view of the card `key` names, as it is now; undefined when `key` names no dialogue card. */
export async function memberView(ctx: ViewContext, key: string): Promise<Reply | undefined> {
  const card = cardOf(key);
  if (!card) return undefined;
  if (card.v === 'p') return personalView(ctx, card.r, card.s);
  const session = await readConversationSession(ctx, ctx.conversation);
  if (!session || session.id !== card.r) return notice(texts.dialogue.staleGone);
  const dialogue = ctx.snapshot.dialoguesById.get(session.dialogueId)?.dialogue;
  // the lead's close button names no step: its tally is of the step the session was on (the last one passed once closed)
  const stepId = card.s ?? (session.closed ? session.history.at(-1) : session.stepId);
  const step = dialogue && stepId !== undefined ? stepById(dialogue, stepId) : undefined;
  if (!dialogue || !step) return notice(texts.dialogue.questionOver);
  const over = session.closed || session.stepId !== step.id;
  const own = await ownVote(ctx, session.id);
  const mine = own?.votes[step.id];
  if (card.v === 't') {
    if (over) return sessionTally(session, step, true);
    const tally = sessionTally(session, step, false);
    const leads = ctx.actor.id === session.leadId || ctx.actor.isAdmin;
    return { ...tally, actions: leads ? tally.actions : [], ...(mine ? { mine: mine.display } : {}) };
  }
  const question = sessionQuestion(session, dialogue, step, ctx.snapshot);
  if (over) return closed(question, session.history, step, mine?.display, stepResult(session, step, () => undefined));
  return { ...question, input: marked(question.input, answerPayload('vote', session.id, step.id), mine), ...(mine ? { mine: mine.display } : {}) };
}

async function ownVote(ctx: ViewContext, sessionId: string): Promise<MemberVotes | undefined> {
  const record = await ctx.store.get<MemberVotes>(voteKey(ctx.conversation, sessionId, ctx.actor));
  return record?.sessionId === sessionId ? record : undefined;
}

/** A person's question card: live while their run is on that step, closed (with their answer) once it passed. */
async function personalView(ctx: ViewContext, runId: string, stepId: string): Promise<Reply | undefined> {
  const state = await ctx.store.get<PersonalState>(personalKey(ctx.actor, ctx.conversation));
  const run: Run | undefined = [state?.active, state?.finished].find((r) => r !== undefined && (runId === '' ? r === state?.active : r.id === runId));
  if (!run) return runId === '' ? undefined : notice(texts.dialogue.staleGone);
  const dialogue: Dialogue | undefined = ctx.snapshot.dialoguesById.get(run.dialogueId)?.dialogue;
  const step = dialogue && stepById(dialogue, stepId || run.stepId);
  if (!dialogue || !step) return notice(texts.dialogue.questionOver);
  const question = runQuestion(run, dialogue, step, ctx.snapshot);
  if (run === state?.active && run.stepId === step.id) return question;
  return closed(question, run.history, step, run.answers[step.id]?.display);
}

/** A question whose step is over: its number when it was asked, no buttons, the member's answer and the group's result. */
function closed(question: QuestionReply, history: readonly string[], step: Step, mine: string | undefined, result?: QuestionReply['result']): QuestionReply {
  const { views: _views, ...rest } = question;
  const asked = history.indexOf(step.id);
  return {
    ...rest,
    number: asked >= 0 ? asked + 1 : question.number,
    input: { kind: 'info', text: texts.dialogue.questionOver },
    concepts: [],
    actions: [],
    over: true,
    ...(mine !== undefined ? { mine } : {}),
    ...(result ? { result } : {}),
  };
}

/** The member's own choice or score styled as the chosen one (multi-select and free text show it in `mine`). */
function marked(input: QuestionReply['input'], payloadOf: (v?: string) => string, vote: Vote | undefined): QuestionReply['input'] {
  const value = vote?.value;
  const chosen = value?.kind === 'choice' ? payloadOf(value.id) : value?.kind === 'scale' ? payloadOf(String(value.score)) : undefined;
  if (chosen === undefined || (input.kind !== 'choice' && input.kind !== 'scale')) return input;
  const options = input.options.map((o): Action => (o.payload === chosen ? { ...o, style: 'primary' } : o));
  return { ...input, options };
}
