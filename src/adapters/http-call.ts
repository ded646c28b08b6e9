import http from 'node:http';
import https from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { PlatformCallError, retryPause, type CallPolicy } from './call-policy.js';

/**
 * Outgoing HTTP calls on Node's own http(s) client with kept-alive connections (Node's global agents keep
 * them alive), each with a time limit: one attempt (`httpCall`, under Slack's Web API client, which retries
 * itself) or a bounded series of them (`callWithRetries`, under the Bot Connector and token clients).
 */

export interface HttpRequestSpec {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly signal?: AbortSignal;
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

const guarded = new WeakSet<object>();

/**
 * One attempt. `timeoutMs` ends it after that long without a byte from the server (the socket's idle timer:
 * cheaper than an AbortSignal timer per call). Rejects with a PlatformCallError (CALL_TIMEOUT or CALL_UNREACHABLE).
 */
export function httpCall(url: URL, spec: HttpRequestSpec, timeoutMs?: number): Promise<HttpAnswer> {
  const client = url.protocol === 'https:' ? https : http;
  const headers = spec.body === undefined ? spec.headers : { ...spec.headers, 'content-length': String(Buffer.byteLength(spec.body)) };
  return new Promise<HttpAnswer>((resolve, reject) => {
    let answered = false;
    let failure: PlatformCallError | undefined;
    const fail = (code: 'CALL_TIMEOUT' | 'CALL_UNREACHABLE', message: string) => new PlatformCallError(code, message, url.host, 1);
    const req = client.request(url, { method: spec.method, headers, ...(timeoutMs ? { timeout: timeoutMs } : {}), ...(spec.signal ? { signal: spec.signal } : {}) }, (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: decoded(Buffer.concat(chunks), response.headers['content-encoding']) });
        } catch {
          reject(fail('CALL_UNREACHABLE', `the answer from ${url.host} could not be decompressed`));
        }
      });
      response.on('error', (err) => reject(failure ?? fail('CALL_UNREACHABLE', `the answer from ${url.host} broke off (${codeOf(err)})`)));
    });
    req.on('error', (err) => reject(failure ?? (spec.signal?.aborted ? err : fail('CALL_UNREACHABLE', `no connection to ${url.host} (${codeOf(err)})`))));
    req.on('timeout', () => {
      failure = fail('CALL_TIMEOUT', `no answer from ${url.host} within ${timeoutMs} ms`);
      req.destroy(failure);
    });
    // a connection that ends without an answer or an error still settles the call
    req.on('close', () => {
      if (!answered) reject(failure ?? fail('CALL_UNREACHABLE', `the connection to ${url.host} closed without an answer`));
    });
    // an error a socket reports after its request is done must not take the process down
    req.on('socket', (socket) => {
      if (guarded.has(socket)) return;
      guarded.add(socket);
      socket.on('error', () => undefined);
    });
    req.end(spec.body);
  });
}

/** Statuses worth another try: too many requests, a timeout at the server, and server errors other than "not implemented". */
export const isRetryableStatus = (status: number): boolean => status === 429 || status === 408 || (status >= 500 && status !== 501 && status !== 505);

/**
 * Up to `retries` more attempts after a 429, a 5xx or a failed connection, with the policy's pauses (a
 * Retry-After up to the time limit is honoured; a longer one ends the call). A time-out is not retried: a
 * server that did not answer in time may still have done the work (a second post would show the message
 * twice), and one that hangs rarely answers the next attempt. Other answers (2xx, 4xx) are returned as they are.
 */
export async function callWithRetries(url: URL, spec: HttpRequestSpec, policy: CallPolicy, sleep: (ms: number) => Promise<void> = delay): Promise<HttpAnswer> {
  for (let attempt = 1; ; attempt++) {
    let answer: HttpAnswer | undefined;
    try {
      answer = await httpCall(url, spec, policy.timeoutMs);
    } catch (err) {
      if (!(err instanceof PlatformCallError) || err.code === 'CALL_TIMEOUT' || attempt > policy.retries.retries) throw withAttempts(err, attempt);
    }
    if (answer && !isRetryableStatus(answer.status)) return answer;
    const pause = (answer && retryAfterMs(answer)) ?? retryPause(policy.retries, attempt - 1);
    if (answer && (attempt > policy.retries.retries || pause > policy.timeoutMs)) {
      throw new PlatformCallError('CALL_FAILED', `${url.host} answered ${answer.status} ${attempt === 1 ? 'once' : `${attempt} times`}`, url.host, attempt, answer.status);
    }
    await sleep(pause);
  }
}

function withAttempts(err: unknown, attempts: number): unknown {
  return err instanceof PlatformCallError && attempts > 1 ? new PlatformCallError(err.code, `${err.message} (attempt ${attempts})`, err.host, attempts, err.status) : err;
}

/** Retry-After in seconds or as a date, in ms; undefined when absent or unreadable. */
export function retryAfterMs(answer: HttpAnswer, now = Date.now()): number | undefined {
  const value = answer.headers['retry-after'];
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** A compressed answer (a client library may have asked for one with Accept-Encoding), as plain bytes. */
function decoded(body: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(body);
    case 'deflate':
      return inflateSync(body);
    case 'br':
      return brotliDecompressSync(body);
    default:
      return body;
  }
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'error';
}
