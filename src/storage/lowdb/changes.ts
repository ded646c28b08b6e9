import { StoreError } from '../port.js';
import type { Change } from './entry.js';
import type { KeyIndex, KeyState } from './index-cache.js';

/** A key before its first change that is not on disk yet, to go back to when that change's append fails. */
interface Before extends KeyState {
  /** The key's journaled change at that moment. */
  readonly dirty: Change | undefined;
  /** Changes of the key waiting for or in an append. */
  outstanding: number;
}

/**
 * Changes in the journals that are not in the key files yet: `dirty` in the live journal, `sealed` in the
 * sealed one a checkpoint is writing out. A change is made visible at once (staged), so the next update of
 * the key builds on it while its append is on its way; when that append fails, the key goes back.
 */
export interface Changes {
  /** The newest journaled change of a key not yet in its file, if any. */
  journaled(key: string): Change | undefined;
  /** A change read from a journal at open. */
  replay(key: string, change: Change, from: 'sealed' | 'live'): void;
  /** Counts the failed appends of a key: an update that read before one must not write on top of the undone state. */
  generation(key: string): number;
  /** Makes `change` the key's value now; fails when an append of the key failed since `readGeneration`. */
  stage(key: string, change: Change, readGeneration: number): void;
  written(key: string): void;
  revert(keys: Iterable<string>): void;
  /** The live journal was sealed: its changes move to the sealed set. */
  sealed(): void;
  /** The sealed changes to write out (a key may have a newer one in the live journal; it goes next time). */
  toWriteOut(): Array<readonly [string, Change]>;
  wroteOut(key: string): void;
  readonly counts: { readonly live: number; readonly sealed: number };
}

export function createChanges(keys: KeyIndex): Changes {
  let dirty = new Map<string, Change>();
  const sealed = new Map<string, Change>();
  const before = new Map<string, Before>();
  const failures = new Map<string, number>();

  return {
    journaled: (key) => (dirty.has(key) ? dirty.get(key) : sealed.get(key)),
    replay(key, change, from) {
      (from === 'sealed' ? sealed : dirty).set(key, change);
      keys.apply(key, change);
    },
    generation: (key) => failures.get(key) ?? 0,
    stage(key, change, readGeneration) {
      if ((failures.get(key) ?? 0) !== readGeneration) throw new StoreError('STORE_WRITE_FAILED', `an earlier write of ${key} failed; nothing was written`);
      let b = before.get(key);
      if (!b) before.set(key, (b = { ...keys.stateOf(key), dirty: dirty.get(key), outstanding: 0 }));
      b.outstanding++;
      dirty.set(key, change);
      keys.apply(key, change);
      if (change) keys.remember(key, change);
    },
    written(key) {
      const b = before.get(key);
      if (b && --b.outstanding === 0) before.delete(key);
    },
    revert(failed) {
      for (const key of failed) {
        const b = before.get(key);
        if (!b) continue;
        before.delete(key);
        failures.set(key, (failures.get(key) ?? 0) + 1);
        if (b.dirty === undefined) dirty.delete(key);
        else dirty.set(key, b.dirty);
        keys.restore(key, b);
      }
    },
    sealed() {
      // a key whose newest change still waits for its append keeps it in the live set, and its last written
      // change goes to the sealed set (so a failed append can go back to a value that is on disk)
      const rest = new Map<string, Change>();
      for (const [key, change] of dirty) {
        const b = before.get(key);
        if (!b) sealed.set(key, change);
        else {
          if (b.dirty !== undefined) sealed.set(key, b.dirty);
          rest.set(key, change);
        }
      }
      dirty = rest;
    },
    toWriteOut: () => [...sealed],
    wroteOut: (key) => void sealed.delete(key),
    get counts() {
      return { live: dirty.size, sealed: sealed.size };
    },
  };
}
