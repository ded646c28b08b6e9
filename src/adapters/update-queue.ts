/**
 * In-place message updates, one at a time per message, coalesced: while an update is being sent, newer
 * ones wait and only the newest is sent next; the ones it supersedes resolve without a call. When a whole
 * channel votes at once, the tally on screen only moves forward and the platform sees a handful of
 * updates instead of one per vote (Teams and Slack rate-limit per conversation).
 */
export interface UpdateQueue {
  /** Sends `send` unless a newer version for `key` is sent first; resolves when the message shows this version or a newer one. */
  run(key: string, version: number, send: () => Promise<void>): Promise<void>;
}

interface Slot {
  running: boolean;
  sentVersion: number;
  pending?: { version: number; send: () => Promise<void>; waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> };
}

export function createUpdateQueue(): UpdateQueue {
  const slots = new Map<string, Slot>();

  async function drain(key: string, slot: Slot): Promise<void> {
    slot.running = true;
    while (slot.pending) {
      const job = slot.pending;
      slot.pending = undefined;
      try {
        if (job.version > slot.sentVersion) {
          await job.send();
          slot.sentVersion = job.version;
        }
        job.waiters.forEach((w) => w.resolve());
      } catch (err) {
        job.waiters.forEach((w) => w.reject(err));
      }
    }
    slot.running = false;
    if (slots.size > 10_000) slots.delete(key); // bound memory; a stale update after this is harmless
  }

  return {
    run(key, version, send) {
      let slot = slots.get(key);
      if (!slot) slots.set(key, (slot = { running: false, sentVersion: -1 }));
      if (version <= slot.sentVersion) return Promise.resolve();
      const s = slot;
      return new Promise<void>((resolve, reject) => {
        const waiters = [{ resolve, reject }];
        if (s.pending && s.pending.version > version) {
          s.pending.waiters.push(...waiters); // a newer update is already waiting: it covers this one
        } else {
          s.pending = { version, send, waiters: [...(s.pending?.waiters ?? []), ...waiters] };
        }
        if (!s.running) void drain(key, s);
      });
    },
  };
}
