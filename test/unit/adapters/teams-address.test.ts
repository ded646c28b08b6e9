import type { Activity } from 'botbuilder';
import { channelOf, conversationAddress, isSafeServiceUrl, parsePlace, userAddress } from '../../../src/adapters/teams/address.js';
import { createTeamsDeliverer } from '../../../src/adapters/teams/deliverer.js';
import { createInPlaceUpdates } from '../../../src/adapters/in-place.js';
import { replyToCard } from '../../../src/adapters/teams/render.js';
import { notice } from '../../../src/bot/replies.js';
import { createLogger } from '../../../src/log.js';
import { createMemoryStore } from '../../../src/storage/memory-store.js';
import { teamsFixture } from '../../helpers/teams.js';

/** Teams addresses: small, and a stored service URL is never used unchecked (the bot's token goes to it). */

describe('Teams addresses', () => {
  test('the address of a personal chat keeps only service URL, conversation, tenant and bot', () => {
    const address = conversationAddress(teamsFixture('personal-message') as Partial<Activity>)!;
    expect(address.platform).toBe('teams');
    expect(JSON.parse(address.ref)).toEqual({ s: 'https://smba.trafficmanager.net/emea/', c: 'a:1PersonalConversationWithAnna', t: 'tenant-gemeente', b: '28:routeplanner-bot-app-id' });
    expect(address.ref).not.toContain('Anna de Vries');
    expect(address.ref).not.toContain('sociale basis');
  });

  test('someone in a channel is reached in a personal chat the bot opens: their user id, the tenant and the bot', () => {
    const address = userAddress(teamsFixture('channel-mention') as Partial<Activity>)!;
    expect(JSON.parse(address.ref)).toEqual({ s: 'https://smba.trafficmanager.net/emea/', u: '29:1TeamLeadUserId', t: 'tenant-gemeente', b: '28:routeplanner-bot-app-id' });
    expect(parsePlace(address.ref, { local: false })).toEqual({ serviceUrl: 'https://smba.trafficmanager.net/emea/', userId: '29:1TeamLeadUserId', tenantId: 'tenant-gemeente', botId: '28:routeplanner-bot-app-id' });
    // without a tenant Teams cannot open the chat
    expect(userAddress({ ...teamsFixture('channel-mention'), conversation: { id: '19:x' }, channelData: {} } as Partial<Activity>)).toBeUndefined();
    // a reference names a conversation or a person, never both or neither
    expect(parsePlace(JSON.stringify({ s: 'https://a.example/', c: 'x', u: 'y' }), { local: false })).toBeUndefined();
    expect(parsePlace(JSON.stringify({ s: 'https://a.example/' }), { local: false })).toBeUndefined();
  });

  test('no address without a service URL or conversation', () => {
    expect(conversationAddress({ conversation: { id: 'a:1' } } as Partial<Activity>)).toBeUndefined();
    expect(conversationAddress({ serviceUrl: 'https://smba.trafficmanager.net/emea/' } as Partial<Activity>)).toBeUndefined();
  });

  test.each([
    ['https://smba.trafficmanager.net/emea/', false, true],
    ['https://smba.trafficmanager.net/emea/', true, true],
    ['http://127.0.0.1:56150/', true, true],
    ['http://localhost:3979/', true, true],
    ['http://127.0.0.1:56150/', false, false],
    ['http://smba.trafficmanager.net/emea/', true, false],
    ['http://evil.example/', true, false],
    ['https://user:secret@smba.trafficmanager.net/', false, false],
    ['file:///etc/passwd', true, false],
    ['not a url', true, false],
  ])('service URL %s in local mode %s: safe %s', (url, local, safe) => {
    expect(isSafeServiceUrl(url, local)).toBe(safe);
  });

  test('a reference that is not ours or has an unsafe service URL is refused when read', () => {
    const ref = (s: string) => JSON.stringify({ s, c: '19:x@thread.tacv2' });
    expect(parsePlace(ref('https://smba.trafficmanager.net/emea/'), { local: false })).toEqual({ serviceUrl: 'https://smba.trafficmanager.net/emea/', conversationId: '19:x@thread.tacv2' });
    expect(parsePlace(ref('http://10.0.0.5/'), { local: true })).toBeUndefined();
    expect(parsePlace('u:T0:U0', { local: true })).toBeUndefined(); // a Slack reference
    expect(parsePlace(JSON.stringify({ s: 'https://a.example/', c: 'x', extra: 1 }), { local: false })).toBeUndefined();
  });

  test('a thread in a channel belongs to the channel', () => {
    expect(channelOf('19:redactie@thread.tacv2;messageid=1732440000100')).toBe('19:redactie@thread.tacv2');
    expect(channelOf('a:1PersonalChat')).toBe('a:1PersonalChat');
  });

  test('the deliverer sends nothing to an unsafe stored service URL: unreachable, and a log line without the URL', async () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', destination: { write: (l: string) => void lines.push(l) } as never });
    let calls = 0;
    const adapter = { continueConversationAsync: async () => void calls++ } as never;
    const deliverer = createTeamsDeliverer({ adapter, appId: '11111111-2222-3333-4444-555555555555', expertsFromChannel: false, inPlace: createInPlaceUpdates({ platform: 'teams', store: createMemoryStore() }), render: replyToCard, log });
    const ref = JSON.stringify({ s: 'http://attacker.example/', c: 'a:1' });
    expect(await deliverer.toConversation(ref, [notice('hallo')])).toEqual({ ok: false, code: 'unreachable' });
    expect(await deliverer.toExperts(ref, [notice('hallo')])).toEqual({ ok: false, code: 'unreachable' });
    expect(calls).toBe(0);
    expect(lines.join('')).toContain('TEAMS_REFERENCE_REFUSED');
    expect(lines.join('')).not.toContain('attacker.example');
  });
});
