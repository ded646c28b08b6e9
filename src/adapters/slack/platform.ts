import { z } from 'zod';
import { flag, list, optionalText } from '../../env-fields.js';
import { definePlatform } from '../contract.js';

/**
 * Slack's settings (`config.slack`), read from the environment: the app's tokens, an API address for tests, the
 * admins, the content team's channel (a channel id) and its experts (the Slack user ids among EXPERT_IDS, which
 * lists every platform's experts; the core setting of the same name says so too; with EXPERTS_FROM_CHANNEL=true
 * also the members of the experts' channel, from conversations.members).
 */
const settings = z
  .object({
    SLACK_BOT_TOKEN: optionalText,
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText,
    SLACK_API_URL: optionalText,
    SLACK_ADMIN_IDS: list,
    SLACK_EXPERTS_CHANNEL: optionalText.pipe(z.string().regex(/^[CG][A-Z0-9]+$/, 'a Slack channel id, such as C0123ABCD').optional()),
    EXPERT_IDS: list,
    EXPERTS_FROM_CHANNEL: flag(false),
  })
  .transform((e) => ({
    botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL, adminIds: e.SLACK_ADMIN_IDS,
    expertsChannel: e.SLACK_EXPERTS_CHANNEL, expertIds: e.EXPERT_IDS, expertsFromChannel: e.EXPERTS_FROM_CHANNEL,
  }));

export type SlackSettings = z.output<typeof settings>;

/** Slack through Bolt, on `POST /slack/events` or over Socket Mode; on when a bot token and signing secret are set. */
export const slackPlatform = definePlatform({
  name: 'slack',
  settings,
  // every request is signed, and Socket Mode is Slack's own authenticated connection
  access: (s: SlackSettings) => (s.botToken && s.signingSecret ? 'authenticated' : 'off'),
  hints: { off: 'set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to enable it' },
  async create(s, context) {
    const { createSlackAdapter } = await import('./adapter.js');
    return createSlackAdapter({ ...context, settings: s });
  },
});
