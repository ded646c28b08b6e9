import type { Address } from '../events.js';
import type { Reply } from '../replies.js';
import type { Delivery, ExpertOutbox } from '../turn.js';

/**
 * Calls to the outbox. Adapters report a failed delivery as a value; one that throws anyway counts as failed,
 * so the question's state and the user's message stay right whatever the platform did.
 */
export async function deliverTo(outbox: ExpertOutbox, target: 'experts' | 'asker', address: Address, replies: readonly Reply[]): Promise<Delivery> {
  try {
    return await (target === 'experts' ? outbox.toExperts(address, replies) : outbox.toConversation(address, replies));
  } catch {
    return { ok: false, code: 'failed' };
  }
}
