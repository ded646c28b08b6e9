import { encodeAction } from '../actions.js';
import type { Action, AnswerReply } from '../replies.js';
import { expertTexts as t } from './texts.js';

/**
 * What every concept answer offers: "Nuttig? ja / nee" and "Vraag het de kennisredactie". The payloads name the
 * concept only, so the answer stays one shared object per concept (see ../lookup/lookup-replies.ts).
 */
export function answerExtras(conceptId: string): { feedback: NonNullable<AnswerReply['feedback']>; ask: Action } {
  return {
    feedback: {
      prompt: t.feedback.prompt,
      yes: { label: t.feedback.yes, payload: encodeAction({ a: 'fb', c: conceptId, v: 'ja' }) },
      no: { label: t.feedback.no, payload: encodeAction({ a: 'fb', c: conceptId, v: 'nee' }) },
    },
    ask: askAboutConceptAction(conceptId),
  };
}

/** The button under a concept answer (and after "nee"): the asker types the question in the consent form. */
export function askAboutConceptAction(conceptId: string): Action {
  return { label: t.ask.label, payload: encodeAction({ a: 'xask', c: conceptId }) };
}
