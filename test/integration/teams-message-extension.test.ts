import nock from 'nock';
import { MAX_RESULTS, SEARCH_COMMAND, SEARCH_PARAMETER } from '../../src/adapters/teams/message-extension.js';
import { cardProblems } from '../helpers/adaptive-card.js';
import { onlyLoopback, startTestApp, type TestApp } from '../helpers/app.js';
import { SHIPPED_KNOWLEDGE } from '../helpers/snapshot.js';
import { cardText, SERVICE_URL } from '../helpers/teams.js';

/**
 * The search-based message extension (issue 17): `composeExtension/query` invokes through the real server,
 * with the shipped knowledge. The answer is the invoke's HTTP response; no call goes to the Bot Connector.
 */

onlyLoopback(nock);

interface Result {
  contentType: string;
  content: Record<string, unknown>;
  preview: { contentType: string; content: { title: string; text: string } };
}
interface QueryAnswer {
  composeExtension: { type: string; attachmentLayout: string; attachments: Result[] };
}

describe('the Teams message extension', () => {
  let app: TestApp;
  let n = 0;
  const query = async (value: unknown): Promise<{ status: number; answer: QueryAnswer }> => {
    const res = await app.post('/api/messages', {
      type: 'invoke', name: 'composeExtension/query', id: `me-${++n}`, serviceUrl: SERVICE_URL, channelId: 'msteams',
      from: { id: '29:1Anna', name: 'Anna de Vries', aadObjectId: 'aad-anna' }, recipient: { id: '28:routeplanner-bot-app-id', name: 'Routeplanner' },
      conversation: { id: '19:beleid@thread.tacv2;messageid=7', conversationType: 'channel', tenantId: 'tenant-gemeente' }, value,
    });
    return { status: res.status, answer: JSON.parse(res.body) as QueryAnswer };
  };
  const search = (text: unknown) => query({ commandId: SEARCH_COMMAND, parameters: [{ name: SEARCH_PARAMETER, value: text }], queryOptions: { skip: 0, count: 25 } });

  beforeAll(async () => {
    app = await startTestApp({ KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE });
  });
  afterAll(() => app.close());

  test('"mantelzrog" (a typo) finds Mantelzorg first: its Adaptive Card, without buttons, and a thumbnail preview for the list', async () => {
    const { status, answer } = await search('mantelzrog');
    expect(status).toBe(200);
    expect(answer.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const [first] = answer.composeExtension.attachments;
    expect(first!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(first!.preview).toMatchObject({ contentType: 'application/vnd.microsoft.card.thumbnail', content: { title: 'Mantelzorg' } });
    expect(first!.preview.content.text.length).toBeLessThanOrEqual(120);
    expect(cardText(first!.content)).toContain('Mantelzorg');
    expect(cardText(first!.content)).toContain('Lees meer');
    // sent by the user into any chat, where the bot may not be: no buttons that would reach nobody
    expect(JSON.stringify(first!.content)).not.toContain('Action.Submit');
    expect(cardText(first!.content)).not.toContain('Nuttig?');
    expect(cardProblems(first!.content)).toEqual([]);
    expect(answer.composeExtension.attachments.length).toBeLessThanOrEqual(MAX_RESULTS);
  });

  test('the list Teams asks for when the search opens (initialRun): at most ten concepts, each with a preview', async () => {
    const { status, answer } = await query({ commandId: SEARCH_COMMAND, parameters: [{ name: 'initialRun', value: 'true' }] });
    expect(status).toBe(200);
    expect(answer.composeExtension.attachments).toHaveLength(MAX_RESULTS);
    expect(answer.composeExtension.attachments.every((a) => a.preview.content.title.length > 0)).toBe(true);
  });

  test.each([
    ['no value at all', undefined],
    ['parameters that are no list', { commandId: SEARCH_COMMAND, parameters: 'mantelzorg' }],
    ['a number as the search text', { commandId: SEARCH_COMMAND, parameters: [{ name: SEARCH_PARAMETER, value: 42 }] }],
    ['a pasted text of 10,000 characters', { commandId: SEARCH_COMMAND, parameters: [{ name: SEARCH_PARAMETER, value: 'mantelzorg '.repeat(1000) }] }],
    ['another command', { commandId: 'somethingElse', parameters: [{ name: SEARCH_PARAMETER, value: 'mantelzorg' }] }],
    ['a second page', { commandId: SEARCH_COMMAND, parameters: [{ name: SEARCH_PARAMETER, value: 'mantelzorg' }], queryOptions: { skip: 25, count: 25 } }],
  ])('bad input (%s) gets an empty list, never an error', async (_name, value) => {
    const { status, answer } = await query(value);
    expect(status).toBe(200);
    expect(answer).toEqual({ composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } });
  });

  test('a search runs no turn of the core and logs nothing of what was typed', async () => {
    const events = app.events.length;
    await search('geheime zoekterm mantelzorg');
    expect(app.events).toHaveLength(events);
    expect(app.logs.join('')).not.toContain('geheime zoekterm');
  });
});
