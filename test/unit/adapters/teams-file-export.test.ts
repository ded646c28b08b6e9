import nock from 'nock';
import type { TurnContext } from 'botbuilder';
import { answerFileConsent, exportAttachment, FILE_CONSENT, FILE_INFO } from '../../../src/adapters/teams/file-export.js';
import type { CallPolicy } from '../../../src/adapters/call-policy.js';
import type { ExportReply } from '../../../src/bot/replies.js';
import { createLogger } from '../../../src/log.js';
import { teamsTexts } from '../../../src/adapters/teams/texts.js';
import { visibleText } from '../../helpers/visible-text.js';

/** The file consent flow of `exporteer` in a personal chat; OneDrive's upload session is faked with nock. */

const UPLOAD = 'https://upload.onedrive.example';
const POLICY: CallPolicy = { timeoutMs: 1500, retries: { retries: 2, factor: 1, minTimeout: 1, maxTimeout: 5 } };
const EXPORT: ExportReply = { kind: 'export', filename: 'proef-2026-12-02.md', markdown: '# Proef\n\n**Rol**: Wat?\n\n- Beleid\n' };

interface Sent {
  type?: string;
  text?: string;
  value?: unknown;
  attachments?: Array<{ contentType: string; content?: unknown; name?: string; contentUrl?: string }>;
}

/** A TurnContext with a fileConsent/invoke activity that records what the bot sends. */
function consentTurn(value: unknown): { context: TurnContext; sent: Sent[] } {
  const sent: Sent[] = [];
  const context = {
    activity: { type: 'invoke', name: 'fileConsent/invoke', value, conversation: { id: 'a:1', conversationType: 'personal' } },
    sendActivity: async (activity: Sent) => {
      sent.push(activity);
      return { id: `sent-${sent.length}` };
    },
  } as unknown as TurnContext;
  return { context, sent };
}

const accepted = (context: unknown = (exportAttachment(EXPORT, 'personal').content as { acceptContext: unknown }).acceptContext) => ({
  type: 'fileUpload',
  action: 'accept',
  context,
  uploadInfo: { name: 'proef-2026-12-02.md', uploadUrl: `${UPLOAD}/session/abc`, contentUrl: 'https://gemeente-my.sharepoint.example/proef.md', uniqueId: 'file-1', fileType: 'md' },
});

const log = createLogger({ level: 'silent' });
const textOf = (sent: Sent[]) => sent.flatMap((s) => s.attachments ?? []).map((a) => visibleText(a.content as Record<string, unknown>)).join('\n');
const invokeStatus = (sent: Sent[]) => sent.filter((s) => s.type === 'invokeResponse').map((s) => (s.value as { status: number }).status);

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('the export attachment', () => {
  test('in a personal chat: a file consent card with the file name, its size and the Markdown to upload', () => {
    const attachment = exportAttachment(EXPORT, 'personal');
    expect(attachment).toMatchObject({
      contentType: FILE_CONSENT,
      name: EXPORT.filename,
      content: { sizeInBytes: Buffer.byteLength(EXPORT.markdown), acceptContext: { rpExport: 1, filename: EXPORT.filename, markdown: EXPORT.markdown } },
    });
  });

  test('in a group chat or channel, and for an export too large for one message: the card to copy from', () => {
    for (const type of ['groupChat', 'channel', undefined]) expect(exportAttachment(EXPORT, type).contentType).toBe('application/vnd.microsoft.card.adaptive');
    const huge = { ...EXPORT, markdown: 'x'.repeat(30 * 1024) };
    expect(exportAttachment(huge, 'personal').contentType).toBe('application/vnd.microsoft.card.adaptive');
  });
});

describe('answering the consent', () => {
  test('accept: the Markdown is PUT to the upload session in one range, then a file card is shown', async () => {
    let received: { body: string; headers: Record<string, unknown> } | undefined;
    nock(UPLOAD).put('/session/abc').reply(function (_uri, body) {
      received = { body: body as string, headers: this.req.headers };
      return [201, { id: 'file-1' }];
    });
    const { context, sent } = consentTurn(accepted());
    await answerFileConsent(context, POLICY, log);
    expect(received?.body).toBe(EXPORT.markdown);
    const size = Buffer.byteLength(EXPORT.markdown);
    expect(received?.headers).toMatchObject({ 'content-range': `bytes 0-${size - 1}/${size}`, 'content-length': String(size) });
    const info = sent.flatMap((s) => s.attachments ?? []).find((a) => a.contentType === FILE_INFO);
    expect(info).toMatchObject({ name: 'proef-2026-12-02.md', contentUrl: 'https://gemeente-my.sharepoint.example/proef.md', content: { uniqueId: 'file-1', fileType: 'md' } });
    expect(sent.find((s) => s.attachments?.[0]?.contentType === FILE_INFO)?.text).toBe(teamsTexts.fileSaved);
    expect(invokeStatus(sent)).toEqual([200]);
  });

  test('decline: nothing is uploaded, a short note says how to get it later', async () => {
    const { context, sent } = consentTurn({ type: 'fileUpload', action: 'decline', context: { rpExport: 1 } });
    await answerFileConsent(context, POLICY, log);
    expect(textOf(sent)).toContain('ik heb geen bestand opgeslagen');
    expect(invokeStatus(sent)).toEqual([200]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  test('an upload session that keeps answering 5xx is tried three times, then the user hears it failed', async () => {
    const scope = nock(UPLOAD).put('/session/abc').times(3).reply(503);
    const { context, sent } = consentTurn(accepted());
    await answerFileConsent(context, POLICY, log);
    expect(scope.isDone()).toBe(true);
    expect(textOf(sent)).toContain('Het opslaan van het bestand is niet gelukt');
    expect(sent.some((s) => s.attachments?.some((a) => a.contentType === FILE_INFO))).toBe(false);
    expect(invokeStatus(sent)).toEqual([200]);
  });

  test('an upload session that does not answer ends after the time limit, without a retry', async () => {
    const scope = nock(UPLOAD).put('/session/abc').delay(5000).reply(201);
    const { context, sent } = consentTurn(accepted());
    const started = Date.now();
    await answerFileConsent(context, POLICY, log);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(scope.isDone()).toBe(true);
    expect(textOf(sent)).toContain('Het opslaan van het bestand is niet gelukt');
    expect(invokeStatus(sent)).toEqual([200]);
  });

  test('a consent without our export, or with an address that is not https, uploads nothing', async () => {
    for (const value of [accepted({ something: 'else' }), { ...accepted(), uploadInfo: { uploadUrl: 'http://upload.onedrive.example/session/abc' } }]) {
      const { context, sent } = consentTurn(value);
      await answerFileConsent(context, POLICY, log);
      expect(textOf(sent)).toContain('Dit bestand kan ik niet meer maken');
      expect(invokeStatus(sent)).toEqual([200]);
    }
  });
});
