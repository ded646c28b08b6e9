import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../log.js';
import { describeError } from '../turn.js';
import { rawBody, sendEmpty } from '../../server.js';
import { checkSlackPayload } from './payload-schema.js';
import { checkSlackSignature } from './verify.js';

/**
 * A Bolt receiver on our restify server (`POST /slack/events`), after Bolt's own custom-receiver example:
 * transport only. Every request's signature and timestamp (five-minute window) are verified before
 * anything else; a bad one gets 401 and runs nothing. The HTTP response goes out the moment the app acks,
 * so Slack always gets its answer within three seconds while the work continues.
 */
export interface RestifyReceiverOptions {
  readonly signingSecret: string;
  readonly log: Logger;
  /** Injected clock for the timestamp window (tests). */
  readonly now?: () => number;
  /** Answer 200 ourselves if the app has not acked by then (ms), so Slack never times out. */
  readonly ackTimeoutMs?: number;
  /** Tracks each request's work (it runs on after the ack), so a shutdown can wait for it. */
  readonly track?: <T>(work: Promise<T>) => Promise<T>;
}

export class RestifyReceiver implements Receiver {
  private app?: App;

  constructor(private readonly opts: RestifyReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  register(server: Server, path = '/slack/events'): void {
    server.post(path, async (req: Request, res: Response) => {
      const work = this.handle(req, res);
      await (this.opts.track ? this.opts.track(work) : work);
    });
  }

  // the restify server owns listening; Bolt's start/stop have nothing to do
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  private async handle(req: Request, res: Response): Promise<void> {
    const body = rawBody(req);
    const check = checkSlackSignature({
      signingSecret: this.opts.signingSecret,
      body,
      signature: req.header('x-slack-signature') || undefined,
      timestamp: req.header('x-slack-request-timestamp') || undefined,
      nowMs: (this.opts.now ?? Date.now)(),
    });
    if (check !== 'ok') {
      // the signature itself is never logged, nor echoed
      this.opts.log.warn({ route: 'slack', reason: check }, 'slack request rejected: bad or stale signature');
      res.send(401, { error: 'invalid signature' });
      return;
    }

    const parsed = parseBody(body, String(req.header('content-type') ?? ''));
    if (!parsed) {
      res.send(400, { error: 'malformed body' });
      return;
    }
    const checked = checkSlackPayload(parsed);
    if (!checked.ok) {
      this.opts.log.warn({ platform: 'slack', status: 400, error: checked.error }, 'slack request rejected');
      res.send(400, { error: checked.error });
      return;
    }
    const payload = checked.value;
    if (payload['type'] === 'url_verification') {
      res.send(200, { challenge: payload['challenge'] });
      return;
    }

    let acked = false;
    const respond = (response?: unknown): void => {
      if (acked) return;
      acked = true;
      if (response === undefined || response === '') sendEmpty(res);
      else if (typeof response === 'string') res.send(200, response);
      else res.send(200, response);
    };
    const timer = setTimeout(() => {
      if (!acked) this.opts.log.warn('slack request not acked in time; answering 200 ourselves');
      respond();
    }, this.opts.ackTimeoutMs ?? 2500);

    const retryNum = Number(req.header('x-slack-retry-num') ?? NaN);
    const event: ReceiverEvent = {
      body: payload,
      ack: async (response?: unknown) => respond(response),
      ...(Number.isFinite(retryNum) ? { retryNum, retryReason: String(req.header('x-slack-retry-reason') ?? '') } : {}),
    };
    try {
      await this.app?.processEvent(event);
    } catch (err) {
      this.opts.log.error({ platform: 'slack', ...describeError(err) }, 'slack event failed');
    } finally {
      clearTimeout(timer);
      respond();
    }
  }
}

/** JSON (Events API), or form-encoded (slash commands; interactivity with a `payload` JSON field). */
export function parseBody(body: string, contentType: string): unknown {
  try {
    if (contentType.includes('application/json')) return JSON.parse(body) as unknown;
    const form = Object.fromEntries(new URLSearchParams(body));
    if (typeof form['payload'] === 'string') return JSON.parse(form['payload']) as unknown;
    return form;
  } catch {
    return undefined;
  }
}
