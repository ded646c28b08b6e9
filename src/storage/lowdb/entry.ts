/** What the lowdb store keeps per key: in a key file, in a journal line, and in memory. */

/** A key file's content. */
export interface Entry {
  readonly key: string;
  readonly value: unknown;
  readonly expiresAt?: number;
}

/** A value as kept in memory and in the journal: its JSON text (every read parses a fresh copy). */
export interface Cached {
  readonly json: string;
  readonly expiresAt?: number;
}

/** A change of a key: its new value, or null when it was deleted. */
export type Change = Cached | null;

/** A value read back (from a key file or a journal line) as kept in memory. */
export const cachedOf = (value: unknown, expiresAt: number | undefined): Cached => ({ json: JSON.stringify(value), ...(expiresAt !== undefined ? { expiresAt } : {}) });

export const isExpired = (expiresAt: number | undefined, now: number): boolean => expiresAt !== undefined && expiresAt <= now;
