import { ConfigError, isLoopback, loadConfig } from '../../src/config.js';
import { startApp, StartupError } from '../../src/app.js';
import { createLogger } from '../../src/log.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import { SMALL_KNOWLEDGE } from '../helpers/snapshot.js';
import { Writable } from 'node:stream';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/knowledge-dir.js';

describe('configuration', () => {
  test('.env.example is a valid configuration that matches the defaults, and documents the admin and Redis settings', () => {
    const text = readFileSync(path.join(REPO_ROOT, '.env.example'), 'utf8');
    const env = Object.fromEntries(text.split('\n').filter((l) => /^[A-Za-z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    for (const name of ['ADMIN_TOKEN', 'KNOWLEDGE_WATCH', 'STORE', 'REDIS_URL', 'REDIS_PREFIX', 'KNOWLEDGE_SYNC_SECONDS', 'INSTANCE_ID', 'TEAMS_ADMIN_IDS', 'SLACK_ADMIN_IDS']) {
      expect(Object.keys(env)).toContain(name);
    }
    expect(loadConfig(env)).toEqual(loadConfig({}));
  });

  test('defaults need no environment at all', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ host: '127.0.0.1', port: 3978, knowledgeDir: './knowledge', dataDir: './data', retentionDays: 30, allowUnauthenticated: false });
    expect(c.teams.appId).toBeUndefined();
    expect(Object.isFrozen(c)).toBe(true);
  });

  test('an invalid value stops the start with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'drieduizend' })).toThrow(ConfigError);
    expect(() => loadConfig({ MicrosoftAppType: 'Anders' })).toThrow(/MicrosoftAppType/);
    expect(() => loadConfig({ RETENTION_DAYS: '-1' })).toThrow(/RETENTION_DAYS/);
  });

  test('lists of admin ids are split and trimmed', () => {
    expect(loadConfig({ SLACK_ADMIN_IDS: ' U1, U2 ,,' }).slack.adminIds).toEqual(['U1', 'U2']);
  });

  test.each([['127.0.0.1', true], ['localhost', true], ['::1', true], ['0.0.0.0', false], ['10.0.0.5', false]])('%s is loopback: %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });

  test('local mode (no app id) refuses a non-loopback address unless ALLOW_UNAUTHENTICATED=true', async () => {
    const log = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });
    await expect(startApp(loadConfig({ HOST: '0.0.0.0', PORT: '0', KNOWLEDGE_DIR: SMALL_KNOWLEDGE }), { store: createMemoryStore(), log })).rejects.toBeInstanceOf(StartupError);
  });
});
