import type { RespondFn, SlackActionMiddlewareArgs, SlackCommandMiddlewareArgs, SlackEventMiddlewareArgs, SlackShortcutMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Server } from 'restify';
import { isExpert } from '../../bot/experts/answer.js';
import type { BotEvent } from '../../bot/events.js';
import { notice, type Reply } from '../../bot/replies.js';
import { texts } from '../../bot/texts.js';
import type { AdapterContext, ChatAdapter } from '../contract.js';
import { createMemoryDeduper } from '../dedupe.js';
import { createInPlaceUpdates } from '../in-place.js';
import { createTurnRunner, describeError, type TurnOutput } from '../turn.js';
import { createBoltApp, WEB_API } from './bolt-app.js';
import { createSlackDeliverer } from './deliverer.js';
import { configureExpertsChannel, createChannelMembers, isExpertsChannel } from './experts-channel.js';
import { homeBlocks } from './home.js';
import { ACTION, blockActionToEvent, messageToEvent, parseSlashCommand, slackActor, slackConversation, type SlackBlockActionBody, type SlackCommandBody, type SlackMessageEvent } from './inbound.js';
import { modalMetadata, modalOfAction, questionOf, submittedText, TEXT_MODAL, textModal } from './modals.js';
import { createDisplayNames, profileName } from './names.js';
import { checkModalMetadata } from './payload-schema.js';
import type { SlackSettings } from './platform.js';
import { RestifyReceiver } from './receiver.js';
import { replyToMessage } from './render.js';
import { createSender, type Target } from './send.js';
import { EXPLAIN_SHORTCUT, explainedMessage, sharedThread } from './shortcut.js';
import { slackTexts } from './texts.js';
import { createThreadOwners } from './threads.js';
import { isUnreachable, slackError } from './web-api-errors.js';

export interface SlackAdapterDeps extends AdapterContext {
  readonly settings: SlackSettings;
  readonly now?: () => number;
}

const DEDUPE_TTL_MS = 60 * 60 * 1000;

/**
 * Slack through Bolt: on our restify server at `POST /slack/events`, or over Socket Mode when an app
 * token is set. Enabled only when a bot token and signing secret are configured. Also the content team's
 * outbox on Slack (`deliverer`).
 */
export function createSlackAdapter(deps: SlackAdapterDeps): ChatAdapter {
  const { settings: config, log, store, bot } = deps;
  if (!config.botToken || !config.signingSecret) throw new Error('the Slack adapter needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET');
  const { adminIds, expertIds } = config;
  const receiver = config.appToken ? undefined : new RestifyReceiver({ signingSecret: config.signingSecret, log, now: deps.now, track: deps.track });
  const app = createBoltApp({ settings: config, log, receiver, policy: { ...WEB_API, ...deps.calls } });
  const client: WebClient = app.client;
  const runner = createTurnRunner({ platform: 'slack', bot, log, onEvent: deps.onEvent });
  const threads = createThreadOwners({ store, log });
  const sender = createSender({ client, inPlace: createInPlaceUpdates({ platform: 'slack', store }), threads, log });
  const names = createDisplayNames({ lookUp: async (user) => profileName((await client.users.info({ user })).user), log, now: deps.now });
  const expertsChannel = configureExpertsChannel({ channel: config.expertsChannel, store, log, now: deps.now });
  const members = config.expertsFromChannel ? createChannelMembers({ page: membersPage(client), now: deps.now }) : undefined;

  const deduper = deps.deduper ?? createMemoryDeduper({ ttlMs: DEDUPE_TTL_MS });
  /** Slack redelivers an event when our 200 was late: each event id runs once. */
  async function firstDelivery(id: string | undefined): Promise<boolean> {
    return !id || deduper.firstDelivery(id);
  }
  /** A slash command or click has no event id, but every one has its own trigger id: a replay runs once. */
  const firstInteraction = (triggerId: string | undefined): Promise<boolean> => firstDelivery(triggerId && `slack:trigger:${triggerId}`);

  async function openDm(user: string): Promise<string> {
    const opened = await client.conversations.open({ users: user });
    return opened.channel?.id ?? user;
  }

  /** Replies to `target`; `before` goes first (the slash command's own help). */
  const outputTo = (target: Target, before: readonly Reply[] = []): TurnOutput => ({
    deliver: (replies) => sender.deliver([...before, ...replies], target),
    notify: (reply) => sender.notify(reply, target),
  });

  /**
   * One turn through the shared error boundary (see ../turn.ts), with the actor's display name where others
   * see it: in a channel, and on clicks and forms (a question sent with the asker's name, an expert's answer).
   * A message in a DM never shows its writer's name, so it costs no users.info call.
   */
  async function run(team: string, user: string, event: BotEvent, output: TurnOutput): Promise<void> {
    await expertsChannel(team);
    const shown = event.conversation.scope !== 'personal' || event.kind === 'action';
    const name = shown ? await names.nameOf(user, event.actor.name) : event.actor.name;
    await runner.run(name === event.actor.name ? event : { ...event, actor: { ...event.actor, name } }, output);
  }

  const teamOf = (body: { team_id?: string; team?: { id?: string } | null; user?: { team_id?: string } }): string => body.team_id ?? body.team?.id ?? body.user?.team_id ?? 'T';

  app.event('message', async ({ event, body }: SlackEventMiddlewareArgs<'message'> & { body: { team_id?: string; event_id?: string } }) => {
    const e = event as unknown as SlackMessageEvent;
    const neutral = messageToEvent(teamOf(body), { ...e, type: 'message' }, adminIds, expertIds);
    if (!neutral || !(await firstDelivery(body.event_id))) return;
    await run(teamOf(body), e.user!, neutral, outputTo({ channel: e.channel, user: e.user!, conversationKey: neutral.conversation.key }));
  });

  app.event('app_mention', async ({ event, body }: SlackEventMiddlewareArgs<'app_mention'> & { body: { team_id?: string; event_id?: string } }) => {
    const e = event as unknown as SlackMessageEvent;
    const mention = messageToEvent(teamOf(body), { ...e, type: 'app_mention' }, adminIds, expertIds);
    if (!mention || !(await firstDelivery(body.event_id))) return;
    const neutral = { ...mention, conversation: await threads.ownerOf(mention.conversation, e.channel, e.thread_ts) };
    // answered in a thread under the mention
    await run(teamOf(body), e.user!, neutral, outputTo({ channel: e.channel, threadTs: e.thread_ts ?? e.ts, user: e.user!, conversationKey: neutral.conversation.key }));
  });

  app.event('app_home_opened', async ({ event, body }: SlackEventMiddlewareArgs<'app_home_opened'> & { body: { team_id?: string } }) => {
    if (event.tab && event.tab !== 'home') return;
    const view = await bot.home(slackActor(teamOf(body), event.user, undefined, adminIds, expertIds));
    await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: homeBlocks(view) as never } });
  });

  app.command('/routeplanner', async ({ command, ack, respond }: SlackCommandMiddlewareArgs) => {
    await ack();
    const body = command as unknown as SlackCommandBody;
    if (!(await firstInteraction(body.trigger_id))) return;
    const parsed = parseSlashCommand(body, adminIds, expertIds);
    const user = command.user_id;
    const team = command.team_id;
    if (parsed.kind === 'help') {
      const help = notice(`${slackTexts.slashHelp}${parsed.actor.isAdmin ? `\n${slackTexts.slashAdminHelp}` : ''}\n\n${slackTexts.slashTyped}`, [], { private: true });
      await run(team, user, { kind: 'command', command: 'help', conversation: parsed.conversation, actor: parsed.actor }, outputTo({ channel: command.channel_id, user, respond, conversationKey: parsed.conversation.key }, [help]));
      return;
    }
    if (parsed.target === 'dm') {
      const dm = await openDm(user);
      const conversation = slackConversation(team, dm, undefined, true);
      if (dm !== command.channel_id) await respond({ response_type: 'ephemeral', text: slackTexts.sentToDm });
      await run(team, user, { kind: 'message', conversation, actor: parsed.actor, text: parsed.text }, outputTo({ channel: dm, user, conversationKey: conversation.key }));
      return;
    }
    const target: Target = { channel: command.channel_id, user, conversationKey: parsed.conversation.key, ...(parsed.private ? { respond } : {}) };
    await run(team, user, { kind: 'message', conversation: parsed.conversation, actor: parsed.actor, text: parsed.text }, outputTo(target));
  });

  app.action(/^rp_/, async ({ body, ack, respond }: SlackActionMiddlewareArgs) => {
    await ack();
    const b = body as unknown as SlackBlockActionBody & { trigger_id?: string };
    const action = b.actions[0];
    if (!action || action.action_id.startsWith(ACTION.values)) return; // ticking a box or choosing in a list is not an answer yet
    const neutral = blockActionToEvent(b, adminIds, expertIds);
    if (!neutral || neutral.kind !== 'action' || !(await firstInteraction(b.trigger_id))) return;
    const team = teamOf(b);
    const user = b.user.id;
    const channel = b.container?.channel_id ?? b.channel?.id;
    const threadTs = b.container?.thread_ts ?? b.message?.thread_ts;
    const modal = modalOfAction(action.action_id);
    // the trigger id expires after three seconds: the modal opens before anything slow (someone who is no
    // expert gets the core's refusal instead of a form they cannot send). With EXPERTS_FROM_CHANNEL anyone
    // clicking in the experts' channel gets the form, and the core checks their membership when they send it.
    if (modal && b.trigger_id && channel && (modal.kind === 'answer' || isExpert(neutral.actor) || (members && (await isExpertsChannel(store, channel).catch(() => false))))) {
      const metadata = modalMetadata(neutral.payload, neutral.conversation, channel, threadTs);
      await client.views.open({ trigger_id: b.trigger_id, view: textModal(modal.kind, metadata, modal.maxLength, questionOf(b.message)) as never });
      return;
    }
    if (!channel) {
      // a button on the App Home acts in the user's DM
      const dm = await openDm(user);
      const conversation = slackConversation(team, dm, undefined, true);
      await run(team, user, { ...neutral, conversation }, outputTo({ channel: dm, user, conversationKey: conversation.key }));
      return;
    }
    const shareIn = sharedThread(action.action_id);
    if (shareIn) {
      const conversation = slackConversation(team, channel, shareIn, false);
      await share(team, user, { ...neutral, conversation }, { channel, threadTs: shareIn, user, conversationKey: conversation.key }, respond);
      return;
    }
    const conversation = await threads.ownerOf(neutral.conversation, channel, threadTs);
    await run(team, user, { ...neutral, conversation }, outputTo({ channel, user, conversationKey: conversation.key, ...(threadTs ? { threadTs } : {}), ...(b.container?.is_ephemeral ? { respond } : {}) }));
  });

  /**
   * "Deel in de thread": the concept's answer for everyone in the thread. The click came from a private
   * message, so anything the clicker must hear goes back through its response_url, also why it could not be
   * posted (the bot is no member of the channel).
   */
  function share(team: string, user: string, event: BotEvent, target: Target, respond: RespondFn): Promise<void> {
    const privately = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    return run(team, user, event, {
      async deliver(replies) {
        try {
          await sender.deliver(replies, target);
        } catch (err) {
          if (!isUnreachable(err)) throw err;
          log.info({ platform: 'slack', slackError: slackError(err) }, 'slack share refused: the bot may not post there');
          await privately(slackTexts.shareFailed);
        }
      },
      notify: async (reply) => void (await privately(replyToMessage(reply).text)),
    });
  }

  app.view(TEXT_MODAL, async ({ ack, view, body }: SlackViewMiddlewareArgs) => {
    await ack();
    const meta = checkModalMetadata(view.private_metadata);
    if (!meta) {
      log.warn({ platform: 'slack', callback: TEXT_MODAL }, 'slack modal submit ignored: its metadata is not ours');
      return;
    }
    if (!(await firstInteraction((body as { trigger_id?: string }).trigger_id))) return;
    const team = teamOf(body as { team?: { id?: string } | null });
    const actor = slackActor(team, body.user.id, body.user.name, adminIds, expertIds);
    const conversation = slackConversation(team, meta.c, meta.t, meta.s === 'personal');
    const event: BotEvent = { kind: 'action', conversation: { ...conversation, key: meta.k, scope: meta.s }, actor, payload: meta.p, text: submittedText(view.state.values) };
    await run(team, body.user.id, event, outputTo({ channel: meta.c, user: body.user.id, conversationKey: meta.k, ...(meta.t ? { threadTs: meta.t } : {}) }));
  });

  app.shortcut({ type: 'message_action', callback_id: EXPLAIN_SHORTCUT }, async ({ shortcut, ack, respond }: SlackShortcutMiddlewareArgs) => {
    await ack();
    if (shortcut.type !== 'message_action' || !(await firstInteraction(shortcut.trigger_id))) return;
    const threadTs = shortcut.message.thread_ts ?? shortcut.message.ts;
    let replies: Reply[];
    try {
      replies = bot.explainMessage(String(shortcut.message.text ?? ''));
    } catch (err) {
      log.error({ platform: 'slack', kind: 'shortcut', ...describeError(err) }, 'slack turn failed');
      replies = [notice(texts.errors.unexpected, [], { tone: 'error', private: true })];
    }
    for (const reply of replies) await respond({ response_type: 'ephemeral', replace_original: false, ...explainedMessage(reply, threadTs) } as never);
  });

  return {
    facts: { mode: receiver ? 'http' : 'socket', expertsChannel: Boolean(config.expertsChannel) },
    deliverer: createSlackDeliverer({ client, sender, log, ...(members ? { members } : {}) }),
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

/** One page of a channel's members (conversations.members), for EXPERTS_FROM_CHANNEL. */
function membersPage(client: WebClient) {
  return async (channel: string, cursor: string | undefined) => {
    const page = await client.conversations.members({ channel, limit: 1000, ...(cursor ? { cursor } : {}) });
    const next = page.response_metadata?.next_cursor;
    return { members: page.members ?? [], ...(next ? { next } : {}) };
  };
}
