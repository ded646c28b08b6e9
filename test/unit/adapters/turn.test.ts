import { Writable } from 'node:stream';
import type { Bot } from '../../../src/bot/bot.js';
import type { BotEvent } from '../../../src/bot/events.js';
import { notice, type Reply } from '../../../src/bot/replies.js';
import { PlatformCallError } from '../../../src/adapters/call-policy.js';
import { createTurnRunner } from '../../../src/adapters/turn.js';
import { createInPlaceUpdates } from '../../../src/adapters/in-place.js';
import { createLogger } from '../../../src/log.js';
import { createMemoryStore } from '../../../src/storage/memory-store.js';

/** The turn error boundary and the in-place update helper that every adapter shares. */

const event: BotEvent = { kind: 'message', conversation: { key: 'fake:c1', scope: 'personal' }, actor: { id: 'fake:u1', name: 'Anna', isAdmin: false }, text: 'geheime vraag van Anna' };

function harness(handle: Bot['handle']) {
  const lines: Array<Record<string, unknown>> = [];
  const log = createLogger({ level: 'debug', destination: new Writable({ write: (c: Buffer, _e, cb) => (lines.push(JSON.parse(c.toString()) as Record<string, unknown>), cb()) }) });
  const events: BotEvent[] = [];
  const runner = createTurnRunner({ platform: 'fake', bot: { handle, home: async () => ({ intro: '', dialogues: [], unfinished: [] }), searchConcepts: () => [], explainMessage: () => [], view: async () => undefined }, log, onEvent: (e) => events.push(e) });
  const delivered: Reply[][] = [];
  const notices: Reply[] = [];
  return { lines, events, delivered, notices, runner, output: { deliver: async (r: readonly Reply[]) => void delivered.push([...r]), notify: async (r: Reply) => void notices.push(r) } };
}

describe('the turn error boundary', () => {
  test('a turn that works: the event is seen and its replies delivered, no notice', async () => {
    const h = harness(async () => [notice('Hallo')]);
    await h.runner.run(event, h.output);
    expect(h.events).toEqual([event]);
    expect(h.delivered).toEqual([[notice('Hallo')]]);
    expect(h.notices).toEqual([]);
  });

  test('an unexpected error: logged with its class and stack frames (never its message), the user gets the Dutch notice privately', async () => {
    const h = harness(async () => {
      JSON.parse('geheime vraag van Anna'); // a SyntaxError whose message quotes the text
      return [];
    });
    await h.runner.run(event, h.output);
    const line = h.lines.find((l) => l['msg'] === 'fake turn failed')!;
    expect(line).toMatchObject({ level: 50, platform: 'fake', code: 'SyntaxError', conversation: 'fake:c1', kind: 'message' });
    expect(line['stack']).toMatch(/^SyntaxError\n\s+at /);
    expect(line['stack']).toMatch(/turn\.test\.ts/);
    expect(JSON.stringify(h.lines)).not.toContain('geheime vraag');
    expect(h.notices).toEqual([{ kind: 'notice', text: expect.stringContaining('Er ging iets mis aan mijn kant'), tone: 'error', actions: [], private: true }]);
  });

  test('an expected fault (a platform call that timed out): its code, host and no stack', async () => {
    const h = harness(async () => [notice('Hallo')]);
    await h.runner.run(event, { ...h.output, deliver: async () => Promise.reject(new PlatformCallError('CALL_TIMEOUT', 'no answer from smba.example within 5000 ms', 'smba.example', 1)) });
    const line = h.lines.find((l) => l['msg'] === 'fake turn failed')!;
    expect(line).toMatchObject({ code: 'CALL_TIMEOUT', host: 'smba.example' });
    expect(line['stack']).toBeUndefined();
    expect(h.notices).toHaveLength(1);
  });

  test('when the notice cannot be delivered either, a log line says so and the turn still ends', async () => {
    const h = harness(async () => Promise.reject(new TypeError('x is not a function')));
    await h.runner.run(event, { deliver: h.output.deliver, notify: async () => Promise.reject(new PlatformCallError('CALL_UNREACHABLE', 'no connection', 'smba.example', 3)) });
    expect(h.lines.map((l) => l['msg'])).toEqual(['fake turn failed', 'fake error notice not delivered']);
    expect(h.lines[1]).toMatchObject({ level: 40, code: 'CALL_UNREACHABLE', conversation: 'fake:c1' });
  });
});

describe('in-place updates', () => {
  test('the first version is posted and its reference kept; later versions update it, also from another instance', async () => {
    const store = createMemoryStore();
    const calls: string[] = [];
    const message = (v: number) => ({ post: async () => (calls.push(`post ${v}`), 'msg-1'), update: async (ref: string) => void calls.push(`update ${ref} ${v}`) });
    await createInPlaceUpdates({ platform: 'fake', store }).show('fake:c1', 'tally:s1', 1, message(1));
    await createInPlaceUpdates({ platform: 'fake', store }).show('fake:c1', 'tally:s1', 2, message(2));
    expect(calls).toEqual(['post 1', 'update msg-1 2']);
    expect(await store.get('fake:msg:fake:c1:tally:s1')).toBe('msg-1');
  });

  test('versions that arrive together coalesce: an older one after a newer one sends nothing', async () => {
    const store = createMemoryStore();
    const updates = createInPlaceUpdates({ platform: 'fake', store });
    const calls: number[] = [];
    const message = (v: number) => ({ post: async () => (calls.push(v), 'm'), update: async () => void calls.push(v) });
    await Promise.all([updates.show('c', 't', 1, message(1)), updates.show('c', 't', 3, message(3)), updates.show('c', 't', 2, message(2))]);
    expect(calls).toEqual([1, 3]);
  });
});
