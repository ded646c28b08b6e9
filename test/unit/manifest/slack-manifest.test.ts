import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { REPO_ROOT, SHARED_DIR } from '../../helpers/knowledge-dir.js';
import { testWithShared } from '../../helpers/shared.js';
import { EXPLAIN_SHORTCUT } from '../../../src/adapters/slack/shortcut.js';

const require = createRequire(import.meta.url);
const SCHEMAS = path.join(SHARED_DIR, 'schemas/slack-manifest');
const RAW = 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas';

/** The official Slack manifest schema from ../shared, with the two versioned files registered under the URLs the root refers to. */
function slackValidator() {
  const read = (f: string) => JSON.parse(readFileSync(path.join(SCHEMAS, f), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  ajv.addSchema(read('manifest.schema.1.0.0.json'), `${RAW}/manifest.schema.1.0.0.json`);
  ajv.addSchema(read('manifest.schema.2.0.0.json'), `${RAW}/manifest.schema.2.0.0.json`);
  return ajv.compile(read('manifest.schema.json'));
}

describe('Slack app manifest', () => {
  interface SlackManifest {
    oauth_config: { scopes: { bot: string[] } };
    settings: { event_subscriptions: { bot_events: string[]; request_url: string }; interactivity: { request_url: string } };
    features: { slash_commands: Array<{ command: string; url: string }>; app_home: { home_tab_enabled: boolean }; shortcuts: Array<{ name: string; type: string; callback_id: string }> };
  }
  const manifest = parse(readFileSync(path.join(REPO_ROOT, 'manifest/slack/manifest.yaml'), 'utf8')) as SlackManifest;

  testWithShared(SCHEMAS, 'validates against the official manifest schema (no network)', () => {
    const validate = slackValidator();
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(validate({ ...manifest, display_information: undefined })).toBe(false);
  });

  test('minimal scopes, the events, the slash command, interactivity and App Home, all on /slack/events', () => {
    // users:read: display names (users.info); files:write: exports as files (files.uploadV2); chat:write.public:
    // the shortcut's "Deel in de thread" in a public channel the bot has not joined; channels:read and
    // groups:read: the members of the experts' channel (EXPERTS_FROM_CHANNEL, conversations.members)
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['app_mentions:read', 'channels:read', 'chat:write', 'chat:write.public', 'commands', 'files:write', 'groups:read', 'im:history', 'im:read', 'im:write', 'users:read']);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/routeplanner']);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    const urls = [manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url, manifest.features.slash_commands[0]!.url];
    expect(urls.every((u) => u.endsWith('/slack/events'))).toBe(true);
  });

  test('the message shortcut has the callback id the adapter listens for (it arrives through interactivity)', () => {
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ name: 'Leg uit met Routeplanner', type: 'message', callback_id: EXPLAIN_SHORTCUT })]);
  });
});
