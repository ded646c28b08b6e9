import path from 'node:path';
import nock from 'nock';
import { buildTeamsManifest } from '../../src/cli/package-teams.js';
import { onlyLoopback, startTestApp, type TestApp } from '../helpers/app.js';
import { REPO_ROOT } from '../helpers/knowledge-dir.js';

/** GET /privacy and GET /voorwaarden on the real server: the pages the Teams app links to. */

onlyLoopback(nock);

const BOT = '11111111-2222-3333-4444-555555555555';

async function get(app: TestApp, route: string) {
  const res = await fetch(`${app.url}${route}`);
  return { status: res.status, type: res.headers.get('content-type'), csp: res.headers.get('content-security-policy'), body: await res.text() };
}

describe('privacy statement and terms of use, configured', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ ORGANISATION_NAME: 'Gemeente Ons Dorp', PRIVACY_CONTACT: 'privacy@onsdorp.nl', RETENTION_DAYS: '14' });
  });
  afterAll(() => app.close());

  test.each(['/privacy', '/voorwaarden'])('%s is a Dutch HTML page with the organisation and the contact, and nothing to load from elsewhere', async (route) => {
    const page = await get(app, route);
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.csp).toContain("default-src 'none'");
    expect(page.body).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(page.body).toContain('Gemeente Ons Dorp is verantwoordelijk voor de bot');
    expect(page.body).toContain('Neem contact op met Gemeente Ons Dorp: privacy@onsdorp.nl.');
    expect(page.body).not.toContain('nog niet ingevuld');
    expect(page.body).not.toMatch(/<script|<img|<link|<iframe|src=|https?:\/\//i);
  });

  test('the privacy statement says what is stored, how long, how to erase it', async () => {
    const { body } = await get(app, '/privacy');
    expect(body).toContain('Je vragen bewaart de bot niet bij je naam.');
    expect(body).toContain('Je antwoorden in gesprekken en groepsgesprekken: 14 dagen na de laatste activiteit.');
    expect(body).toContain('Typ ‘vergeet mij’ in een chat met de bot.');
    expect(body).toContain('<h2>Hoe wis je je gegevens?</h2>');
  });

  test('the Teams app zip links to exactly these two pages', async () => {
    const manifest = (await buildTeamsManifest({ manifestDir: path.join(REPO_ROOT, 'manifest/teams'), outFile: '', botId: BOT, appId: BOT, domain: 'bot.onsdorp.nl' })) as { developer: { privacyUrl: string; termsOfUseUrl: string } };
    for (const url of [manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl]) {
      const { hostname, pathname } = new URL(url);
      expect(hostname).toBe('bot.onsdorp.nl');
      expect((await get(app, pathname)).status).toBe(200);
    }
  });
});

describe('privacy statement and terms of use, not configured', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ ORGANISATION_NAME: 'Gemeente <script>alert("x")</script> & Co', RETENTION_DAYS: '1' });
  });
  afterAll(() => app.close());

  test('the configured name is escaped, never markup', async () => {
    const { body } = await get(app, '/privacy');
    expect(body).toContain('Gemeente &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co is verantwoordelijk voor de bot');
    expect(body).not.toContain('<script');
    expect(body).toContain('1 dag na de laatste activiteit');
  });

  test('a missing contact is said honestly, on both pages', async () => {
    for (const route of ['/privacy', '/voorwaarden']) {
      const { body } = await get(app, route);
      expect(body).toContain('Let op: de beheerder van deze bot heeft een contactadres (PRIVACY_CONTACT) nog niet ingevuld.');
      expect(body).toContain('Er is nog geen contactadres ingevuld.');
    }
  });
});
