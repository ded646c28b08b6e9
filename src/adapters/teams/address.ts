import type { Activity, ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { Address } from '../../bot/events.js';

/**
 * Where the bot can post in Teams later without being asked (the content team's channel, an asker's personal
 * chat): the `Address` the core stores and hands back to the Teams outbox. The reference keeps only what a
 * proactive message needs (service URL, conversation id, tenant, bot id), as short JSON. Someone who acts in a
 * channel or group chat is reached in a personal chat the bot opens with them (their user id instead of a
 * conversation id): Teams allows that for members of a team or chat the bot is in.
 *
 * A stored service URL is never trusted blindly: the bot's token goes to it with every call, so a reference
 * whose URL is not https (or, in local mode only, http on this machine) is refused when it is read.
 */
export const PLATFORM = 'teams';

export type TeamsPlace = {
  readonly serviceUrl: string;
  readonly tenantId?: string;
  readonly botId?: string;
} & ({ readonly conversationId: string; readonly userId?: undefined } | { readonly userId: string; readonly conversationId?: undefined });

const id = z.string().min(1).max(500);
const stored = z
  .object({ s: id, c: id.optional(), u: id.optional(), t: z.string().max(100).optional(), b: z.string().max(200).optional() })
  .strict()
  .refine((p) => (p.c === undefined) !== (p.u === undefined), 'a conversation or a user');

function tenantOf(activity: Partial<Activity>): string | undefined {
  const tenant = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return typeof tenant === 'string' ? tenant : undefined;
}

function addressOf(activity: Partial<Activity>, target: { c: string } | { u: string }): Address | undefined {
  const tenantId = tenantOf(activity);
  const place = { s: activity.serviceUrl, ...target, ...(tenantId ? { t: tenantId } : {}), ...(activity.recipient?.id ? { b: activity.recipient.id } : {}) };
  return stored.safeParse(place).success ? { platform: PLATFORM, ref: JSON.stringify(place) } : undefined;
}

/** The address of the activity's conversation; undefined when the activity lacks what a proactive message needs. */
export function conversationAddress(activity: Partial<Activity>): Address | undefined {
  return activity.conversation?.id ? addressOf(activity, { c: activity.conversation.id }) : undefined;
}

/** The actor's own chat with the bot, to be opened when needed (Teams needs the tenant for that). */
export function userAddress(activity: Partial<Activity>): Address | undefined {
  return activity.from?.id && tenantOf(activity) ? addressOf(activity, { u: activity.from.id }) : undefined;
}

/** The place a reference names, or undefined for one this adapter did not make or whose service URL is not safe. */
export function parsePlace(ref: string, opts: { local: boolean }): TeamsPlace | undefined {
  let json: unknown;
  try {
    json = JSON.parse(ref);
  } catch {
    return undefined;
  }
  const parsed = stored.safeParse(json);
  if (!parsed.success || !isSafeServiceUrl(parsed.data.s, opts.local)) return undefined;
  const { s, c, u, t, b } = parsed.data;
  const common = { serviceUrl: s, ...(t ? { tenantId: t } : {}), ...(b ? { botId: b } : {}) };
  return c !== undefined ? { ...common, conversationId: c } : { ...common, userId: u! };
}

/** https anywhere; plain http only in local mode and only on this machine (the Agents Playground, tests). */
export function isSafeServiceUrl(serviceUrl: string, local: boolean): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return local && url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** A channel conversation id names a thread with ";messageid=<root>"; the channel itself is the part before it. */
export function channelOf(conversationId: string): string {
  const at = conversationId.indexOf(';messageid=');
  return at >= 0 ? conversationId.slice(0, at) : conversationId;
}

/** The conversation reference botbuilder's continueConversationAsync needs for a conversation. */
export function referenceOf(place: TeamsPlace, conversationId: string): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl: place.serviceUrl,
    conversation: { id: conversationId, ...(place.tenantId ? { tenantId: place.tenantId } : {}) } as ConversationReference['conversation'],
    ...(place.botId ? { bot: { id: place.botId, name: '' } } : {}),
  };
}
