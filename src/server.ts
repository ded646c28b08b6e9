import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from './log.js';

/**
 * The one HTTP server: body limits, health, listen address. It knows no platform: adapters add their
 * routes. Bodies are read raw (Slack verifies signatures over the exact bytes) and parsed by each route.
 */
export function createHttpServer(opts: { maxBodyBytes: number; log: Logger }): Server {
  const server = restify.createServer({ name: 'routeplanner-bot', handleUncaughtExceptions: false });
  server.use(bodyReader(opts.maxBodyBytes, opts.log));
  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });
  server.on('restifyError', (req: Request, _res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
    // 4xx are the client's problem (oversize body, unknown route): log the status, not the body
    opts.log.warn({ route: req.getPath(), status: err.statusCode, err: err.name }, 'request rejected');
    callback();
  });
  return server;
}

/**
 * Reads the body as UTF-8 text into `req.body`, with a size limit (413 beyond it). restify's own bodyReader
 * does the same but calls the deprecated `new Buffer(0)` per request, whose deprecation check walks the
 * stack: about 35 µs of every request here, a tenth of what the whole conversation core costs per turn.
 */
function bodyReader(maxBytes: number, log: Logger) {
  const refuse = (req: Request, res: Response, next: (err?: Error | false) => void, status: number, message: string): void => {
    log.warn({ route: req.getPath(), status }, 'request rejected');
    reject(res, next, status, message);
  };
  return (req: Request, res: Response, next: (err?: Error | false) => void): void => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      next();
      return;
    }
    const declared = Number(req.header('content-length') ?? NaN);
    if (declared > maxBytes) {
      refuse(req, res, next, 413, 'payload too large');
      return;
    }
    const encoding = String(req.header('content-encoding') ?? 'identity').toLowerCase();
    if (encoding !== 'identity') {
      refuse(req, res, next, 415, `content-encoding ${encoding} is not supported`);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        done = true;
        refuse(req, res, next, 413, 'payload too large');
        req.resume(); // drain the rest without keeping it
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      (req as { body?: unknown }).body = Buffer.concat(chunks, size).toString('utf8');
      next();
    });
    req.on('error', (err: Error) => {
      if (done) return;
      done = true;
      next(err);
    });
  };
}

function reject(res: Response, next: (err?: Error | false) => void, status: number, message: string): void {
  res.header('connection', 'close');
  res.send(status, { error: message });
  next(false);
}

/**
 * An empty response with `status`, written in one go: the hot path of every Teams message and Slack ack.
 * restify's send() formats, then writes headers and body separately (two syscalls per request).
 */
export function sendEmpty(res: Response, status = 200): void {
  res.writeHead(status, { 'content-length': '0' });
  res.end();
}

/** The raw request body as text ('' when there is none). */
export function rawBody(req: Request): string {
  const body: unknown = req.body;
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  return '';
}

export function listen(server: Server, host: string, port: number): Promise<{ host: string; port: number }> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      const address = server.address();
      resolve({ host, port: typeof address === 'object' && address ? address.port : port });
    });
  });
}
