import type { Actor, Address } from '../../src/bot/events.js';
import type { Reply } from '../../src/bot/replies.js';
import type { Delivery, ExpertOutbox } from '../../src/bot/turn.js';

export interface Delivered {
  readonly target: 'experts' | 'asker';
  readonly address: Address;
  readonly replies: readonly Reply[];
}

/**
 * The content team's outbox as an adapter would be, in memory: it keeps what was delivered where, and can be
 * told to fail (the asker's chat is unreachable, the experts' channel is down).
 */
export function createFakeOutbox() {
  const delivered: Delivered[] = [];
  const refused: string[] = [];
  const failing = new Set<'experts' | 'asker'>();
  const deliver = async (target: 'experts' | 'asker', address: Address, replies: readonly Reply[]): Promise<Delivery> => {
    if (failing.has(target)) return { ok: false, code: 'unreachable' };
    delivered.push({ target, address, replies });
    return { ok: true };
  };
  const outbox: ExpertOutbox = {
    toExperts: (address, replies) => deliver('experts', address, replies),
    toConversation: (address, replies) => deliver('asker', address, replies),
    refused: (actor: Actor, action: string) => void refused.push(`${actor.id}:${action}`),
  };
  return {
    outbox,
    delivered,
    refused,
    /** What was delivered to `target` last. */
    last: (target: 'experts' | 'asker'): Reply[] => [...(delivered.filter((d) => d.target === target).at(-1)?.replies ?? [])],
    fail: (target: 'experts' | 'asker', on = true) => void (on ? failing.add(target) : failing.delete(target)),
  };
}
