import type { ActionPayload } from '../actions.js';
import { notice, type Reply } from '../replies.js';
import type { Turn } from '../turn.js';
import { askAction, consentForm, sendQuestion } from './ask.js';
import { expertAction } from './answer.js';
import { vote } from './feedback.js';
import { expertTexts as t } from './texts.js';

/** The buttons of the content team's loop, from bot.ts's dispatcher. */
export type ExpertsPayload = Extract<ActionPayload, { a: 'xask' | 'xsend' | 'xcancel' | 'xans' | 'xlink' | 'xnone' | 'xretry' | 'fb' }>;

export function onExpertsAction(turn: Turn, payload: ExpertsPayload, input: { values?: readonly string[]; text?: string }): Promise<Reply[]> | Reply[] {
  switch (payload.a) {
    case 'xask':
      return consentForm(turn, payload.t, payload.c);
    case 'xsend':
      return sendQuestion(turn, payload, input.text);
    case 'xcancel':
      return [notice(t.ask.cancelled, [], { private: true })];
    case 'fb':
      return vote(turn, payload.c, payload.v);
    case 'xans':
    case 'xlink':
    case 'xnone':
    case 'xretry':
      return expertAction(turn, payload, input);
  }
}

/** "weet ik niet" and "bedoelde je…" get "Vraag het de kennisredactie", carrying the question. */
export function withAskExperts(replies: Reply[], query: string): Reply[] {
  return replies.map((r) => {
    return r.kind === 'suggestions' || r.kind === 'notice' ? { ...r, actions: [...r.actions, askAction(query)] } : r;
  });
}
