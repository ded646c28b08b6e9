import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { isPrivate, notice, type ExpertQuestionReply, type ExportReply, type Reply, type TallyReply } from '../../bot/replies.js';
import type { Logger } from '../../log.js';
import type { InPlaceUpdates } from '../in-place.js';
import { renderingAnswersOnce } from '../render-cache.js';
import { describeError } from '../turn.js';
import { isDmChannel } from './inbound.js';
import { replyToMessage, type SlackMessage } from './render.js';
import { slackTexts } from './texts.js';
import type { ThreadOwners } from './threads.js';

/** Where replies go: a channel (and thread), for one user; slash commands and ephemeral clicks answer through respond. */
export interface Target {
  readonly channel: string;
  readonly threadTs?: string;
  /** Who acted: private replies in a channel are shown to them only. None when the outbox posts unasked. */
  readonly user?: string;
  readonly respond?: RespondFn;
  readonly conversationKey: string;
}

export interface Sender {
  /** The core's replies, in order: tallies and the content team's cards update in place, exports are files. */
  deliver(replies: readonly Reply[], target: Target): Promise<void>;
  /** Something went wrong: told to the actor only. */
  notify(reply: Reply, target: Target): Promise<void>;
}

/** Characters of an export per message when it is sent as text: three sections, well within a message's budget. */
const EXPORT_PART = 8000;

/** The in-place key of a content team's card: per channel, the same for the outbox and for a click on the card. */
const expertCardsOf = (channel: string): string => `experts:${channel}`;

export function createSender(deps: { client: WebClient; inPlace: InPlaceUpdates; threads: ThreadOwners; log: Logger }): Sender {
  const { client, inPlace, threads, log } = deps;
  const render = renderingAnswersOnce(replyToMessage);
  const thread = (target: Target) => (target.threadTs ? { thread_ts: target.threadTs } : {});

  async function post(message: SlackMessage, target: Target): Promise<string | undefined> {
    // blocks as JSON text (made while fitting them): the Web API takes both, and the client would otherwise
    // serialise them again
    const posted = await client.chat.postMessage({ channel: target.channel, text: message.text, blocks: message.blocksJson as never, ...thread(target) });
    await threads.remember(target, posted.ts);
    return posted.ts;
  }

  async function send(message: SlackMessage, privately: boolean, target: Target): Promise<void> {
    if (target.respond) {
      await target.respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks as never });
    } else if (privately && target.user && !isDmChannel(target.channel)) {
      await client.chat.postEphemeral({ channel: target.channel, user: target.user, text: message.text, blocks: message.blocksJson as never, ...thread(target) });
    } else {
      await post(message, target);
    }
  }

  /** A tally or a content team's card: one message, updated in place (chat.update) for every new version. */
  function inPlaceReply(reply: TallyReply | ExpertQuestionReply, target: Target): Promise<void> {
    const key = reply.kind === 'tally' ? target.conversationKey : expertCardsOf(target.channel);
    return inPlace.show<{ channel: string; ts: string }>(key, reply.replaceKey, reply.version, {
      post: async () => {
        const ts = await post(replyToMessage(reply), target);
        return ts ? { channel: target.channel, ts } : undefined;
      },
      update: async (ref) => {
        const { text, blocksJson } = replyToMessage(reply);
        await client.chat.update({ channel: ref.channel, ts: ref.ts, text, blocks: blocksJson as never });
      },
    });
  }

  /**
   * An export as a Markdown file in the conversation (files.uploadV2). Where only the actor may see it (an
   * ephemeral answer), or when the upload fails, it is text to copy, with a line that says why.
   */
  async function sendExport(reply: ExportReply, target: Target): Promise<void> {
    if (!target.respond) {
      try {
        await client.filesUploadV2({ channel_id: target.channel, ...thread(target), filename: reply.filename, title: reply.filename, content: reply.markdown, initial_comment: slackTexts.exportComment });
        return;
      } catch (err) {
        log.warn({ platform: 'slack', ...describeError(err) }, 'slack export upload failed');
        await send(render(notice(slackTexts.exportFailed, [], { tone: 'warning' })), false, target);
      }
    }
    // a long export as several messages, none cut off
    for (let at = 0; at < Math.max(1, reply.markdown.length); at += EXPORT_PART) {
      await send(replyToMessage({ ...reply, markdown: reply.markdown.slice(at, at + EXPORT_PART) }), false, target);
    }
  }

  return {
    async deliver(replies, target) {
      for (const reply of replies) {
        if (reply.kind === 'tally' || reply.kind === 'expert-question') await inPlaceReply(reply, target);
        else if (reply.kind === 'export') await sendExport(reply, target);
        else await send(render(reply), isPrivate(reply), target);
      }
    },
    async notify(reply, target) {
      if (!target.user) return; // the outbox posts unasked: its failures are values, told to nobody here
      const { text, blocksJson } = replyToMessage(reply);
      await client.chat.postEphemeral({ channel: target.channel, user: target.user, text, blocks: blocksJson as never, ...thread(target) });
    },
  };
}
