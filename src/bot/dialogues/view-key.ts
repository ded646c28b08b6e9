import { z } from 'zod';
import { decodeOurs } from '../actions.js';
import type { MemberViews } from '../replies.js';
import { MAX_VIEWERS, type GroupSession } from './session.js';

/**
 * Which card a member's view is of: the question (q) or the tally (t) of step s in group session r. Made by the
 * core, carried unread by adapters (Teams: in a card's refresh data) and read back by `Bot.view`.
 */
const viewKeySchema = z.object({ v: z.enum(['q', 't']), r: z.string().max(40), s: z.string().max(100).optional() });

export type ViewKey = z.infer<typeof viewKeySchema>;

export const encodeViewKey = (key: ViewKey): string => JSON.stringify(key);

/** Undefined for anything the core did not make. */
export function decodeViewKey(raw: string): ViewKey | undefined {
  return decodeOurs(viewKeySchema, raw);
}

/**
 * The views of a group card, for the lead and every member who answered so far (their ids are in the session).
 * Members who never acted see the shared card: listing every member of a channel would need a member list the
 * core does not have, and a member's first click lists them. A group larger than MAX_VIEWERS shares one card.
 */
export function sessionViews(session: GroupSession, v: ViewKey['v'], stepId: string): MemberViews | undefined {
  const viewers = Object.values(session.viewers ?? {});
  if (session.crowded || viewers.length === 0 || viewers.length > MAX_VIEWERS) return undefined;
  return { key: encodeViewKey({ v, r: session.id, s: stepId }), viewers };
}
