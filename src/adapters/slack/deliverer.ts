import type { WebClient } from '@slack/web-api';
import type { Delivery } from '../../bot/turn.js';
import type { Logger } from '../../log.js';
import type { Deliverer } from '../../ops/expert-outbox.js';
import { describeError } from '../turn.js';
import { parsePlace } from './address.js';
import type { ChannelMembers } from './experts-channel.js';
import { isDmChannel, slackConversation } from './inbound.js';
import { isUnreachable, slackError } from './web-api-errors.js';
import type { Sender, Target } from './send.js';

/**
 * The content team's outbox on Slack. Questions go to the experts' channel (chat.postMessage; a card with the
 * same key is updated in place), answers to the asker's DM with the bot (opened with conversations.open), both
 * with the Web API's time limit and retries. Failures are values: a channel or person Slack says is gone, or
 * where the bot may not post, is `unreachable`; anything else `failed`.
 */
export function createSlackDeliverer(deps: { client: WebClient; sender: Sender; log: Logger; members?: ChannelMembers }): Deliverer {
  const { client, sender, log, members } = deps;

  async function attempt(target: 'experts' | 'conversation', work: () => Promise<void>): Promise<Delivery> {
    try {
      await work();
      return { ok: true };
    } catch (err) {
      const code = slackError(err);
      log.warn({ platform: 'slack', target, ...(code ? { slackError: code } : {}), ...describeError(err) }, 'slack delivery failed');
      return { ok: false, code: isUnreachable(err) ? 'unreachable' : 'failed' };
    }
  }

  return {
    async toExperts(ref, replies) {
      const place = parsePlace(ref);
      if (place?.kind !== 'channel') return { ok: false, code: 'unreachable' };
      // the experts' channel itself, also when `experts hier` was typed in a thread
      return attempt('experts', () => sender.deliver(replies, { channel: place.channel, conversationKey: slackConversation(place.team, place.channel, undefined, false).key }));
    },
    async toConversation(ref, replies) {
      const place = parsePlace(ref);
      if (!place) return { ok: false, code: 'unreachable' };
      return attempt('conversation', async () => sender.deliver(replies, await targetOf(client, place)));
    },
    // EXPERTS_FROM_CHANNEL (members given): the actor, a user of the channel's own workspace, is one of its members
    async isChannelMember(channelRef, actor) {
      const channel = parsePlace(channelRef);
      const user = actor.address ? parsePlace(actor.address.ref) : undefined;
      if (!members || channel?.kind !== 'channel' || user?.kind !== 'user' || user.team !== channel.team) return false;
      return members.has(channel.channel, user.user);
    },
  };
}

async function targetOf(client: WebClient, place: NonNullable<ReturnType<typeof parsePlace>>): Promise<Target> {
  if (place.kind === 'channel') {
    const { key } = slackConversation(place.team, place.channel, place.threadTs, isDmChannel(place.channel));
    return { channel: place.channel, ...(place.threadTs ? { threadTs: place.threadTs } : {}), conversationKey: key };
  }
  const opened = await client.conversations.open({ users: place.user });
  const dm = opened.channel?.id;
  if (!dm) throw Object.assign(new Error('conversations.open gave no channel'), { code: 'SLACK_NO_DM' });
  return { channel: dm, conversationKey: slackConversation(place.team, dm, undefined, true).key };
}
