import type { Action } from '../replies.js';

/**
 * The content team's replies: the consent form before a question is sent, the experts' question card in their
 * channel, and their answer in the asker's chat. Part of the `Reply` union in ../replies.ts, which re-exports them.
 */

/**
 * Asks the user's consent before a question goes to the content team: what is sent and kept, and whether their
 * name may be shown. The text input holds the question (prefilled where known, editable); the send buttons
 * submit it as the event's `text` and also carry the prefilled question, for hosts without inputs.
 */
export interface ExpertConsentReply {
  readonly kind: 'expert-consent';
  /** Our text: what is sent, to whom, how long it is kept. */
  readonly text: string;
  readonly field: { readonly label: string; readonly placeholder: string; readonly maxLength: number; readonly value: string };
  /** Send with name, send without name, cancel. */
  readonly actions: readonly Action[];
  readonly private: true;
}

/** One of the options of a choice input (a concept to link a question to). */
export interface ChoiceOption {
  readonly label: string;
  readonly value: string;
}

/**
 * A question for the content team, as the experts see it in their channel. Every new version replaces the card
 * with the same `replaceKey` in place (a newer `version` wins), also when it is delivered through the outbox.
 */
export interface ExpertQuestionReply {
  readonly kind: 'expert-question';
  readonly replaceKey: string;
  readonly version: number;
  readonly heading: string;
  /** As the asker typed it: shown verbatim, never parsed as markup. Empty once erased. */
  readonly question: string;
  /** Our lines (with *bold*): who asked (only with consent), when, about which answer, what was done. */
  readonly lines: readonly string[];
  /** The expert's written answer, verbatim. */
  readonly answer?: string;
  /** While open: a free-text answer; `submit` ("Beantwoorden") comes back with the typed text. */
  readonly answerInput?: { readonly label: string; readonly placeholder: string; readonly maxLength: number; readonly submit: Action };
  /**
   * While open: link to an existing concept; `submit` ("Koppel aan begrip") comes back with the chosen value in
   * `values`, or with a term typed in the answer box, which the core looks up. `options`: the lookup's best
   * concepts for the question first, then the others (at most 100).
   */
  readonly conceptInput?: { readonly label: string; readonly placeholder: string; readonly options: readonly ChoiceOption[]; readonly submit: Action };
  /** "Geen antwoord" while open; "Opnieuw bezorgen" after a failed delivery. */
  readonly actions: readonly Action[];
}

/** An answer from the content team, delivered in the asker's own chat. */
export interface ExpertAnswerReply {
  readonly kind: 'expert-answer';
  readonly heading: string;
  /** The asker's question and the expert's answer, verbatim. */
  readonly question: string;
  readonly answer: string;
  /** Our text: who answered. */
  readonly byline: string;
  readonly actions: readonly Action[];
}
