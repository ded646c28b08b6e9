import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import { REPO_ROOT } from './knowledge-dir.js';
import { visibleText } from './visible-text.js';

export const SIGNING_SECRET = 'test-signing-secret-not-logged';
export const BOT_TOKEN = 'xoxb-test-token-not-logged';
/** SLACK_API_URL in the tests: proves the override, and nock answers it. */
export const SLACK_API = 'https://slack-api.test';

let interactions = 0;

/**
 * A payload fixture. Every read is a new interaction: Slack gives each slash command and click its own
 * trigger_id, and the adapter runs a replayed one only once, so a fixture's trigger_id gets a new suffix.
 */
export function slackFixture(name: string): Record<string, unknown> {
  const fixture = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/fixtures/slack', `${name}.json`), 'utf8')) as Record<string, unknown>;
  if (typeof fixture['trigger_id'] === 'string') fixture['trigger_id'] = `${fixture['trigger_id']}.${++interactions}`;
  return fixture;
}

export function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Headers and body of a signed Slack request: JSON for events, form-encoded for commands and interactivity. */
export function signed(kind: 'json' | 'form' | 'payload', data: Record<string, unknown>, opts: { timestamp?: number; secret?: string; retry?: number } = {}) {
  const body =
    kind === 'json'
      ? JSON.stringify(data)
      : kind === 'form'
        ? new URLSearchParams(Object.entries(data).map(([k, v]): [string, string] => [k, String(v)])).toString()
        : new URLSearchParams({ payload: JSON.stringify(data) }).toString();
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      'content-type': kind === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signature(body, ts, opts.secret),
      ...(opts.retry ? { 'x-slack-retry-num': String(opts.retry), 'x-slack-retry-reason': 'http_timeout' } : {}),
    },
  };
}

export interface WebApiCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  /** The ts the fake gave a posted message. */
  ts?: string;
}

/** Where the fake Web API lets a file be uploaded (files.getUploadURLExternal's upload_url). */
export const UPLOAD_URL = `${SLACK_API}/upload/v1/F0EXPORT`;

/**
 * A fake Slack Web API (nock at SLACK_API_URL) and response_url: records every call with its decoded arguments.
 * `users.info` answers with a profile for the users in `names` (display name), and `user_not_found` for others;
 * a file upload's bytes are in `uploads`.
 */
export function interceptSlack(opts: { names?: Readonly<Record<string, string>> } = {}): { calls: WebApiCall[]; responses: Array<Record<string, unknown>>; uploads: string[] } {
  const calls: WebApiCall[] = [];
  const responses: Array<Record<string, unknown>> = [];
  const uploads: string[] = [];
  let ts = 1000;
  nock(SLACK_API)
    .persist()
    .post('/upload/v1/F0EXPORT')
    .reply(function (_uri, body) {
      uploads.push(typeof body === 'string' ? body : JSON.stringify(body));
      return [200, 'OK'];
    });
  nock(SLACK_API)
    .persist()
    .post(/\/api\/.+/)
    .reply(function (uri, body) {
      const method = uri.replace(/^\/api\//, '');
      const args = typeof body === 'string' ? decodeForm(body) : (body as Record<string, unknown>);
      const call: WebApiCall = { method, args };
      calls.push(call);
      switch (method) {
        case 'auth.test':
          return [200, { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0GEMEENTE' }];
        case 'conversations.open':
          return [200, { ok: true, channel: { id: `D0${String(args['users']).slice(2)}DM` } }];
        case 'users.info': {
          const name = opts.names?.[String(args['user'])];
          return [200, name ? { ok: true, user: { id: args['user'], name: String(args['user']).toLowerCase(), profile: { display_name: name, real_name: `${name} (volledig)` } } } : { ok: false, error: 'user_not_found' }];
        }
        case 'files.getUploadURLExternal':
          return [200, { ok: true, upload_url: UPLOAD_URL, file_id: 'F0EXPORT' }];
        case 'files.completeUploadExternal':
          return [200, { ok: true, files: [{ id: 'F0EXPORT', title: args['files'] }] }];
        case 'chat.postMessage':
          call.ts = `1732443000.${String(++ts).padStart(6, '0')}`;
          return [200, { ok: true, channel: args['channel'], ts: call.ts }];
        default:
          return [200, { ok: true, channel: args['channel'], ts: args['ts'] }];
      }
    });
  nock('https://hooks.slack.com')
    .persist()
    .post(/.*/)
    .reply(function (_uri, body) {
      responses.push(body as Record<string, unknown>);
      return [200, 'ok'];
    });
  return { calls, responses, uploads };
}

function decodeForm(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    try {
      out[k] = k === 'blocks' || k === 'view' ? JSON.parse(v) : v;
    } catch {
      out[k] = v;
    }
  }
  return out;
}

/** All visible text of Block Kit blocks (sections, contexts, buttons), for readable assertions. */
export const blocksText = visibleText;

/** The first button with this label: its action id and value (the opaque payload). */
export function findButton(blocks: unknown, label: string): { action_id: string; value: string } {
  let found: { action_id: string; value: string } | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o['type'] === 'button' && (o['text'] as { text?: string })?.text === label) found = { action_id: o['action_id'] as string, value: o['value'] as string };
    Object.values(o).forEach(walk);
  };
  walk(blocks);
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

/**
 * A block_actions payload (from the fixture): `user` clicks the button `label` in `blocks`, on a message in
 * `channel`, or on the App Home tab when `channel` is undefined (no channel there). `extra` is merged last.
 */
export function buttonClick(user: string, channel: string | undefined, blocks: unknown, label: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const { container: _container, channel: _channel, message, actions, ...rest } = slackFixture('block-action');
  const where = channel ? { container: { type: 'message', channel_id: channel, message_ts: '1', is_ephemeral: false }, channel: { id: channel }, message } : { container: { type: 'view', view_id: 'V0HOME' } };
  const action = { ...(actions as object[])[0], ...findButton(blocks, label), text: { type: 'plain_text', text: label } };
  return { ...rest, ...where, user: { id: user, name: user.toLowerCase(), team_id: 'T0GEMEENTE' }, actions: [action], ...extra };
}
