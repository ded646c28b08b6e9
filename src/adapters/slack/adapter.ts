import type { RespondFn, SlackActionMiddlewareArgs, SlackCommandMiddlewareArgs, SlackEventMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Server } from 'restify';
import type { BotEvent, ConversationRef } from '../../bot/events.js';
import { isPrivate, type Reply, type TallyReply } from '../../bot/replies.js';
import { errorCode } from '../../log.js';
import type { AdapterContext, ChatAdapter } from '../contract.js';
import { createMemoryDeduper } from '../dedupe.js';
import { createInPlaceUpdates } from '../in-place.js';
import { renderingAnswersOnce } from '../render-cache.js';
import { createTurnRunner } from '../turn.js';
import { createBoltApp, WEB_API } from './bolt-app.js';
import { homeBlocks } from './home.js';
import { ACTION, blockActionToEvent, isDmChannel, messageToEvent, parseSlashCommand, slackActor, slackConversation, type SlackBlockActionBody, type SlackCommandBody, type SlackMessageEvent } from './inbound.js';
import { checkModalMetadata } from './payload-schema.js';
import type { SlackSettings } from './platform.js';
import { RestifyReceiver } from './receiver.js';
import { replyToMessage, textModal } from './render.js';
import { slackTexts } from './texts.js';

export interface SlackAdapterDeps extends AdapterContext {
  readonly settings: SlackSettings;
  readonly now?: () => number;
}

/** Where replies go: a channel (and thread), for one user; slash commands and ephemeral clicks answer through respond. */
interface Target {
  readonly channel: string;
  readonly threadTs?: string;
  readonly user: string;
  readonly respond?: RespondFn;
  readonly conversationKey: string;
}

const DEDUPE_TTL_MS = 60 * 60 * 1000;
/** A thread's owner is remembered as long as a message reference (see in-place.ts). */
const MESSAGE_REF_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The conversation a bot message at channel level belongs to, by its channel and ts (see `ownerOfThread`). */
const threadOwnerKey = (channel: string, ts: string): string => `slack:thread:${channel}:${ts}`;

/**
 * Slack through Bolt: on our restify server at `POST /slack/events`, or over Socket Mode when an app
 * token is set. Enabled only when a bot token and signing secret are configured.
 */
export function createSlackAdapter(deps: SlackAdapterDeps): ChatAdapter {
  const { settings: config, log, store, bot } = deps;
  if (!config.botToken || !config.signingSecret) throw new Error('the Slack adapter needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET');
  const receiver = config.appToken ? undefined : new RestifyReceiver({ signingSecret: config.signingSecret, log, now: deps.now, track: deps.track });
  const app = createBoltApp({ settings: config, log, receiver, policy: { ...WEB_API, ...deps.calls } });
  const inPlace = createInPlaceUpdates({ platform: 'slack', store });
  const runner = createTurnRunner({ platform: 'slack', bot, log, onEvent: deps.onEvent });
  const render = renderingAnswersOnce(replyToMessage);

  const deduper = deps.deduper ?? createMemoryDeduper({ ttlMs: DEDUPE_TTL_MS });
  /** Slack redelivers an event when our 200 was late: each event id runs once. */
  async function firstDelivery(eventId: string | undefined): Promise<boolean> {
    return !eventId || deduper.firstDelivery(eventId);
  }

  async function openDm(client: WebClient, user: string): Promise<string> {
    const opened = await client.conversations.open({ users: user });
    return opened.channel?.id ?? user;
  }

  /**
   * A group session started with the slash command lives at channel level, and a thread is a conversation of
   * its own. So that a reply in the thread under one of the session's messages (a free-text answer, with a
   * mention) reaches the session, each message posted at channel level remembers its conversation.
   */
  async function rememberThread(target: Target, ts: string | undefined): Promise<void> {
    if (!ts || target.threadTs || isDmChannel(target.channel)) return;
    try {
      await store.update(threadOwnerKey(target.channel, ts), () => target.conversationKey, { ttlMs: MESSAGE_REF_TTL_MS });
    } catch (err) {
      // the message is out; only thread replies to it would miss the session
      log.warn({ code: errorCode(err) }, 'slack thread owner not saved');
    }
  }

  /** The conversation of a thread under a bot message at channel level, or the thread's own. */
  async function ownerOfThread(conversation: ConversationRef, channel: string, threadTs: string | undefined): Promise<ConversationRef> {
    if (!threadTs || conversation.scope === 'personal') return conversation;
    try {
      const owner = await store.get<string>(threadOwnerKey(channel, threadTs));
      return owner ? { key: owner, scope: conversation.scope } : conversation;
    } catch {
      return conversation; // store down: the turn itself will say so
    }
  }

  async function deliver(client: WebClient, replies: readonly Reply[], target: Target): Promise<void> {
    for (const reply of replies) {
      if (reply.kind === 'tally') {
        await sendTally(client, reply, target); // renders the newest tally itself
        continue;
      }
      const message = render(reply);
      if (target.respond) {
        await target.respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks as never });
        continue;
      }
      // blocks as JSON text (made while fitting them): the Web API takes both, and the client would otherwise
      // serialise them again
      const blocks = message.blocksJson as never;
      const thread = target.threadTs ? { thread_ts: target.threadTs } : {};
      if (isPrivate(reply) && !isDmChannel(target.channel)) {
        await client.chat.postEphemeral({ channel: target.channel, user: target.user, text: message.text, blocks, ...thread });
      } else {
        const posted = await client.chat.postMessage({ channel: target.channel, text: message.text, blocks, ...thread });
        await rememberThread(target, posted.ts);
      }
    }
  }

  /** A group tally updates one message in place (chat.update) instead of posting one per vote. */
  function sendTally(client: WebClient, tally: TallyReply, target: Target): Promise<void> {
    const message = () => replyToMessage(tally);
    return inPlace.show<{ channel: string; ts: string }>(target.conversationKey, tally.replaceKey, tally.version, {
      post: async () => {
        const { text, blocksJson } = message();
        const posted = await client.chat.postMessage({ channel: target.channel, text, blocks: blocksJson as never, ...(target.threadTs ? { thread_ts: target.threadTs } : {}) });
        await rememberThread(target, posted.ts);
        return posted.ts ? { channel: posted.channel ?? target.channel, ts: posted.ts } : undefined;
      },
      update: async (ref) => {
        const { text, blocksJson } = message();
        await client.chat.update({ channel: ref.channel, ts: ref.ts, text, blocks: blocksJson as never });
      },
    });
  }

  /** One turn through the shared error boundary (see ../turn.ts); the notice goes to the actor only. */
  function turn(client: WebClient, event: BotEvent, target: Target): Promise<void> {
    return runner.run(event, {
      deliver: (replies) => deliver(client, replies, target),
      notify: async (reply) => {
        const { text, blocksJson } = replyToMessage(reply);
        await client.chat.postEphemeral({ channel: target.channel, user: target.user, text, blocks: blocksJson as never, ...(target.threadTs ? { thread_ts: target.threadTs } : {}) });
      },
    });
  }

  const teamOf = (body: { team_id?: string; team?: { id?: string } | null }): string => body.team_id ?? body.team?.id ?? 'T';

  app.event('message', async ({ event, body, client }: SlackEventMiddlewareArgs<'message'> & { client: WebClient; body: { team_id?: string; event_id?: string } }) => {
    const e = event as unknown as SlackMessageEvent;
    const neutral = messageToEvent(teamOf(body), { ...e, type: 'message' }, config.adminIds);
    if (!neutral || !(await firstDelivery(body.event_id))) return;
    await turn(client, neutral, { channel: e.channel, user: e.user!, conversationKey: neutral.conversation.key });
  });

  app.event('app_mention', async ({ event, body, client }: SlackEventMiddlewareArgs<'app_mention'> & { client: WebClient; body: { team_id?: string; event_id?: string } }) => {
    const e = event as unknown as SlackMessageEvent;
    const mention = messageToEvent(teamOf(body), { ...e, type: 'app_mention' }, config.adminIds);
    if (!mention || !(await firstDelivery(body.event_id))) return;
    const neutral = { ...mention, conversation: await ownerOfThread(mention.conversation, e.channel, e.thread_ts) };
    // answered in a thread under the mention
    await turn(client, neutral, { channel: e.channel, threadTs: e.thread_ts ?? e.ts, user: e.user!, conversationKey: neutral.conversation.key });
  });

  app.event('app_home_opened', async ({ event, body, client }: SlackEventMiddlewareArgs<'app_home_opened'> & { client: WebClient; body: { team_id?: string } }) => {
    if (event.tab && event.tab !== 'home') return;
    const actor = slackActor(teamOf(body), event.user, undefined, config.adminIds);
    const view = await bot.home(actor);
    await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: homeBlocks(view) as never } });
  });

  app.command('/routeplanner', async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & { client: WebClient }) => {
    await ack();
    const parsed = parseSlashCommand(command as unknown as SlackCommandBody, config.adminIds);
    const user = command.user_id;
    if (parsed.kind === 'help') {
      await turn(client, { kind: 'command', command: 'help', conversation: parsed.conversation, actor: parsed.actor }, { channel: command.channel_id, user, respond, conversationKey: parsed.conversation.key });
      return;
    }
    if (parsed.target === 'dm') {
      const dm = await openDm(client, user);
      const conversation = slackConversation(command.team_id, dm, undefined, true);
      if (dm !== command.channel_id) await respond({ response_type: 'ephemeral', text: slackTexts.sentToDm });
      await turn(client, { kind: 'message', conversation, actor: parsed.actor, text: parsed.text }, { channel: dm, user, conversationKey: conversation.key });
      return;
    }
    const target: Target = { channel: command.channel_id, user, conversationKey: parsed.conversation.key, ...(parsed.private ? { respond } : {}) };
    await turn(client, { kind: 'message', conversation: parsed.conversation, actor: parsed.actor, text: parsed.text }, target);
  });

  app.action(/^rp_/, async ({ body, ack, respond, client }: SlackActionMiddlewareArgs & { client: WebClient }) => {
    await ack();
    const b = body as unknown as SlackBlockActionBody & { trigger_id?: string };
    const action = b.actions[0];
    if (!action) return;
    if (action.action_id.startsWith(ACTION.values)) return; // ticking a checkbox is not an answer yet
    const neutral = blockActionToEvent(b, config.adminIds);
    if (!neutral || neutral.kind !== 'action') return;
    const channel = b.container?.channel_id ?? b.channel?.id;
    const threadTs = b.container?.thread_ts ?? b.message?.thread_ts;
    if (action.action_id.startsWith(ACTION.openText) && b.trigger_id) {
      const maxLength = Number(action.action_id.slice(ACTION.openText.length + 1)) || 2000;
      const meta = JSON.stringify({ p: neutral.payload, c: channel, t: threadTs, k: neutral.conversation.key, s: neutral.conversation.scope });
      await client.views.open({ trigger_id: b.trigger_id, view: textModal(meta, maxLength) as never });
      return;
    }
    if (!channel) {
      // a button on the App Home acts in the user's DM
      const dm = await openDm(client, b.user.id);
      const conversation = slackConversation(teamOf(b), dm, undefined, true);
      await turn(client, { ...neutral, conversation }, { channel: dm, user: b.user.id, conversationKey: conversation.key });
      return;
    }
    const conversation = await ownerOfThread(neutral.conversation, channel, threadTs);
    await turn(client, { ...neutral, conversation }, { channel, user: b.user.id, conversationKey: conversation.key, ...(threadTs ? { threadTs } : {}), ...(b.container?.is_ephemeral ? { respond } : {}) });
  });

  app.view('rp_text_modal', async ({ ack, view, body, client }: SlackViewMiddlewareArgs & { client: WebClient }) => {
    await ack();
    const meta = checkModalMetadata(view.private_metadata);
    if (!meta) {
      log.warn({ platform: 'slack', callback: 'rp_text_modal' }, 'slack modal submit ignored: its metadata is not ours');
      return;
    }
    const text = view.state.values['rp_text']?.['rp_text']?.value ?? '';
    const actor = slackActor(teamOf(body as { team?: { id?: string } | null }), body.user.id, body.user.name, config.adminIds);
    await turn(client, { kind: 'action', conversation: { key: meta.k, scope: meta.s }, actor, payload: meta.p, text }, { channel: meta.c, user: body.user.id, conversationKey: meta.k, ...(meta.t ? { threadTs: meta.t } : {}) });
  });

  return {
    facts: { mode: receiver ? 'http' : 'socket' },
    register(server: Server): void {
      receiver?.register(server);
    },
    async start(): Promise<void> {
      if (!receiver) await app.start();
    },
    async stop(): Promise<void> {
      if (!receiver) await app.stop();
    },
  };
}
