import type { KnowledgeSnapshot } from '../knowledge/snapshot.js';
import type { Store } from '../storage/port.js';
import type { BotEvent } from './events.js';

/** Where the core gets the knowledge: the live snapshot, swapped whole on reload. */
export interface KnowledgeSource {
  current(): KnowledgeSnapshot;
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
}
