import type { Store } from '../storage/port.js';
import { createUpdateQueue } from './update-queue.js';

/**
 * A message that changes in place (a group's tally) instead of being posted again: the platform reference of
 * the posted message is kept in the store per conversation and reply key, so every later version updates it,
 * from this instance or another. Versions go out one at a time and coalesce (see update-queue.ts).
 */
export interface InPlaceMessage<Ref> {
  /** Posts the message; its reference, to update it later. */
  post(): Promise<Ref | undefined>;
  update(ref: Ref): Promise<void>;
}

export interface InPlaceUpdates {
  /** Shows `version` of the message `replaceKey` in the conversation: updated where it is, or posted and remembered. */
  show<Ref>(conversationKey: string, replaceKey: string, version: number, message: InPlaceMessage<Ref>): Promise<void>;
}

/** A reference outlives a week-long group session. */
const MESSAGE_REF_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function createInPlaceUpdates(deps: { platform: string; store: Store }): InPlaceUpdates {
  const queue = createUpdateQueue();
  return {
    show(conversationKey, replaceKey, version, message) {
      const key = `${deps.platform}:msg:${conversationKey}:${replaceKey}`;
      return queue.run(key, version, async () => {
        const ref = await deps.store.get<Parameters<typeof message.update>[0]>(key);
        if (ref !== undefined && ref !== null) {
          await message.update(ref);
          return;
        }
        const posted = await message.post();
        if (posted !== undefined) await deps.store.update(key, () => posted, { ttlMs: MESSAGE_REF_TTL_MS });
      });
    },
  };
}
