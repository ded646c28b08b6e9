import { Writable } from 'node:stream';
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { createInPlaceUpdates } from '../../../src/adapters/in-place.js';
import { createSender } from '../../../src/adapters/slack/send.js';
import { createThreadOwners } from '../../../src/adapters/slack/threads.js';
import type { ExpertQuestionReply, ExportReply } from '../../../src/bot/replies.js';
import { texts } from '../../../src/bot/texts.js';
import { createLogger } from '../../../src/log.js';
import { createMemoryStore } from '../../../src/storage/memory-store.js';
import { visibleText } from '../../helpers/visible-text.js';

/** What the Slack sender does with exports and the content team's cards, against a fake Web API client. */

type Call = { method: string; args: Record<string, unknown> };

function fakeClient(opts: { upload?: 'ok' | 'fails' } = {}) {
  const calls: Call[] = [];
  let ts = 0;
  const record = (method: string) => async (args: Record<string, unknown>) => {
    calls.push({ method, args });
    return { ok: true, ts: `1.${++ts}`, channel: args['channel'] };
  };
  const client = {
    chat: { postMessage: record('chat.postMessage'), postEphemeral: record('chat.postEphemeral'), update: record('chat.update') },
    filesUploadV2: async (args: Record<string, unknown>) => {
      calls.push({ method: 'files.uploadV2', args });
      if (opts.upload === 'fails') throw Object.assign(new Error('An API error occurred: missing_scope'), { code: 'slack_webapi_platform_error', data: { ok: false, error: 'missing_scope' } });
      return { ok: true };
    },
  };
  return { calls, client: client as unknown as WebClient };
}

function sender(client: WebClient) {
  const store = createMemoryStore();
  const log = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });
  return createSender({ client, inPlace: createInPlaceUpdates({ platform: 'slack', store }), threads: createThreadOwners({ store, log }), log });
}

const target = { channel: 'D0ANNADM', user: 'U0ANNA', conversationKey: 'slack:T:D0ANNADM' };
const longExport: ExportReply = { kind: 'export', filename: 'proef-2026-12-01.md', markdown: Array.from({ length: 400 }, (_, i) => `- antwoord ${i}: ${'tekst '.repeat(8)}`).join('\n') };

test('an export is a file; nothing else is posted', async () => {
  const { calls, client } = fakeClient();
  await sender(client).deliver([longExport], target);
  expect(calls.map((c) => c.method)).toEqual(['files.uploadV2']);
  expect(calls[0]!.args).toMatchObject({ channel_id: 'D0ANNADM', filename: 'proef-2026-12-01.md', content: longExport.markdown });
});

test('when the upload fails: a line that says so, then the whole text in several messages, none cut off', async () => {
  const { calls, client } = fakeClient({ upload: 'fails' });
  await sender(client).deliver([longExport], target);
  const posts = calls.filter((c) => c.method === 'chat.postMessage');
  expect(posts.length).toBeGreaterThan(2);
  expect(visibleText(JSON.parse(posts[0]!.args['blocks'] as string))).toContain('Het bestand kon ik niet in Slack zetten');
  const parts = posts.slice(1).map((p) => JSON.parse(p.args['blocks'] as string) as Array<{ type: string; text?: { text: string } }>);
  expect(parts.every((blocks) => !visibleText(blocks).includes(texts.dialogue.truncated))).toBe(true);
  expect(parts.map((blocks) => blocks.filter((b) => b.type === 'section').map((b) => b.text!.text).join('')).join('')).toBe(longExport.markdown);
});

test('where only the clicker may see it, the export is text through response_url, not a file in the channel', async () => {
  const { calls, client } = fakeClient();
  const responses: unknown[] = [];
  const respond = (async (r: unknown) => void responses.push(r)) as unknown as RespondFn;
  await sender(client).deliver([{ ...longExport, markdown: '# Kort' }], { ...target, channel: 'C0KANAAL', respond });
  expect(calls).toEqual([]);
  expect(responses).toEqual([expect.objectContaining({ response_type: 'ephemeral', text: 'proef-2026-12-01.md' })]);
});

test('a content team\'s card is posted once and then updated in place, whoever handles it', async () => {
  const { calls, client } = fakeClient();
  const send = sender(client);
  const card = (version: number, line: string): ExpertQuestionReply => ({ kind: 'expert-question', replaceKey: 'expert:q1', version, heading: 'Vraag', question: 'wat?', lines: [line], actions: [] });
  await send.deliver([card(1, 'Open')], { channel: 'C0REDACTIE', conversationKey: 'slack:T:C0REDACTIE' });
  await send.deliver([card(3, 'Beantwoord')], { channel: 'C0REDACTIE', user: 'U0BEA', conversationKey: 'slack:T:C0REDACTIE' });
  expect(calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update']);
  expect(calls[1]!.args).toMatchObject({ channel: 'C0REDACTIE', ts: '1.1' });
  expect(visibleText(JSON.parse(calls[1]!.args['blocks'] as string))).toContain('Beantwoord');
});
