import { createHash } from 'node:crypto';
import { INLINE_TEXT_MAX } from '../actions.js';
import { personalKey } from '../keys.js';
import type { Turn } from '../turn.js';
import type { PersonalState } from './personal.js';

/** A typed message kept on the server until its sender says what they meant by it. */
export interface KeptText {
  readonly key: string;
  readonly text: string;
}

/** How a button carries typed text: the text itself (`t`), or the key of the kept text (`k`). */
export type CarriedText = { readonly t: string } | { readonly k: string };

/** Text for buttons: short text as it is; long text kept in the sender's state (one per conversation, the newest). */
export async function carry(turn: Turn, text: string): Promise<CarriedText> {
  if (text.length <= INLINE_TEXT_MAX) return { t: text };
  const key = createHash('sha256').update(text).digest('base64url').slice(0, 12);
  await turn.store.update<PersonalState>(personalKey(turn.event.actor, turn.event.conversation), (state) => ({ ...state, kept: { key, text } }), { ttlMs: turn.ttlMs });
  return { k: key };
}

/** The text a button carries; undefined when it was kept and is no longer there (a newer message replaced it, or it expired). */
export async function carried(turn: Turn, payload: { t?: string; k?: string }): Promise<string | undefined> {
  if (payload.t !== undefined) return payload.t;
  if (payload.k === undefined) return undefined;
  const kept = (await turn.store.get<PersonalState>(personalKey(turn.event.actor, turn.event.conversation)))?.kept;
  return kept?.key === payload.k ? kept.text : undefined;
}
