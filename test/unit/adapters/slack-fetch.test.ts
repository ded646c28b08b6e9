import { createServer, type IncomingMessage, type Server } from 'node:http';
import nock from 'nock';
import { createWebApiFetch } from '../../../src/adapters/slack/fetch.js';
import { onlyLoopback } from '../../helpers/app.js';

/** The Web API client's fetch on Node's http client, against a real server on 127.0.0.1. */
let server: Server;
let url: string;
const seen: Array<{ method?: string; url?: string; headers: IncomingMessage['headers']; body: string }> = [];

onlyLoopback(nock);

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (req.url === '/api/silent') return; // accepts, never answers
      if (req.url === '/api/rate') {
        res.writeHead(429, { 'retry-after': '3', 'content-type': 'application/json' });
        res.end('{"ok":false,"error":"ratelimited"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-oauth-scopes': 'chat:write,im:history' });
      res.end(JSON.stringify({ ok: true, echo: body, ü: 'é' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  // /api/silent never answers. Run alone, its connection is closed when the client gives up; in a full jest
  // run one stayed open and close() waited until the hook timed out, most likely through the nock wrappers
  // that earlier test files left stacked (see onlyLoopback). Closing every connection keeps the teardown
  // independent of that.
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('the Slack Web API fetch', () => {
  const webFetch = createWebApiFetch();

  test('posts the form body with its length and headers, and gives back status, headers and text as fetch would', async () => {
    const body = 'channel=D1&text=Sociale%20basis%20%C3%A9';
    const res = await webFetch(`${url}/api/chat.postMessage`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer xoxb-test' }, body });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('x-oauth-scopes')).toBe('chat:write,im:history');
    expect(res.headers.get('retry-after')).toBeNull();
    expect(JSON.parse(await res.text())).toEqual({ ok: true, echo: body, ü: 'é' });
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ method: 'POST', url: '/api/chat.postMessage', body });
    expect(last.headers).toMatchObject({ 'content-length': String(Buffer.byteLength(body)), authorization: 'Bearer xoxb-test' });
  });

  test('a rate limit comes back as 429 with its retry-after header, for the client to wait and retry', async () => {
    const res = await webFetch(`${url}/api/rate`, { method: 'POST', body: 'x=1' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(Object.fromEntries((res.headers as unknown as { entries(): Iterable<[string, string]> }).entries())).toMatchObject({ 'retry-after': '3' });
  });

  test('a call without an answer ends after the time limit; answered calls and idle kept-alive sockets are not affected', async () => {
    // a limit well above a loaded CI machine's pauses: at 150 ms an answered call once timed out there
    const limited = createWebApiFetch({ timeoutMs: 400 });
    const started = Date.now();
    await expect(limited(`${url}/api/silent`, { method: 'POST', body: 'x=1' })).rejects.toThrow(/no answer from 127\.0\.0\.1:\d+ within 400 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
    // the same client still answers normal calls, also on a kept-alive socket that already waited once
    for (let i = 0; i < 3; i++) expect((await limited(`${url}/api/chat.postMessage`, { method: 'POST', body: 'x=1' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 800)); // idle kept-alive sockets (idle longer than the limit) are not a failed call
    expect((await limited(`${url}/api/chat.postMessage`, { method: 'POST', body: 'x=2' })).status).toBe(200);
  });

  test('a connection that fails rejects, so the client can retry', async () => {
    await expect(webFetch('http://127.0.0.1:9/api/auth.test', { method: 'POST', body: '' })).rejects.toThrow(/ECONNREFUSED/);
  });

  test('a FormData body (file uploads) goes through the standard fetch', async () => {
    const form = new FormData();
    form.append('channels', 'D1');
    const res = await webFetch(`${url}/api/files.upload`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(seen.at(-1)!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
  });

  test('a file upload that gets no answer ends after the time limit too', async () => {
    const form = new FormData();
    form.append('file', new Blob(['# Export']), 'export.md');
    const started = Date.now();
    await expect(createWebApiFetch({ timeoutMs: 150 })(`${url}/api/silent`, { method: 'POST', body: form })).rejects.toThrow(/aborted due to timeout/);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
