import { ConfigError, isLoopback, loadConfig } from '../../src/config.js';
import { checkListenAddress, startApp, StartupError } from '../../src/app.js';
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
    for (const name of ['ADMIN_TOKEN', 'KNOWLEDGE_WATCH', 'STORE', 'REDIS_URL', 'REDIS_PREFIX', 'KNOWLEDGE_SYNC_SECONDS', 'INSTANCE_ID', 'TEAMS_ADMIN_IDS', 'SLACK_ADMIN_IDS', 'TEAMS_ENABLED', 'ORGANISATION_NAME', 'PRIVACY_CONTACT']) {
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

  test('experts: EXPERT_IDS reaches both platforms; EXPERTS_FROM_CHANNEL is off unless set, and a wrong value names the variable', () => {
    expect(loadConfig({}).teams.expertsFromChannel).toBe(false);
    expect(loadConfig({}).slack.expertsFromChannel).toBe(false);
    const on = loadConfig({ EXPERTS_FROM_CHANNEL: 'true', EXPERT_IDS: 'aad-bea, U0BEA' });
    expect([on.teams.expertsFromChannel, on.slack.expertsFromChannel]).toEqual([true, true]);
    expect([on.teams.expertIds, on.slack.expertIds]).toEqual([['aad-bea', 'U0BEA'], ['aad-bea', 'U0BEA']]);
    expect(() => loadConfig({ EXPERTS_FROM_CHANNEL: 'misschien' })).toThrow(/EXPERTS_FROM_CHANNEL/);
  });

  test.each([['127.0.0.1', true], ['localhost', true], ['::1', true], ['0.0.0.0', false], ['10.0.0.5', false]])('%s is loopback: %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });

  test('local mode (no app id) refuses a non-loopback address unless ALLOW_UNAUTHENTICATED=true', async () => {
    const log = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });
    await expect(startApp(loadConfig({ HOST: '0.0.0.0', PORT: '0', KNOWLEDGE_DIR: SMALL_KNOWLEDGE }), { store: createMemoryStore(), log })).rejects.toBeInstanceOf(StartupError);
  });

  test('Teams is on unless TEAMS_ENABLED says otherwise', () => {
    expect(loadConfig({}).teams.enabled).toBe(true);
    expect(loadConfig({ TEAMS_ENABLED: '' }).teams.enabled).toBe(true);
    expect(loadConfig({ TEAMS_ENABLED: 'false' }).teams.enabled).toBe(false);
    expect(loadConfig({ TEAMS_ENABLED: '0' }).teams.enabled).toBe(false);
    expect(() => loadConfig({ TEAMS_ENABLED: 'nee' })).toThrow(/TEAMS_ENABLED/);
  });

  test('the organisation and privacy contact are trimmed, and unset by default', () => {
    expect(loadConfig({}).organisation).toEqual({ name: undefined, privacyContact: undefined });
    expect(loadConfig({ ORGANISATION_NAME: ' Gemeente Ons Dorp ', PRIVACY_CONTACT: 'privacy@onsdorp.nl' }).organisation).toEqual({ name: 'Gemeente Ons Dorp', privacyContact: 'privacy@onsdorp.nl' });
  });

  test.each([
    ['Teams on without an app id, public address', { HOST: '0.0.0.0' }, 'refused'],
    ['Teams on without an app id, loopback', { HOST: '127.0.0.1' }, 'allowed'],
    ['Teams on without an app id, public address, ALLOW_UNAUTHENTICATED=true', { HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'true' }, 'allowed'],
    ['Teams on with an app id, public address', { HOST: '0.0.0.0', MicrosoftAppId: '11111111-2222-3333-4444-555555555555' }, 'allowed'],
    ['Teams off (Slack only), public address', { HOST: '0.0.0.0', TEAMS_ENABLED: 'false' }, 'allowed'],
    ['Teams off (Slack only), public IPv6 address', { HOST: '::', TEAMS_ENABLED: 'false' }, 'allowed'],
  ])('listen address: %s is %s', (_name, env, outcome) => {
    const check = () => checkListenAddress(loadConfig(env));
    if (outcome === 'refused') expect(check).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED_PUBLIC_LISTEN', message: expect.stringContaining('TEAMS_ENABLED=false') }));
    else expect(check).not.toThrow();
  });
});
