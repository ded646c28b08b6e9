import { ActivityTypes, CardFactory, CloudAdapter, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import type { Request, Response, Server } from 'restify';
import type { ExportReply, Reply, TallyReply } from '../../bot/replies.js';
import { errorCode } from '../../log.js';
import { rawBody, sendEmpty } from '../../server.js';
import { withTimeLimit } from '../../time-limit.js';
import type { AdapterContext, ChatAdapter } from '../contract.js';
import { createMemoryDeduper } from '../dedupe.js';
import { createInPlaceUpdates } from '../in-place.js';
import { renderingAnswersOnce } from '../render-cache.js';
import { createTurnRunner, describeError } from '../turn.js';
import { checkActivity } from './activity-schema.js';
import { showCardInPlace } from './card-in-place.js';
import { botFrameworkAuthentication, CONNECTOR } from './connector.js';
import { createTeamsDeliverer } from './deliverer.js';
import { answerFileConsent, exportAttachment, isFileConsent } from './file-export.js';
import { activityToEvent } from './inbound.js';
import { isCardInvoke } from './invoke.js';
import { createSearch, isSearchQuery } from './message-extension.js';
import type { TeamsSettings } from './platform.js';
import { replyToCard, type Card } from './render.js';
import { createUniversalActions } from './universal-actions.js';

export interface TeamsAdapterDeps extends AdapterContext {
  readonly settings: TeamsSettings;
  /** Show "typing..." when a turn takes longer than this (ms). */
  readonly typingDelayMs?: number;
}

const DEDUPE_TTL_MS = 60 * 60 * 1000;

/** CloudAdapter with authentication and activity processing apart, so this adapter decides the HTTP status itself. */
class BotFrameworkAdapter extends CloudAdapter {
  authenticate(activity: Partial<Activity>, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity as Activity, authHeader);
  }

  processAuthenticated(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(auth, activity, logic);
  }
}

class AuthenticationTimeout extends Error {
  override readonly name = 'AuthenticationTimeout';
  readonly code = 'AUTH_TIMEOUT';
}

/** Teams through botbuilder's CloudAdapter on `POST /api/messages`. botbuilder stays inside this folder. */
export function createTeamsAdapter(deps: TeamsAdapterDeps): ChatAdapter {
  const { settings, log } = deps;
  const policy = { ...CONNECTOR, ...deps.calls };
  const adapter = new BotFrameworkAdapter(botFrameworkAuthentication(settings, policy, log));
  const inPlace = createInPlaceUpdates({ platform: 'teams', store: deps.store });
  const runner = createTurnRunner({ platform: 'teams', bot: deps.bot, log, onEvent: deps.onEvent });
  const render = renderingAnswersOnce(replyToCard);
  const deduper = deps.deduper ?? createMemoryDeduper({ ttlMs: DEDUPE_TTL_MS });
  const experts = createTeamsDeliverer({ adapter, appId: settings.appId, expertsFromChannel: settings.expertsFromChannel, inPlace, render, log });
  const search = createSearch({ bot: deps.bot, render, log });
  // fetching the Bot Framework's signing keys (botbuilder's own client, without a time limit) may take two calls
  const authLimitMs = 2 * policy.timeoutMs;

  const sendCard = (context: TurnContext, card: Card) => context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));

  async function sendReplies(context: TurnContext, replies: readonly Reply[], conversationKey: string): Promise<void> {
    for (const reply of replies) {
      if (reply.kind === 'tally') await sendTally(context, reply, conversationKey);
      else if (reply.kind === 'export') await sendExport(context, reply);
      else if (reply.kind === 'expert-question') await experts.showExpertCard(context, reply);
      else await sendCard(context, render(reply));
    }
  }

  /** A group tally updates one card in place (updateActivity) instead of posting a message per vote. */
  const sendTally = (context: TurnContext, tally: TallyReply, conversationKey: string) => showCardInPlace(inPlace, context, conversationKey, tally, () => replyToCard(tally));

  /** `exporteer`: a file in a personal chat (file-export.ts), a card to copy from elsewhere. */
  const sendExport = (context: TurnContext, reply: ExportReply) => context.sendActivity(MessageFactory.attachment(exportAttachment(reply, context.activity.conversation?.conversationType)));

  // the Bot Framework redelivers an activity when our answer was late: the same id never runs twice
  const firstDelivery = async (activity: Activity) => !activity.id || deduper.firstDelivery(`teams:${activity.conversation?.id ?? ''}:${activity.from?.id ?? ''}:${activity.type}:${activity.id}`);
  const universal = createUniversalActions({ bot: deps.bot, runner, adminIds: settings.adminIds, expertIds: settings.expertIds, log, post: sendReplies, firstDelivery });

  async function turn(context: TurnContext): Promise<void> {
    if (isFileConsent(context)) return answerFileConsent(context, policy, log);
    const activity = context.activity as Activity;
    if (isSearchQuery(activity)) return answerSearch(context);
    if (isCardInvoke(activity)) return universal.handle(context);
    const event = activityToEvent(activity, settings.adminIds, settings.expertIds);
    if (!event) return;
    if (!(await firstDelivery(activity))) {
      log.info({ kind: event.kind }, 'teams redelivery ignored');
      return;
    }
    const typing = setTimeout(() => {
      context.sendActivity({ type: ActivityTypes.Typing }).catch(() => undefined); // best effort: a lost typing indicator harms nobody
    }, deps.typingDelayMs ?? 400);
    try {
      await runner.run(event, {
        deliver: (replies) => {
          clearTimeout(typing);
          return sendReplies(context, replies, event.conversation.key);
        },
        notify: async (reply) => {
          await sendCard(context, replyToCard(reply));
        },
      });
    } finally {
      clearTimeout(typing);
    }
  }

  /** The message extension's search: answered in the invoke response, no turn of the core. */
  async function answerSearch(context: TurnContext): Promise<void> {
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: search(context.activity) } });
  }

  /** The activity's fields botbuilder's authentication reads (the token is bound to them), whatever else the body holds. */
  function authFields(body: unknown): Partial<Activity> {
    const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    return { channelId: typeof b['channelId'] === 'string' ? b['channelId'] : undefined, serviceUrl: typeof b['serviceUrl'] === 'string' ? b['serviceUrl'] : undefined } as Partial<Activity>;
  }

  /** Authentication with a time limit: a request is answered even when the signing keys cannot be fetched. */
  function authenticate(body: unknown, authHeader: string): Promise<AuthenticateRequestResult> {
    return withTimeLimit(adapter.authenticate(authFields(body), authHeader), authLimitMs, (): never => {
      throw new AuthenticationTimeout(`authentication took longer than ${authLimitMs} ms`);
    });
  }

  async function handle(req: Request, res: Response): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse(rawBody(req));
    } catch {
      body = undefined;
    }
    // the token first: an unauthenticated request gets 401 whatever its body (which is only parsed so far, not trusted)
    let auth: AuthenticateRequestResult;
    try {
      auth = await authenticate(body, req.header('authorization') ?? '');
    } catch (err) {
      if (err instanceof AuthenticationTimeout) {
        log.warn({ platform: 'teams', code: err.code, limitMs: authLimitMs }, 'teams request not authenticated in time: the signing keys could not be fetched');
        res.header('Retry-After', '5');
        res.send(503, { error: 'authentication unavailable, try again later' });
      } else {
        log.warn({ code: errorCode(err) }, 'teams request not authenticated');
        res.send(401, { error: 'unauthorized' });
      }
      return;
    }
    const checked = body === undefined ? { ok: false as const, error: 'malformed JSON' } : checkActivity(body);
    if (!checked.ok) {
      log.warn({ platform: 'teams', status: 400, error: checked.error }, 'teams request rejected');
      res.send(400, { error: checked.error });
      return;
    }
    let started = false;
    try {
      const invoke = await adapter.processAuthenticated(auth, checked.value, async (context) => {
        started = true;
        await turn(context);
      });
      if (invoke?.body === undefined) sendEmpty(res, invoke?.status ?? 200);
      else res.send(invoke.status, invoke.body);
    } catch (err) {
      if (!started) {
        // an app id in the token that is not ours fails here, before the turn: still an authentication failure
        log.warn({ code: errorCode(err) }, 'teams request not authenticated');
        res.send(401, { error: 'unauthorized' });
      } else {
        log.error({ platform: 'teams', ...describeError(err) }, 'teams request failed');
        res.send(500, { error: 'internal error' });
      }
    }
  }

  if (!settings.appId) {
    log.warn('LOCAL MODE: no MicrosoftAppId configured, so Teams requests are NOT authenticated. Use this only on your own machine or a trusted test network.');
  }
  return {
    facts: { authenticated: Boolean(settings.appId), expertsFromChannel: settings.expertsFromChannel },
    deliverer: experts,
    register(server: Server): void {
      server.post('/api/messages', async (req: Request, res: Response) => {
        await deps.track(handle(req, res));
      });
    },
    async start(): Promise<void> {},
    async stop(): Promise<void> {},
  };
}
