import { CardFactory, MessageFactory, type CloudAdapter, type TurnContext } from 'botbuilder';
import type { Actor, ConversationRef } from '../../bot/events.js';
import type { ExpertQuestionReply, Reply } from '../../bot/replies.js';
import type { Delivery } from '../../bot/turn.js';
import type { Logger } from '../../log.js';
import type { Deliverer } from '../../ops/expert-outbox.js';
import type { InPlaceUpdates } from '../in-place.js';
import { describeError } from '../turn.js';
import { channelOf, parsePlace, PLATFORM, referenceOf, type TeamsPlace } from './address.js';
import { showCardInPlace } from './card-in-place.js';
import type { Card } from './render.js';

/**
 * The content team's outbox on Teams. Questions go to the experts' channel as a new post (a card with the same
 * key is updated in place, also when the click on it comes back as a turn), answers to the asker's personal
 * chat, both as proactive messages (continueConversationAsync with our app id; someone who asked from a channel
 * gets a personal chat opened with createConversationAsync). Every call goes through the
 * adapter's Bot Connector client, so each has the connector's time limit and retries (connector.ts).
 * Failures are values: a reference we cannot use, or a conversation the connector says is gone or closed to
 * the bot (403, 404), is `unreachable`; anything else `failed`.
 */
export interface TeamsDeliverer extends Deliverer {
  /** Shows an experts' card in the turn's own conversation: updated where it is, or posted and remembered. */
  showExpertCard(context: TurnContext, reply: ExpertQuestionReply): Promise<void>;
}

export interface TeamsDelivererDeps {
  readonly adapter: CloudAdapter;
  /** Our Microsoft app id; empty in local mode (no authentication, plain http only on this machine). */
  readonly appId: string | undefined;
  /** EXPERTS_FROM_CHANNEL: whoever acts from within the experts' channel may answer. */
  readonly expertsFromChannel: boolean;
  readonly inPlace: InPlaceUpdates;
  readonly render: (reply: Reply) => Card;
  readonly log: Logger;
}

/** The in-place key of a content team's card: per channel (never per thread), the same for the outbox and a click. */
const expertCardsOf = (channelId: string): string => `experts:${channelId}`;

export function createTeamsDeliverer(deps: TeamsDelivererDeps): TeamsDeliverer {
  const { adapter, inPlace, render, log } = deps;
  const local = !deps.appId;
  const message = (reply: Reply) => MessageFactory.attachment(CardFactory.adaptiveCard(render(reply)));

  function showExpertCard(context: TurnContext, reply: ExpertQuestionReply, channelId = channelOf(context.activity.conversation.id)): Promise<void> {
    return showCardInPlace(inPlace, context, expertCardsOf(channelId), reply, () => render(reply));
  }

  /**
   * Runs `send` in the place's conversation: an existing one (continueConversationAsync), or for a person
   * reached from a channel a personal chat the connector opens, or finds, for the bot and them.
   */
  function proactive(place: TeamsPlace, conversationId: string | undefined, send: (context: TurnContext) => Promise<void>): Promise<void> {
    const logic = async (context: TurnContext) => {
      // a proactive message is a new message (POST .../activities), not a reply to the made-up id of
      // botbuilder's continuation activity; in the channel itself that makes it a new post
      context.onSendActivities(async (_context, activities, next) => {
        for (const activity of activities) delete activity.replyToId;
        return next();
      });
      await send(context);
    };
    if (conversationId) return adapter.continueConversationAsync(deps.appId ?? '', referenceOf(place, conversationId), logic);
    const parameters = {
      isGroup: false, bot: { id: place.botId ?? '', name: '' }, members: [{ id: place.userId ?? '', name: '' }],
      ...(place.tenantId ? { tenantId: place.tenantId, channelData: { tenant: { id: place.tenantId } } } : {}),
    } as Parameters<CloudAdapter['createConversationAsync']>[4];
    // no audience: botbuilder then uses the Bot Framework's own, as for every reply
    return adapter.createConversationAsync(deps.appId ?? '', 'msteams', place.serviceUrl, undefined as unknown as string, parameters, logic);
  }

  async function attempt(target: 'experts' | 'conversation', ref: string, conversationOf: (place: TeamsPlace) => string | undefined, send: (context: TurnContext) => Promise<void>): Promise<Delivery> {
    const place = parsePlace(ref, { local });
    if (!place || (target === 'experts' && !place.conversationId)) {
      log.warn({ platform: PLATFORM, target, code: 'TEAMS_REFERENCE_REFUSED' }, 'teams delivery refused: the stored reference is not ours or its service URL is not safe');
      return { ok: false, code: 'unreachable' };
    }
    try {
      await proactive(place, conversationOf(place), send);
      return { ok: true };
    } catch (err) {
      const status = statusOf(err);
      log.warn({ platform: PLATFORM, target, ...describeError(err), ...(status ? { status } : {}) }, 'teams delivery failed');
      return { ok: false, code: status === 403 || status === 404 ? 'unreachable' : 'failed' };
    }
  }

  return {
    showExpertCard: (context, reply) => showExpertCard(context, reply),
    toExperts(ref, replies) {
      // a new post in the channel itself, also when `experts hier` was typed in a thread
      const channel = (place: TeamsPlace) => channelOf(place.conversationId ?? '');
      return attempt('experts', ref, channel, async (context) => {
        const channelId = channelOf(context.activity.conversation.id);
        for (const reply of replies) {
          if (reply.kind === 'expert-question') await showExpertCard(context, reply, channelId);
          else await context.sendActivity(message(reply));
        }
      });
    },
    toConversation(ref, replies) {
      return attempt('conversation', ref, (place) => place.conversationId, async (context) => {
        for (const reply of replies) await context.sendActivity(message(reply));
      });
    },
    isChannelMember: (channelRef, actor, where) => Promise.resolve(deps.expertsFromChannel && actsInChannel(channelRef, actor, where, local)),
  };
}

/**
 * EXPERTS_FROM_CHANNEL on Teams: the action comes from within the experts' channel itself (the card's thread).
 * Teams delivers a channel's activities only from people who can see that channel (the team's members; for a
 * private or shared channel, its own members), and the conversation id comes from Teams inside the signed
 * activity, so no roster call is needed. An action from anywhere else is not counted as membership.
 */
function actsInChannel(channelRef: string, actor: Actor, where: ConversationRef, local: boolean): boolean {
  const channel = parsePlace(channelRef, { local });
  const here = where.address?.platform === PLATFORM ? parsePlace(where.address.ref, { local }) : undefined;
  if (!channel?.conversationId || !here?.conversationId || where.scope !== 'channel' || !actor.id.startsWith(`${PLATFORM}:`)) return false;
  return channelOf(here.conversationId) === channelOf(channel.conversationId);
}

/** The HTTP status of a failed connector call: botbuilder's RestError (statusCode) or our call error (status). */
function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: unknown; status?: unknown } | null;
  const status = e?.statusCode ?? e?.status;
  return typeof status === 'number' ? status : undefined;
}
