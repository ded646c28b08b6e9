import {
  ActivityTypes, CardFactory, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory,
  MessageFactory, type Activity, type TurnContext,
} from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { Bot } from '../../bot/bot.js';
import type { BotEvent } from '../../bot/events.js';
import { notice, type Reply, type TallyReply } from '../../bot/replies.js';
import { texts } from '../../bot/texts.js';
import type { Config } from '../../config.js';
import { errorCode, type Logger } from '../../log.js';
import type { Store } from '../../storage/port.js';
import { rawBody, sendEmpty } from '../../server.js';
import { activityToEvent } from './inbound.js';
import { replyToCard } from './render.js';
import { renderingAnswersOnce } from '../render-cache.js';
import { createUpdateQueue } from '../update-queue.js';
import { createMemoryDeduper, type Deduper } from '../dedupe.js';

export interface TeamsAdapterDeps {
  readonly bot: Bot;
  readonly config: Config['teams'];
  readonly store: Store;
  readonly log: Logger;
  /** Show "typing..." when a turn takes longer than this (ms). */
  readonly typingDelayMs?: number;
  /** Called with every neutral event (tests compare platforms with it). */
  readonly onEvent?: (event: BotEvent) => void;
  /** Which activities were already handled (default: in memory, for one instance). */
  readonly deduper?: Deduper;
  /** Tracks each request's turn, for a graceful shutdown. */
  readonly track?: <T>(work: Promise<T>) => Promise<T>;
}

const MESSAGE_ID_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const DEDUPE_TTL_MS = 60 * 60 * 1000;

/** CloudAdapter with its activity processing exposed, so this adapter decides the HTTP status itself. */
class BotFrameworkAdapter extends CloudAdapter {
  processAuthenticated(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(authHeader, activity, logic);
  }
}

/** Teams through botbuilder's CloudAdapter on `POST /api/messages`. botbuilder stays inside this folder. */
export function createTeamsAdapter(deps: TeamsAdapterDeps) {
  const { config, log } = deps;
  const authConfig = {
    MicrosoftAppId: config.appId ?? '',
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId ?? '',
  };
  const credentials = new ConfigurationServiceClientCredentialFactory(authConfig);
  const adapter = new BotFrameworkAdapter(new ConfigurationBotFrameworkAuthentication(authConfig, credentials));
  const updates = createUpdateQueue();
  const render = renderingAnswersOnce(replyToCard);
  const deduper = deps.deduper ?? createMemoryDeduper({ ttlMs: DEDUPE_TTL_MS });

  async function sendReplies(context: TurnContext, replies: readonly Reply[], conversationKey: string): Promise<void> {
    for (const reply of replies) {
      if (reply.kind === 'tally') await sendTally(context, reply, conversationKey);
      else await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(render(reply))));
    }
  }

  /** A group tally updates one card in place (updateActivity) instead of posting a message per vote. */
  async function sendTally(context: TurnContext, tally: TallyReply, conversationKey: string): Promise<void> {
    const key = `teams:msg:${conversationKey}:${tally.replaceKey}`;
    await updates.run(key, tally.version, async () => {
      const attachment = CardFactory.adaptiveCard(replyToCard(tally));
      const id = await deps.store.get<string>(key);
      if (id) {
        await context.updateActivity({ id, type: ActivityTypes.Message, attachments: [attachment], conversation: context.activity.conversation });
        return;
      }
      const sent = await context.sendActivity(MessageFactory.attachment(attachment));
      if (sent?.id) await deps.store.update<string>(key, () => sent.id, { ttlMs: MESSAGE_ID_TTL_MS });
    });
  }

  async function turn(context: TurnContext): Promise<void> {
    const activity = context.activity as Activity;
    const event = activityToEvent(activity, config.adminIds);
    if (!event) return;
    // the Bot Framework redelivers an activity when our answer was late: the same id never runs twice
    if (activity.id && !(await deduper.firstDelivery(`teams:${activity.conversation?.id ?? ''}:${activity.from?.id ?? ''}:${activity.type}:${activity.id}`))) {
      log.info({ kind: event.kind }, 'teams redelivery ignored');
      return;
    }
    deps.onEvent?.(event);
    const typing = setTimeout(() => {
      context.sendActivity({ type: ActivityTypes.Typing }).catch(() => undefined); // best effort: a lost typing indicator harms nobody
    }, deps.typingDelayMs ?? 400);
    try {
      const replies = await deps.bot.handle(event);
      clearTimeout(typing);
      await sendReplies(context, replies, event.conversation.key);
    } catch (err) {
      clearTimeout(typing);
      // the error boundary of a Teams turn: log code and conversation, never tokens or message text
      log.error({ code: errorCode(err), conversation: event.conversation.key, kind: event.kind }, 'teams turn failed');
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(replyToCard(notice(texts.errors.unexpected, [], { tone: 'error' }))))).catch(() => undefined);
    }
  }

  async function handle(req: Request, res: Response): Promise<void> {
    let activity: unknown;
    try {
      activity = JSON.parse(rawBody(req));
    } catch {
      res.send(400, { error: 'malformed JSON' });
      return;
    }
    if (!activity || typeof activity !== 'object' || typeof (activity as { type?: unknown }).type !== 'string') {
      res.send(400, { error: 'not a Bot Framework activity' });
      return;
    }
    const authHeader = req.header('authorization') ?? '';
    let started = false;
    try {
      const invoke = await adapter.processAuthenticated(authHeader, activity as Activity, async (context) => {
        started = true;
        await turn(context);
      });
      if (invoke?.body === undefined) sendEmpty(res, invoke?.status ?? 200);
      else res.send(invoke.status, invoke.body);
    } catch (err) {
      if (!started) {
        // botbuilder answers 500 for a token signed with the wrong key or algorithm: any failure before the
        // turn starts is an authentication failure, and no turn runs
        log.warn({ code: errorCode(err) }, 'teams request not authenticated');
        res.send(401, { error: 'unauthorized' });
      } else {
        log.error({ code: errorCode(err) }, 'teams request failed');
        res.send(500, { error: 'internal error' });
      }
    }
  }

  return {
    /** Whether requests are authenticated (an app id is configured). */
    authenticated: Boolean(config.appId),
    register(server: Server): void {
      server.post('/api/messages', async (req: Request, res: Response) => {
        await (deps.track ? deps.track(handle(req, res)) : handle(req, res));
      });
    },
  };
}
