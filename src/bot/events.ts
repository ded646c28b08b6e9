/**
 * Neutral events: what happened in a conversation, whatever the platform. Adapters build them from an
 * Activity or a Slack payload; the core never sees either.
 */

/** Where a turn happens. `key` is opaque and stable per conversation (or per thread). */
export interface ConversationRef {
  readonly key: string;
  /** personal: one-to-one chat; group: a group chat; channel: a channel or a thread in one. */
  readonly scope: 'personal' | 'group' | 'channel';
}

/** Who acts. `id` is opaque and stable per platform user; `isAdmin` is decided by config. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly isAdmin: boolean;
}

interface EventBase {
  readonly conversation: ConversationRef;
  readonly actor: Actor;
}

export interface MessageEvent extends EventBase {
  readonly kind: 'message';
  readonly text: string;
}

/** A button or form submit. `payload` is one the core made; `values`/`text` come from inputs on the same form. */
export interface ActionEvent extends EventBase {
  readonly kind: 'action';
  readonly payload: string;
  /** Selected option values of a multi-select input. */
  readonly values?: readonly string[];
  /** The content of a free-text input. */
  readonly text?: string;
}

export interface WelcomeEvent extends EventBase {
  readonly kind: 'welcome';
}

/** A command the platform offers in its own interface (Slack's `/routeplanner help`), rather than typed text. */
export interface CommandEvent extends EventBase {
  readonly kind: 'command';
  readonly command: 'help';
}

export type BotEvent = MessageEvent | ActionEvent | WelcomeEvent | CommandEvent;

export function isGroupScope(conversation: ConversationRef): boolean {
  return conversation.scope !== 'personal';
}
