import { createServer, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import nock from 'nock';
import { PlatformCallError, retryPause, type CallPolicy } from '../../../src/adapters/call-policy.js';
import { callWithRetries } from '../../../src/adapters/http-call.js';
import { onlyLoopback } from '../../helpers/app.js';

/** Outgoing calls with a time limit and a bounded retry, against a scripted server on 127.0.0.1. */

onlyLoopback(nock);

let server: Server;
let base: string;
/** What the server does for the n-th request to a path (the last entry repeats). */
const scripts = new Map<string, Array<(res: ServerResponse) => void>>();
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const n = hits.get(req.url!) ?? 0;
      hits.set(req.url!, n + 1);
      const script = scripts.get(req.url!) ?? [];
      const step = script[Math.min(n, script.length - 1)];
      if (step) step(res);
      else res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const answer = (status: number, headers: Record<string, string> = {}) => (res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ status }));
};
const silent = () => undefined; // accepts, never answers

const POLICY: CallPolicy = { retries: { retries: 2, factor: 2, minTimeout: 10, maxTimeout: 40 }, timeoutMs: 200 };
const post = (route: string, policy = POLICY) => callWithRetries(new URL(`${base}${route}`), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"message"}' }, policy);

describe('callWithRetries', () => {
  test('a 502 and a 503 are retried, and the third attempt answers', async () => {
    scripts.set('/flaky', [answer(502), answer(503), answer(201)]);
    const res = await post('/flaky');
    expect(res.status).toBe(201);
    expect(hits.get('/flaky')).toBe(3);
  });

  test('a server that keeps failing: three attempts, then CALL_FAILED with the host and status', async () => {
    scripts.set('/down', [answer(500)]);
    const err = (await post('/down').catch((e: unknown) => e)) as PlatformCallError;
    expect(err).toBeInstanceOf(PlatformCallError);
    expect(err).toMatchObject({ code: 'CALL_FAILED', status: 500, attempts: 3, host: new URL(base).host });
    expect(hits.get('/down')).toBe(3);
  });

  test('a 4xx is an answer, not a failure to retry', async () => {
    scripts.set('/gone', [answer(404)]);
    expect((await post('/gone')).status).toBe(404);
    expect(hits.get('/gone')).toBe(1);
  });

  test('a 429 waits as long as Retry-After says, up to the time limit; a longer wait ends the call', async () => {
    scripts.set('/busy', [answer(429, { 'retry-after': '0.15' }), answer(200)]);
    const started = Date.now();
    expect((await post('/busy')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    scripts.set('/very-busy', [answer(429, { 'retry-after': '60' })]);
    await expect(post('/very-busy')).rejects.toMatchObject({ code: 'CALL_FAILED', status: 429, attempts: 1 });
    expect(hits.get('/very-busy')).toBe(1);
  });

  test('a server that accepts and never answers: the call ends after the time limit, once (a time-out is not retried)', async () => {
    scripts.set('/silent', [silent]);
    const started = Date.now();
    await expect(post('/silent')).rejects.toMatchObject({ code: 'CALL_TIMEOUT', attempts: 1, message: expect.stringMatching(/no answer from 127\.0\.0\.1:\d+ within 200 ms/) });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(hits.get('/silent')).toBe(1);
  });

  test('no connection at all: retried, then CALL_UNREACHABLE', async () => {
    const err = await callWithRetries(new URL('http://127.0.0.1:9/v3/conversations'), { method: 'POST', headers: {}, body: '{}' }, POLICY).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CALL_UNREACHABLE', attempts: 3, message: expect.stringContaining('ECONNREFUSED') });
  });

  test('a compressed answer comes back as plain bytes', async () => {
    scripts.set('/gzip', [(res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync('{"id":"m1"}'));
    }]);
    expect(JSON.parse((await post('/gzip')).body.toString())).toEqual({ id: 'm1' });
  });

  test('pauses grow by the factor, stay under the maximum, and spread between 1 and 2 times when randomized', () => {
    const pauses = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 2000 };
    expect([0, 1, 2, 3].map((n) => retryPause(pauses, n))).toEqual([500, 1000, 2000, 2000]);
    expect(retryPause({ ...pauses, randomize: true }, 1, () => 0.5)).toBe(1500);
  });
});
