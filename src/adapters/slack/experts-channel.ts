import { expertsChannelKey, type ExpertsChannel } from '../../bot/experts/channel.js';
import { errorCode, type Logger } from '../../log.js';
import type { Store } from '../../storage/port.js';
import { channelAddress, parsePlace, PLATFORM } from './address.js';
import { slackConversation } from './inbound.js';

/**
 * The experts' channel from the settings (SLACK_EXPERTS_CHANNEL, a channel id), stored where the core reads it
 * (`experts:channel:slack`), as `experts hier` would. The team id is part of the address and comes with the
 * first event, so it is written then, before that event's turn. A configured channel is written when it is new
 * or changed, so an admin's `experts hier` in another channel holds until the setting itself changes.
 */
export type ExpertsChannelSetup = (team: string) => Promise<void>;

const CONFIGURED_KEY = 'slack:experts:configured';

export function configureExpertsChannel(deps: { channel: string | undefined; store: Store; log: Logger; now?: () => number }): ExpertsChannelSetup {
  const { channel, store, log } = deps;
  let done: Promise<void> | undefined;

  async function write(team: string, configured: string): Promise<void> {
    if ((await store.get<string>(CONFIGURED_KEY)) === configured) return;
    const record: ExpertsChannel = { address: channelAddress(team, configured), conversationKey: slackConversation(team, configured, undefined, false).key, setAt: (deps.now ?? Date.now)() };
    await store.update<ExpertsChannel>(expertsChannelKey(PLATFORM), () => record);
    await store.update<string>(CONFIGURED_KEY, () => configured);
    log.info({ platform: PLATFORM, channel: configured }, 'slack experts channel set from SLACK_EXPERTS_CHANNEL');
  }

  return (team) => {
    if (!channel) return Promise.resolve();
    done ??= write(team, channel).catch((err: unknown) => {
      // tried again with the next event; until then the core says no channel is set
      log.warn({ platform: PLATFORM, code: errorCode(err) }, 'slack experts channel not saved');
      done = undefined;
    });
    return done;
  };
}

/**
 * EXPERTS_FROM_CHANNEL on Slack: the members of the experts' channel (conversations.members, scopes
 * channels:read and groups:read). Anyone in the workspace can open a public channel and click a button there
 * without joining, so a click in the channel proves nothing: membership is asked of Slack. Each channel's
 * member list is kept a minute (an expert's clicks come in bursts), and read at most `maxPages` pages of
 * 1,000; each call has the Web API client's time limit.
 */
export interface ChannelMembers {
  has(channel: string, user: string): Promise<boolean>;
}

export type MembersPage = (channel: string, cursor: string | undefined) => Promise<{ members: readonly string[]; next?: string }>;

export function createChannelMembers(deps: { page: MembersPage; now?: () => number; ttlMs?: number; maxPages?: number }): ChannelMembers {
  const now = deps.now ?? Date.now;
  const ttlMs = deps.ttlMs ?? 60_000;
  const maxPages = deps.maxPages ?? 10;
  const cache = new Map<string, { at: number; members: Promise<ReadonlySet<string>> }>();

  async function load(channel: string): Promise<ReadonlySet<string>> {
    const members = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const { members: some, next } = await deps.page(channel, cursor);
      for (const m of some) members.add(m);
      if (!next) break;
      cursor = next;
    }
    return members;
  }

  return {
    async has(channel, user) {
      const cached = cache.get(channel);
      if (cached && now() - cached.at < ttlMs) return (await cached.members).has(user);
      const members = load(channel);
      cache.set(channel, { at: now(), members });
      // a failed call is not kept: the next click asks again
      members.catch(() => {
        if (cache.get(channel)?.members === members) cache.delete(channel);
      });
      return (await members).has(user);
    },
  };
}

/** Whether `channel` is the experts' channel the core has stored for Slack (set by the setting or `experts hier`). */
export async function isExpertsChannel(store: Store, channel: string): Promise<boolean> {
  const stored = await store.get<ExpertsChannel>(expertsChannelKey(PLATFORM));
  const place = stored ? parsePlace(stored.address.ref) : undefined;
  return place?.kind === 'channel' && place.channel === channel;
}
