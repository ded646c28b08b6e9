import bolt from '@slack/bolt';
import type { App as BoltApp } from '@slack/bolt';
import type { Logger } from '../../log.js';
import type { CallPolicy } from '../call-policy.js';
import { describeError } from '../turn.js';
import { createWebApiFetch } from './fetch.js';
import { checkSlackPayload } from './payload-schema.js';
import type { SlackSettings } from './platform.js';
import type { RestifyReceiver } from './receiver.js';

/**
 * A reply is worth sending within seconds, not half an hour later: the client's default retries ten times
 * over about 30 minutes, and has no time limit per call, so a Slack outage would pile up turns in memory and
 * deliver stale answers when it ends. Three retries within about ten seconds (a 429's Retry-After is still
 * honoured), and a call ends after ten seconds without an answer; then the turn fails with a log line.
 */
export const WEB_API: CallPolicy = { retries: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4000, randomize: true }, timeoutMs: 10_000 };

/**
 * The Bolt app: on our receiver (HTTP on the shared server), or over Socket Mode without one. Its Web API
 * client has our time limit and retries; its logger logs codes, never payloads.
 */
export function createBoltApp(opts: { settings: SlackSettings; log: Logger; receiver?: RestifyReceiver; policy: CallPolicy }): BoltApp {
  const { settings, log, receiver, policy } = opts;
  const connection = {
    // Node's http client instead of the standard fetch: about 0.6 ms less CPU per Web API call (see fetch.ts)
    fetch: createWebApiFetch({ timeoutMs: policy.timeoutMs }),
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl.endsWith('/') ? settings.apiUrl : `${settings.apiUrl}/` } : {}),
  };
  const app: BoltApp = new bolt.App({
    token: settings.botToken,
    // Socket Mode gets its own copy of the options without our retries: it sets its own, which keep trying to
    // reconnect through an outage (Bolt would otherwise hand it, and let it change, the reply client's options)
    ...(receiver ? { receiver } : { socketMode: true, appToken: settings.appToken, signingSecret: settings.signingSecret, installerOptions: { clientOptions: { ...connection } } }),
    // the time limit is in our fetch (cheaper than the client's `timeout`, see fetch.ts)
    clientOptions: { ...connection, retryConfig: policy.retries },
    logLevel: bolt.LogLevel.ERROR,
    // the core keeps its own state; Bolt's conversation store would cost a lookup per event for nothing
    convoStore: false,
    // Bolt's logger would print payloads; ours logs codes only
    logger: { debug: () => {}, info: () => {}, warn: () => {}, error: (...args: unknown[]) => log.error(args[0] instanceof Error ? describeError(args[0]) : { code: 'BOLT' }, 'bolt error'), setLevel: () => {}, getLevel: () => bolt.LogLevel.ERROR, setName: () => {} },
  });
  if (!receiver) {
    // over Socket Mode there is no HTTP answer to refuse with: a payload with a wrong field type is acked (so
    // Slack does not send it again) and dropped with a log line; over HTTP the receiver answers 400 instead
    app.use(async (args) => {
      const checked = checkSlackPayload(args.body);
      if (checked.ok) return args.next();
      log.warn({ platform: 'slack', error: checked.error }, 'slack payload dropped');
      await (args as { ack?: () => Promise<void> }).ack?.();
    });
  }
  return app;
}
