import { Writable } from 'node:stream';
import { notice } from '../../../src/bot/replies.js';
import { createLogger } from '../../../src/log.js';
import { createOutbox, type Deliverer } from '../../../src/ops/expert-outbox.js';

/** The outbox routes by platform; failures are values with a log line of codes and counts, never text. */

function capture() {
  const lines: string[] = [];
  const destination = new Writable({ write: (chunk: Buffer, _enc, cb) => (lines.push(chunk.toString()), cb()) });
  return { log: createLogger({ level: 'debug', destination }), lines };
}

const replies = [notice('Een vraag over de buurtkamer van mevrouw Jansen')];

test('a platform without a deliverer gets "unsupported", and the log says which platform', async () => {
  const { log, lines } = capture();
  const outbox = createOutbox({}, log);
  expect(await outbox.toExperts({ platform: 'teams', ref: 'kanaal' }, replies)).toEqual({ ok: false, code: 'unsupported' });
  expect(lines.join('')).toContain('"platform":"teams"');
});

test('each platform\'s deliverer gets its own addresses; a throwing one counts as failed', async () => {
  const { log, lines } = capture();
  const seen: string[] = [];
  const slack: Deliverer = {
    toExperts: async (ref) => (seen.push(`experts:${ref}`), { ok: true }),
    toConversation: async () => {
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    },
  };
  const outbox = createOutbox({ slack }, log);
  expect(await outbox.toExperts({ platform: 'slack', ref: 'C1' }, replies)).toEqual({ ok: true });
  expect(await outbox.toConversation({ platform: 'slack', ref: 'D1' }, replies)).toEqual({ ok: false, code: 'failed' });
  expect(seen).toEqual(['experts:C1']);
  const logged = lines.join('');
  expect(logged).toContain('"code":"ECONNRESET"');
  expect(logged).not.toContain('Jansen');
});

test('a refused expert action is logged with the user id and the action only', () => {
  const { log, lines } = capture();
  createOutbox({}, log).refused({ id: 'slack:T:U9', name: 'Carl', isAdmin: false }, 'xans');
  expect(JSON.parse(lines[0]!)).toMatchObject({ actor: 'slack:T:U9', action: 'xans', msg: 'expert action refused: not an expert' });
  expect(lines[0]).not.toContain('Carl');
});

test('channel membership (EXPERTS_FROM_CHANNEL) is asked of the channel\'s platform; none there, or a check that throws, is no membership', async () => {
  const { log, lines } = capture();
  const asked: string[] = [];
  const slack: Deliverer = {
    toExperts: async () => ({ ok: true }),
    toConversation: async () => ({ ok: true }),
    isChannelMember: async (ref, actor) => (asked.push(`${ref}:${actor.id}`), actor.id === 'slack:T:U1'),
  };
  const teams: Deliverer = { ...slack, isChannelMember: async () => Promise.reject(Object.assign(new Error('roster'), { code: 'CALL_TIMEOUT' })) };
  const outbox = createOutbox({ slack, teams, other: { toExperts: slack.toExperts, toConversation: slack.toConversation } }, log);
  const where = { key: 'slack:T:C1', scope: 'channel' as const };
  const actor = (id: string) => ({ id, name: 'X', isAdmin: false });
  expect(await outbox.isChannelMember!({ platform: 'slack', ref: 'c:T:C1' }, actor('slack:T:U1'), where)).toBe(true);
  expect(await outbox.isChannelMember!({ platform: 'slack', ref: 'c:T:C1' }, actor('slack:T:U2'), where)).toBe(false);
  expect(await outbox.isChannelMember!({ platform: 'teams', ref: 'x' }, actor('teams:a'), where)).toBe(false);
  expect(await outbox.isChannelMember!({ platform: 'other', ref: 'x' }, actor('other:a'), where)).toBe(false);
  expect(await outbox.isChannelMember!({ platform: 'nowhere', ref: 'x' }, actor('x'), where)).toBe(false);
  expect(asked).toEqual(['c:T:C1:slack:T:U1', 'c:T:C1:slack:T:U2']);
  expect(lines.join('')).toContain('channel membership not checked');
});
