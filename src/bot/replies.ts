import type { Source } from '../knowledge/schema.js';

/**
 * Neutral replies: what the bot wants to say, never how a platform lays it out. Adapters render them as
 * Adaptive Cards or Block Kit; the terminal renders them as text.
 */

/** A button. `payload` is made by the core and comes back unread in an action event. */
export interface Action {
  readonly label: string;
  readonly payload: string;
}

export interface AnswerReply {
  readonly kind: 'answer';
  readonly conceptId: string;
  readonly term: string;
  readonly short: string;
  /** Markdown, shown behind "lees meer". */
  readonly explanation: string;
  readonly sources: readonly Source[];
  /** False for general knowledge not confirmed by a source. */
  readonly verified: boolean;
  /** Related concepts, as buttons. */
  readonly related: readonly Action[];
}

export interface SuggestionsReply {
  readonly kind: 'suggestions';
  readonly text: string;
  readonly options: readonly Action[];
}

export interface NoticeReply {
  readonly kind: 'notice';
  readonly text: string;
  readonly tone: 'info' | 'warning' | 'error';
  readonly actions: readonly Action[];
}

export type Reply = AnswerReply | SuggestionsReply | NoticeReply;

export function assertNever(x: never): never {
  throw new Error(`unhandled variant: ${JSON.stringify(x)}`);
}
