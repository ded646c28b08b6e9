/**
 * Neutral events: what happened in a conversation, whatever the platform. Adapters build them from an
 * Activity or a Slack payload; the core never sees either.
 */

/**
 * Where the bot can post later without being asked (an answer from the content team), made by an adapter and
 * read only by the same platform's adapter: the core stores it and hands it back through its ports.
 */
export interface Address {
  /** The platform whose adapter made it and can deliver to it: `teams`, `slack`, ... */
  readonly platform: string;
  /** Opaque to the core (Teams: a serialised conversation reference; Slack: team, channel and thread). */
  readonly ref: string;
}

/** Where a turn happens. `key` is opaque and stable per conversation (or per thread). */
export interface ConversationRef {
  readonly key: string;
  /** personal: one-to-one chat; group: a group chat; channel: a channel or a thread in one. */
  readonly scope: 'personal' | 'group' | 'channel';
  /** How to post into this conversation later; absent where the adapter cannot (yet). */
  readonly address?: Address;
}

/** Who acts. `id` is opaque and stable per platform user; `isAdmin` and `isExpert` are decided by config. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly isAdmin: boolean;
  /** Listed in EXPERT_IDS: may answer questions for the content team (admins may too). */
  readonly isExpert?: boolean;
  /**
   * How to reach this person later in their own chat with the bot, also when they act in a channel. In a
   * personal conversation the conversation's address serves when this is absent.
   */
  readonly address?: Address;
  /**
   * The platform's own id for this person where a card can be shown to them their own way (Teams: `from.id`, for
   * a card's refresh `userIds`); absent where the platform has no per-user views.
   */
  readonly viewerId?: string;
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
