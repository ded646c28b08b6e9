import nock from 'nock';
import { PLATFORMS } from '../../src/adapters/platforms.js';
import { loadConfig } from '../../src/config.js';
import { onlyLoopback, startTestApp, until, type TestApp } from '../helpers/app.js';
import { BOT_TOKEN, SIGNING_SECRET, SLACK_API, blocksText, interceptSlack, signed, slackFixture } from '../helpers/slack.js';
import { interceptConnector, teamsFixture } from '../helpers/teams.js';

/** The adapter contract as the app uses it: platforms from one list, each with its settings, log lines and metrics label. */

onlyLoopback(nock);

describe('platforms from one list', () => {
  test('every platform has its own settings section in the config, read from the environment', () => {
    const config = loadConfig({ SLACK_ADMIN_IDS: 'U1', TEAMS_ADMIN_IDS: 'aad-1' });
    expect(PLATFORMS.map((p) => p.name)).toEqual(['teams', 'slack']);
    expect(config.teams.adminIds).toEqual(['aad-1']);
    expect(config.slack.adminIds).toEqual(['U1']);
    expect(Object.isFrozen(config.slack)).toBe(true);
  });

  test('each platform says whether it is on; Slack without tokens is off and says how to turn it on', async () => {
    const app = await startTestApp();
    try {
      const lines = app.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.find((l) => l['msg'] === 'teams adapter on')).toMatchObject({ platform: 'teams', authenticated: false });
      expect(lines.find((l) => l['msg'] === 'slack adapter off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to enable it')).toMatchObject({ platform: 'slack' });
      expect(lines.some((l) => String(l['msg']).startsWith('LOCAL MODE'))).toBe(true);
      expect((await app.post('/slack/events', {})).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe('both platforms on', () => {
  let app: TestApp;
  let slack: ReturnType<typeof interceptSlack>;
  beforeAll(async () => {
    slack = interceptSlack();
    interceptConnector();
    app = await startTestApp({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${SLACK_API}/api/` });
    await until(() => slack.calls.some((c) => c.method === 'auth.test'));
  });
  afterAll(() => app.close());

  test('/routeplanner help is a command event, not a typed "help", and is answered privately with the help', async () => {
    const req = signed('form', { ...slackFixture('slash-command'), text: 'help' });
    expect((await app.post('/slack/events', req.body, req.headers)).status).toBe(200);
    // Slack's own subcommands first, then the core's help
    await until(() => slack.responses.length > 1);
    expect(app.events.at(-1)).toEqual({
      kind: 'command', command: 'help',
      conversation: { key: 'slack:T0GEMEENTE:C0SOCIAALDOMEIN', scope: 'channel', address: { platform: 'slack', ref: 'c:T0GEMEENTE:C0SOCIAALDOMEIN' } },
      actor: { id: 'slack:T0GEMEENTE:U0KARIN', name: 'karin.jansen', isAdmin: false, isExpert: false, address: { platform: 'slack', ref: 'u:T0GEMEENTE:U0KARIN' } },
    });
    expect(slack.responses.map((r) => r['response_type'])).toEqual(['ephemeral', 'ephemeral']);
    expect(blocksText(slack.responses[0]!['blocks'])).toContain('Met */routeplanner* kun je');
    expect(blocksText(slack.responses[1]!['blocks'])).toContain('Dit kun je doen');
  });

  test('turns are counted per platform, under the platform name', async () => {
    await app.post('/api/messages', { ...teamsFixture('personal-message'), id: 'contract-metrics' });
    const body = (await app.metrics.render()).body;
    expect(body).toMatch(/routeplanner_turns_total\{platform="teams",outcome="ok"\} [1-9]/);
    expect(body).toMatch(/routeplanner_turns_total\{platform="slack",outcome="ok"\} [1-9]/);
  });
});
