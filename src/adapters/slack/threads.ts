import type { ConversationRef } from '../../bot/events.js';
import { errorCode, type Logger } from '../../log.js';
import type { Store } from '../../storage/port.js';
import { channelAddress, parsePlace } from './address.js';
import { isDmChannel } from './inbound.js';

/**
 * A group session started with the slash command lives at channel level, and a thread is a conversation of
 * its own. So that a reply in the thread under one of the session's messages (a free-text answer, with a
 * mention) reaches the session, each message posted at channel level remembers its conversation.
 */
export interface ThreadOwners {
  /** Remembers that the message `ts` at channel level belongs to `conversationKey`. */
  remember(target: { channel: string; threadTs?: string; conversationKey: string }, ts: string | undefined): Promise<void>;
  /** The conversation of a thread under a bot message at channel level, or the thread's own. */
  ownerOf(conversation: ConversationRef, channel: string, threadTs: string | undefined): Promise<ConversationRef>;
}

/** A thread's owner is remembered as long as a message reference (see in-place.ts). */
const TTL_MS = 7 * 24 * 60 * 60 * 1000;

const ownerKey = (channel: string, ts: string): string => `slack:thread:${channel}:${ts}`;

export function createThreadOwners(deps: { store: Store; log: Logger }): ThreadOwners {
  const { store, log } = deps;
  return {
    async remember(target, ts) {
      if (!ts || target.threadTs || isDmChannel(target.channel)) return;
      try {
        await store.update(ownerKey(target.channel, ts), () => target.conversationKey, { ttlMs: TTL_MS });
      } catch (err) {
        // the message is out; only thread replies to it would miss the session
        log.warn({ code: errorCode(err) }, 'slack thread owner not saved');
      }
    },
    async ownerOf(conversation, channel, threadTs) {
      if (!threadTs || conversation.scope === 'personal') return conversation;
      try {
        const owner = await store.get<string>(ownerKey(channel, threadTs));
        if (!owner) return conversation;
        // the session's conversation, at channel level
        const place = conversation.address && parsePlace(conversation.address.ref);
        return { key: owner, scope: conversation.scope, ...(place?.kind === 'channel' ? { address: channelAddress(place.team, place.channel) } : {}) };
      } catch {
        return conversation; // store down: the turn itself will say so
      }
    },
  };
}
