import type { Request, Response, Server } from 'restify';
import { renderLegalPage } from './html.js';
import { legalPage, type LegalPageName, type LegalPageParams } from './pages.js';

/**
 * `GET /privacy` and `GET /voorwaarden`: the pages the Teams app's privacy and terms-of-use links point at
 * (`routeplanner package-teams` writes https://<BOT_DOMAIN>/privacy and /voorwaarden into the manifest).
 * Rendered once at start: they depend on the config only.
 */
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  // the page needs nothing but its own inline style: no scripts, images, frames or form posts
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'public, max-age=3600',
};

export const LEGAL_ROUTES: Readonly<Record<LegalPageName, string>> = { privacy: '/privacy', voorwaarden: '/voorwaarden' };

export function registerLegalPages(server: Server, params: LegalPageParams): void {
  for (const [name, route] of Object.entries(LEGAL_ROUTES) as Array<[LegalPageName, string]>) {
    const body = Buffer.from(renderLegalPage(legalPage(name, params)));
    server.get(route, async (_req: Request, res: Response) => {
      res.writeHead(200, { ...HEADERS, 'content-length': String(body.length) });
      res.end(body);
    });
  }
}
