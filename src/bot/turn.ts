import type { KnowledgeStatus, ReloadReport } from '../knowledge/reload-report.js';
import type { LookupResult } from '../knowledge/search.js';
import type { KnowledgeSnapshot } from '../knowledge/snapshot.js';
import type { Store } from '../storage/port.js';
import type { Actor, Address, BotEvent, ConversationRef } from './events.js';
import type { Reply } from './replies.js';

/** Where the core gets the knowledge: the live snapshot, swapped whole on reload. */
export interface KnowledgeSource {
  current(): KnowledgeSnapshot;
}

/** One question the admins may want to see: the normalised query, how often, when last. */
export interface UnansweredQuestion {
  readonly query: string;
  readonly count: number;
  readonly lastSeen: string;
  readonly outcome: 'suggest' | 'none';
}

/**
 * The admin operations the chat commands `herlaad kennis`, `status` and `onbeantwoord` use. The core checks
 * that the actor is an admin; the app implements the operations (reload, history, counts).
 */
export interface AdminPort {
  reload(actor: Actor): Promise<ReloadReport>;
  status(): Promise<KnowledgeStatus>;
  unanswered(limit: number): Promise<readonly UnansweredQuestion[]>;
  /** Called when a non-admin tries an admin command (for the log). */
  refused(actor: Actor, command: string): void;
}

/** How a delivery through the outbox went: expected outcomes, as values. */
export type Delivery =
  | { readonly ok: true }
  /** unsupported: this platform's adapter cannot deliver (yet); unreachable: the conversation is gone or the bot was removed; failed: anything else. */
  | { readonly ok: false; readonly code: 'unsupported' | 'unreachable' | 'failed' };

/**
 * The content team's outbox: the core decides what to say, the adapter of `address.platform` posts it. Adapters
 * translate their platform errors into a `Delivery`; they never throw for a failed delivery. A reply with a
 * `replaceKey` (the experts' question card) replaces the message posted earlier with the same key.
 */
export interface ExpertOutbox {
  /** Posts into the experts' channel at `address` (stored by the `experts hier` command). */
  toExperts(address: Address, replies: readonly Reply[]): Promise<Delivery>;
  /** Posts into a conversation a user had with the bot earlier (the asker's own chat), at its stored address. */
  toConversation(address: Address, replies: readonly Reply[]): Promise<Delivery>;
  /** Called when someone who is no expert tries an expert action (for the log: the user id, never text). */
  refused(actor: Actor, action: string): void;
  /**
   * Whether the actor, acting in `where`, is a member of the experts' channel at `channel` (EXPERTS_FROM_CHANNEL,
   * checked by that platform's adapter); false where the platform does not check or the setting is off.
   */
  isChannelMember?(channel: Address, actor: Actor, where: ConversationRef): Promise<boolean>;
}

/** Hooks for metrics and the unanswered-question counts; never given user or conversation ids. */
export interface BotObserver {
  lookup(result: LookupResult): void;
}

export interface BotDeps {
  readonly knowledge: KnowledgeSource;
  readonly store: Store;
  /** Injected clock (ms since epoch), for expiry tests. */
  readonly now?: () => number;
  /** Makes short unique ids for runs and sessions. */
  readonly newId?: () => string;
  /** Stored answers expire this many days after the last activity (default 30). */
  readonly retentionDays?: number;
  /** Longer messages are refused politely (default 4,000 characters). */
  readonly maxMessageLength?: number;
  /** Admin commands; without it they answer that they are not available here. */
  readonly admin?: AdminPort;
  readonly observer?: BotObserver;
  /** The content team's outbox; without it, questions for the content team say they are not available here. */
  readonly experts?: ExpertOutbox;
}

/** Everything one turn needs: the event, one snapshot for the whole turn (never a mix), the clock. */
export interface Turn {
  readonly event: BotEvent;
  readonly snapshot: KnowledgeSnapshot;
  readonly now: number;
  readonly store: Store;
  readonly ttlMs: number;
  readonly retentionDays: number;
  readonly newId: () => string;
  readonly admin?: AdminPort;
  readonly observer?: BotObserver;
  readonly experts?: ExpertOutbox;
}
