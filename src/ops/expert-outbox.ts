import type { Actor, Address, ConversationRef } from '../bot/events.js';
import type { Reply } from '../bot/replies.js';
import type { Delivery, ExpertOutbox } from '../bot/turn.js';
import { errorCode, type Logger } from '../log.js';

/**
 * The content team's outbox, routed by platform: each adapter that can deliver registers a `Deliverer` for its
 * own addresses. A platform without one gets `unsupported` (and a log line), so the core tells the user
 * plainly that the question could not be sent. Logs carry platforms, counts and codes, never text.
 */
export interface Deliverer {
  /** Posts into the experts' channel; a reply with a `replaceKey` replaces the message posted with that key. */
  toExperts(ref: string, replies: readonly Reply[]): Promise<Delivery>;
  /** Posts into a conversation the user had with the bot (their own chat), unasked. */
  toConversation(ref: string, replies: readonly Reply[]): Promise<Delivery>;
  /**
   * EXPERTS_FROM_CHANNEL: whether the actor, acting in `where`, is a member of the experts' channel at
   * `channelRef`. Absent, or the setting off: nobody is an expert by membership, only by EXPERT_IDS.
   */
  isChannelMember?(channelRef: string, actor: Actor, where: ConversationRef): Promise<boolean>;
}

export function createOutbox(deliverers: Readonly<Partial<Record<string, Deliverer>>>, log: Logger): ExpertOutbox {
  async function send(target: 'experts' | 'conversation', address: Address, replies: readonly Reply[]): Promise<Delivery> {
    const deliverer = deliverers[address.platform];
    if (!deliverer) {
      log.info({ platform: address.platform, target, replies: replies.length }, 'expert outbox: no adapter delivers on this platform yet');
      return { ok: false, code: 'unsupported' };
    }
    try {
      const delivery = await (target === 'experts' ? deliverer.toExperts(address.ref, replies) : deliverer.toConversation(address.ref, replies));
      if (!delivery.ok) log.warn({ platform: address.platform, target, code: delivery.code }, 'expert outbox: delivery failed');
      return delivery;
    } catch (err) {
      // adapters report failures as values; one that throws anyway is a failed delivery, not a failed turn
      log.error({ platform: address.platform, target, code: errorCode(err) }, 'expert outbox: delivery threw');
      return { ok: false, code: 'failed' };
    }
  }
  return {
    toExperts: (address, replies) => send('experts', address, replies),
    toConversation: (address, replies) => send('conversation', address, replies),
    refused: (actor: Actor, action: string) => log.warn({ actor: actor.id, action }, 'expert action refused: not an expert'),
    async isChannelMember(channel, actor, where) {
      const deliverer = deliverers[channel.platform];
      if (!deliverer?.isChannelMember) return false;
      try {
        return await deliverer.isChannelMember(channel.ref, actor, where);
      } catch (err) {
        // a membership that cannot be checked is no membership: the expert can try again, nobody else gets in
        log.warn({ platform: channel.platform, code: errorCode(err) }, 'expert outbox: channel membership not checked');
        return false;
      }
    },
  };
}
