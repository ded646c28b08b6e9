import http from 'node:http';
import { httpCall } from '../http-call.js';

/**
 * The Slack Web API client's `fetch`, on Node's own http(s) client (`httpCall`). The standard fetch wraps
 * every call in WHATWG request, response and stream objects: in the Slack bench that cost about 0.7 ms of CPU
 * per reply, more than the rest of a turn together (1.70 against 1.01 ms per event, the same run otherwise).
 * The response is a small object with what the client reads (status, headers, text, arrayBuffer). Bodies
 * other than text (file uploads as FormData, to the address files.getUploadURLExternal gave) go through the
 * standard fetch, which ends them after `timeoutMs` in all (an upload is rare; the timer's cost does not matter).
 *
 * `timeoutMs` ends a call after that long without a byte from Slack (the socket's idle timer). The client's own
 * `timeout` option would make an AbortSignal timer per call and tie it to the request stream, which cost
 * about 7% of a Slack turn's CPU in the bench; a signal that is passed in is still honoured. The client retries.
 */
export function createWebApiFetch(opts: { timeoutMs?: number } = {}): typeof fetch {
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const { body } = init;
    // a file upload (FormData) keeps the standard fetch, with the same time limit as a signal
    if (body !== undefined && body !== null && typeof body !== 'string') return fetch(input, { ...init, ...(opts.timeoutMs && !init.signal ? { signal: AbortSignal.timeout(opts.timeoutMs) } : {}) });
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
    const res = await httpCall(url, { method: init.method ?? 'GET', headers, ...(typeof body === 'string' ? { body } : {}), ...(init.signal ? { signal: init.signal } : {}) }, opts.timeoutMs);
    const value = (v: string | string[] | undefined): string | null => (v === undefined ? null : Array.isArray(v) ? v.join(', ') : v);
    return {
      status: res.status,
      statusText: http.STATUS_CODES[res.status] ?? '',
      ok: res.status >= 200 && res.status < 300,
      url: url.href,
      headers: {
        get: (name: string) => value(res.headers[name.toLowerCase()]),
        entries: () => Object.entries(res.headers).map(([k, v]) => [k, value(v) ?? ''] as [string, string])[Symbol.iterator](),
      },
      text: async () => res.body.toString('utf8'),
      json: async () => JSON.parse(res.body.toString('utf8')) as unknown,
      arrayBuffer: async () => res.body.buffer.slice(res.body.byteOffset, res.body.byteOffset + res.body.byteLength),
    } as unknown as Response;
  }) as typeof fetch;
}
