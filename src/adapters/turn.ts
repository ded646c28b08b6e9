import type { Bot } from '../bot/bot.js';
import type { BotEvent } from '../bot/events.js';
import { notice, type NoticeReply, type Reply } from '../bot/replies.js';
import { texts } from '../bot/texts.js';
import { errorCode, type Logger } from '../log.js';

/**
 * One turn with its error boundary, the same on every platform: the event goes to the core, the replies go
 * out; if anything throws (the core, a render, a platform call), the log gets the error's code, the
 * conversation and the event kind (and for an unexpected error where it happened), the user gets the
 * friendly Dutch notice, and the dialogue state stays as the core left it, so the user can go on.
 */
export interface TurnOutput {
  /** Sends the core's replies, in order. */
  deliver(replies: readonly Reply[]): Promise<void>;
  /** Tells the actor that something went wrong: privately where the platform can. */
  notify(reply: NoticeReply): Promise<void>;
}

export interface TurnRunner {
  run(event: BotEvent, output: TurnOutput): Promise<void>;
}

export function createTurnRunner(deps: { platform: string; bot: Bot; log: Logger; onEvent?: (event: BotEvent) => void }): TurnRunner {
  const { platform, log } = deps;
  const failed = notice(texts.errors.unexpected, [], { tone: 'error', private: true });
  return {
    async run(event, output) {
      deps.onEvent?.(event);
      try {
        await output.deliver(await deps.bot.handle(event));
      } catch (err) {
        log.error({ platform, conversation: event.conversation.key, kind: event.kind, ...describeError(err) }, `${platform} turn failed`);
        try {
          await output.notify(failed);
        } catch (notifyErr) {
          // the platform itself is unreachable: the log line is all that is left
          log.warn({ platform, conversation: event.conversation.key, code: errorCode(notifyErr) }, `${platform} error notice not delivered`);
        }
      }
    },
  };
}

/**
 * What to log of an error. Expected faults carry a stable code (STORE_UNAVAILABLE, CALL_TIMEOUT, a
 * platform's error code): the code, and the host and HTTP status of a platform call. Anything else is a bug:
 * its class name and stack frames, so it can be found. Never the message of an unexpected error: it may
 * quote input (a JSON parse error quotes the text it could not read), and user text stays out of the logs.
 */
export function describeError(err: unknown): Record<string, unknown> {
  const e = (err ?? {}) as { code?: unknown; errorCode?: unknown; stack?: unknown; host?: unknown; status?: unknown; statusCode?: unknown };
  // MSAL's errors carry their code as `errorCode`
  const code = typeof e.errorCode === 'string' && typeof e.code !== 'string' ? e.errorCode : errorCode(err);
  const expected = (typeof e.code === 'string' && !e.code.startsWith('ERR_')) || typeof e.errorCode === 'string';
  if (expected) {
    const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : undefined;
    return { code, ...(typeof e.host === 'string' ? { host: e.host } : {}), ...(status !== undefined ? { status } : {}) };
  }
  return { code, stack: stackFrames(code, e.stack) };
}

/** The stack without its first line (the message): `TypeError` and the frames below it. */
function stackFrames(name: string, stack: unknown): string {
  if (typeof stack !== 'string') return name;
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [name, ...frames].join('\n');
}
