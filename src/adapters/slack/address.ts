import type { Address } from '../../bot/events.js';

/**
 * Where the bot can post later without being asked (an answer from the content team): the `Address` the core
 * stores and hands back to the Slack outbox. A person is reached in their DM with the bot (opened when needed);
 * a channel, or a thread in one, directly. Slack ids and thread timestamps hold no colons, so the reference is
 * a short string: `u:<team>:<user>` or `c:<team>:<channel>[:<thread ts>]`.
 */
export type SlackPlace =
  | { readonly kind: 'user'; readonly team: string; readonly user: string }
  | { readonly kind: 'channel'; readonly team: string; readonly channel: string; readonly threadTs?: string };

export const PLATFORM = 'slack';

export function userAddress(team: string, user: string): Address {
  return { platform: PLATFORM, ref: `u:${team}:${user}` };
}

export function channelAddress(team: string, channel: string, threadTs?: string): Address {
  return { platform: PLATFORM, ref: threadTs ? `c:${team}:${channel}:${threadTs}` : `c:${team}:${channel}` };
}

/** Undefined for a reference this adapter did not make. */
export function parsePlace(ref: string): SlackPlace | undefined {
  const [kind, team, id, threadTs, ...rest] = ref.split(':');
  if (!team || !id || rest.length > 0) return undefined;
  if (kind === 'u' && threadTs === undefined) return { kind: 'user', team, user: id };
  if (kind === 'c') return { kind: 'channel', team, channel: id, ...(threadTs ? { threadTs } : {}) };
  return undefined;
}
