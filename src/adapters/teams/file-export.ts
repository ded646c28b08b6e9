import { ActivityTypes, CardFactory, MessageFactory, type Attachment, type TurnContext } from 'botbuilder';
import { notice, type ExportReply } from '../../bot/replies.js';
import type { Logger } from '../../log.js';
import { PlatformCallError, type CallPolicy } from '../call-policy.js';
import { callWithRetries } from '../http-call.js';
import { replyToCard } from './render.js';
import { teamsTexts } from './texts.js';

/**
 * `exporteer` in a personal chat as a file, through Teams' file consent flow: we send a FileConsentCard; the
 * user allows it (Teams then makes an upload session in their OneDrive) or declines; on `fileConsent/invoke`
 * we PUT the Markdown to the session's `uploadUrl` with a time limit and show the file with a FileInfoCard.
 * The app's manifest must allow files (`bots[].supportsFiles: true`), and Teams offers this only in personal
 * chats; in group chats and channels the export stays a card with a block to copy.
 *
 * The Markdown travels in the consent card's `acceptContext` and comes back with the click, so nothing is
 * stored: an export too large for one message (Teams allows about 28 KB) is shown as a card instead.
 */

export const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

/** What of the Markdown fits in a consent card with room left for the activity around it. */
const MAX_FILE_BYTES = 20 * 1024;

interface ExportContext {
  readonly rpExport: 1;
  readonly filename: string;
  readonly markdown: string;
}

/** The attachment for an export: the consent card in a personal chat (when it fits), else the card to copy from. */
export function exportAttachment(reply: ExportReply, conversationType: string | undefined): Attachment {
  const bytes = Buffer.byteLength(reply.markdown);
  if (conversationType !== 'personal' || bytes > MAX_FILE_BYTES) return CardFactory.adaptiveCard(replyToCard(reply));
  const context: ExportContext = { rpExport: 1, filename: reply.filename, markdown: reply.markdown };
  return {
    contentType: FILE_CONSENT,
    name: reply.filename,
    content: { description: teamsTexts.fileDescription(reply.filename), sizeInBytes: bytes, acceptContext: context, declineContext: { rpExport: 1 } },
  };
}

interface UploadInfo {
  readonly name?: unknown;
  readonly uploadUrl?: unknown;
  readonly contentUrl?: unknown;
  readonly uniqueId?: unknown;
  readonly fileType?: unknown;
}

interface ConsentValue {
  readonly action?: unknown;
  readonly context?: unknown;
  readonly uploadInfo?: UploadInfo;
}

export const isFileConsent = (context: TurnContext): boolean => context.activity.type === ActivityTypes.Invoke && context.activity.name === 'fileConsent/invoke';

/**
 * Answers a `fileConsent/invoke`: the upload and the FileInfoCard on accept, a short note on decline. The
 * invoke is always answered 200 (Teams shows an error on the card otherwise); what went wrong is said in the
 * chat, and logged with its code and host (never the file or its address).
 */
export async function answerFileConsent(context: TurnContext, policy: CallPolicy, log: Logger): Promise<void> {
  const value = (context.activity.value ?? {}) as ConsentValue;
  try {
    if (value.action !== 'accept') await say(context, teamsTexts.fileDeclined);
    else await upload(context, value, policy, log);
  } finally {
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
  }
}

async function upload(context: TurnContext, value: ConsentValue, policy: CallPolicy, log: Logger): Promise<void> {
  const file = exportOf(value.context);
  const info = value.uploadInfo ?? {};
  const url = typeof info.uploadUrl === 'string' ? safeUrl(info.uploadUrl) : undefined;
  if (!file || !url) {
    log.warn({ platform: 'teams', code: 'FILE_CONSENT_INVALID' }, 'teams file consent without our export or an upload address');
    await say(context, teamsTexts.fileExpired);
    return;
  }
  const body = file.markdown;
  const size = Buffer.byteLength(body);
  try {
    const answer = await callWithRetries(url, { method: 'PUT', headers: { 'content-type': 'text/markdown; charset=utf-8', 'content-range': `bytes 0-${size - 1}/${size}` }, body }, policy);
    if (answer.status < 200 || answer.status >= 300) throw new PlatformCallError('CALL_FAILED', `${url.host} answered ${answer.status}`, url.host, 1, answer.status);
  } catch (err) {
    if (!(err instanceof PlatformCallError)) throw err;
    log.warn({ platform: 'teams', code: err.code, host: err.host, status: err.status, attempts: err.attempts }, 'teams file upload failed');
    await say(context, teamsTexts.fileFailed);
    return;
  }
  const name = typeof info.name === 'string' ? info.name : file.filename;
  const fileInfo: Attachment = {
    contentType: FILE_INFO,
    name,
    ...(typeof info.contentUrl === 'string' ? { contentUrl: info.contentUrl } : {}),
    content: { uniqueId: typeof info.uniqueId === 'string' ? info.uniqueId : undefined, fileType: typeof info.fileType === 'string' ? info.fileType : 'md' },
  };
  await context.sendActivity(MessageFactory.attachment(fileInfo, teamsTexts.fileSaved));
}

function exportOf(raw: unknown): ExportContext | undefined {
  const c = raw as Partial<ExportContext> | null | undefined;
  if (!c || c.rpExport !== 1 || typeof c.filename !== 'string' || typeof c.markdown !== 'string') return undefined;
  return Buffer.byteLength(c.markdown) <= MAX_FILE_BYTES ? (c as ExportContext) : undefined;
}

/** Only an https address is a OneDrive upload session; anything else is not ours to send the file to. */
function safeUrl(raw: string): URL | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

const say = (context: TurnContext, text: string) => context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(replyToCard(notice(text)))));
