import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from './log.js';

/**
 * The one HTTP server: body limits, health, listen address. It knows no platform: adapters add their
 * routes. Bodies are read raw (Slack verifies signatures over the exact bytes) and parsed by each route.
 */
export function createHttpServer(opts: { maxBodyBytes: number; log: Logger }): Server {
  const server = restify.createServer({ name: 'routeplanner-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyReader({ maxBodySize: opts.maxBodyBytes }));
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
