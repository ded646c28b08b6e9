import nock from 'nock';
import { onlyLoopback, startTestApp, until, type TestApp } from '../helpers/app.js';
import { BOT_TOKEN, SIGNING_SECRET, SLACK_API, interceptSlack, signed, slackFixture } from '../helpers/slack.js';
import { teamsFixture } from '../helpers/teams.js';

/** A Slack-only bot (TEAMS_ENABLED=false): Slack signatures are its only entrance, so Teams' route does not exist. */

onlyLoopback(nock);

describe('Slack only (TEAMS_ENABLED=false)', () => {
  let app: TestApp;
  let slack: ReturnType<typeof interceptSlack>;

  beforeAll(async () => {
    slack = interceptSlack();
    app = await startTestApp({ TEAMS_ENABLED: 'false', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${SLACK_API}/api/` });
    await until(() => slack.calls.some((c) => c.method === 'auth.test'));
  });
  afterAll(() => app.close());

  test('POST /api/messages does not exist: 404, and no turn runs', async () => {
    const res = await app.post('/api/messages', teamsFixture('personal-message'));
    expect(res.status).toBe(404);
    expect(app.events).toEqual([]);
  });

  test('a signed Slack DM is answered as usual', async () => {
    const req = signed('json', { ...slackFixture('dm-message'), event_id: 'Ev-slack-only-1' });
    expect((await app.post('/slack/events', req.body, req.headers)).status).toBe(200);
    await until(() => slack.calls.some((c) => c.method === 'chat.postMessage'));
    expect(app.events.at(-1)).toMatchObject({ kind: 'message' });
  });

  test('the log says Teams is off, and no local-mode warning', () => {
    const logs = app.logs.join('');
    expect(logs).toContain('teams adapter off: TEAMS_ENABLED=false: POST /api/messages does not exist');
    expect(logs).not.toContain('LOCAL MODE');
  });
});
