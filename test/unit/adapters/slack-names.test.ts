import { Writable } from 'node:stream';
import { channelAddress, parsePlace, userAddress } from '../../../src/adapters/slack/address.js';
import { configureExpertsChannel } from '../../../src/adapters/slack/experts-channel.js';
import { createDisplayNames, profileName } from '../../../src/adapters/slack/names.js';
import { slackPlatform } from '../../../src/adapters/slack/platform.js';
import { createLogger } from '../../../src/log.js';
import { createMemoryStore } from '../../../src/storage/memory-store.js';

/** Display names (users.info, cached), Slack addresses, the configured experts' channel and its setting. */

function quietLog(lines: string[] = []) {
  return createLogger({ level: 'debug', destination: new Writable({ write: (c: Buffer, _e, cb) => (lines.push(c.toString()), cb()) }) });
}

describe('display names', () => {
  test('one users.info per person within the hour, also for turns at the same moment; then asked again', async () => {
    let t = 0;
    const asked: string[] = [];
    const names = createDisplayNames({ lookUp: async (u) => (asked.push(u), `Naam ${u}`), log: quietLog(), now: () => t });
    expect(await Promise.all([names.nameOf('U1', 'u1'), names.nameOf('U1', 'u1'), names.nameOf('U2', 'u2')])).toEqual(['Naam U1', 'Naam U1', 'Naam U2']);
    t += 59 * 60 * 1000;
    expect(await names.nameOf('U1', 'u1')).toBe('Naam U1');
    expect(asked).toEqual(['U1', 'U2']);
    t += 2 * 60 * 1000;
    await names.nameOf('U1', 'u1');
    expect(asked).toEqual(['U1', 'U2', 'U1']);
  });

  test('a failed look-up gives the fallback and a log line with Slack\'s reason; it is not asked again for five minutes', async () => {
    let t = 0;
    let calls = 0;
    const lines: string[] = [];
    const names = createDisplayNames({ lookUp: async () => (calls++, Promise.reject(Object.assign(new Error('x'), { code: 'slack_webapi_platform_error', data: { error: 'missing_scope' } }))), log: quietLog(lines), now: () => t });
    expect(await names.nameOf('U1', 'karin.jansen')).toBe('karin.jansen');
    t += 4 * 60 * 1000;
    expect(await names.nameOf('U1', 'karin.jansen')).toBe('karin.jansen');
    expect(calls).toBe(1);
    expect(lines.join('')).toContain('"slackError":"missing_scope"');
    t += 2 * 60 * 1000;
    await names.nameOf('U1', 'U1');
    expect(calls).toBe(2);
  });

  test('a slow Slack does not hold the turn: after the wait the fallback, and the late answer is used next time', async () => {
    let answer: (name: string) => void = () => undefined;
    const names = createDisplayNames({ lookUp: () => new Promise((r) => (answer = r)), log: quietLog(), waitMs: 20 });
    expect(await names.nameOf('U1', 'U1')).toBe('U1');
    answer('Anna de Vries');
    await new Promise((r) => setTimeout(r, 0));
    expect(await names.nameOf('U1', 'U1')).toBe('Anna de Vries');
  });

  test('the name Slack shows: display name, else full name, else handle', () => {
    expect(profileName({ name: 'anna', real_name: 'Anna de Vries', profile: { display_name: ' Anna ', real_name: 'Anna de Vries' } })).toBe('Anna');
    expect(profileName({ name: 'anna', profile: { display_name: '', real_name: 'Anna de Vries' } })).toBe('Anna de Vries');
    expect(profileName({ name: 'anna', profile: { display_name: '' } })).toBe('anna');
    expect(profileName(undefined)).toBeUndefined();
  });
});

test('addresses: a person, a channel, a thread; anything else is not ours', () => {
  expect(parsePlace(userAddress('T1', 'U1').ref)).toEqual({ kind: 'user', team: 'T1', user: 'U1' });
  expect(parsePlace(channelAddress('T1', 'C1').ref)).toEqual({ kind: 'channel', team: 'T1', channel: 'C1' });
  expect(parsePlace(channelAddress('T1', 'C1', '17.5').ref)).toEqual({ kind: 'channel', team: 'T1', channel: 'C1', threadTs: '17.5' });
  for (const ref of ['', 'u:T1', 'x:T1:U1', 'u:T1:U1:17.5', 'c:T1:C1:1:2', '{"conversation":{}}']) expect(parsePlace(ref)).toBeUndefined();
});

describe('the experts\' channel from SLACK_EXPERTS_CHANNEL', () => {
  test('written with the first event\'s team, once; an admin\'s experts hier then holds until the setting changes', async () => {
    const store = createMemoryStore();
    const log = quietLog();
    await configureExpertsChannel({ channel: 'C0REDACTIE', store, log, now: () => 5 })('T1');
    expect(await store.get('experts:channel:slack')).toEqual({ address: { platform: 'slack', ref: 'c:T1:C0REDACTIE' }, conversationKey: 'slack:T1:C0REDACTIE', setAt: 5 });
    await store.update('experts:channel:slack', () => ({ address: { platform: 'slack', ref: 'c:T1:C0ANDERS' }, conversationKey: 'slack:T1:C0ANDERS', setAt: 6 }));
    // a restart with the same setting keeps what the admin chose
    await configureExpertsChannel({ channel: 'C0REDACTIE', store, log })('T1');
    expect(await store.get('experts:channel:slack')).toMatchObject({ conversationKey: 'slack:T1:C0ANDERS' });
    // a changed setting wins
    await configureExpertsChannel({ channel: 'C0NIEUW', store, log })('T1');
    expect(await store.get('experts:channel:slack')).toMatchObject({ conversationKey: 'slack:T1:C0NIEUW' });
  });

  test('not set: nothing is written', async () => {
    const store = createMemoryStore();
    await configureExpertsChannel({ channel: undefined, store, log: quietLog() })('T1');
    expect(await store.get('experts:channel:slack')).toBeUndefined();
  });

  test('the setting is a channel id; EXPERT_IDS gives the Slack experts', () => {
    expect(slackPlatform.settings.parse({ SLACK_EXPERTS_CHANNEL: 'C0REDACTIE', EXPERT_IDS: 'U0BEA, aad-1' })).toMatchObject({ expertsChannel: 'C0REDACTIE', expertIds: ['U0BEA', 'aad-1'] });
    expect(slackPlatform.settings.parse({ SLACK_EXPERTS_CHANNEL: '' })).toMatchObject({ expertsChannel: undefined });
    expect(slackPlatform.settings.safeParse({ SLACK_EXPERTS_CHANNEL: '#kennisredactie' }).success).toBe(false);
  });
});
