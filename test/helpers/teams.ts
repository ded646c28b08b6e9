import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import nock from 'nock';
import { startTestApp, type TestApp } from './app.js';
import { REPO_ROOT } from './knowledge-dir.js';
import { visibleText } from './visible-text.js';

export const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
export const APP_ID = '00000000-1111-2222-3333-444444444444';

export function teamsFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/fixtures/teams', `${name}.json`), 'utf8')) as Record<string, unknown>;
}

export interface SentActivity {
  readonly method: string;
  readonly path: string;
  readonly body: { type: string; attachments?: Array<{ contentType: string; content: Record<string, unknown> }>; id?: string };
}

/**
 * Intercepts the Bot Connector at the serviceUrl: every reply, update and typing indicator the bot sends
 * is recorded. Returns the recorded list (filled as the bot sends).
 */
export function interceptConnector(): SentActivity[] {
  const sent: SentActivity[] = [];
  let n = 0;
  const record = (method: string) =>
    function (this: unknown, uri: string, body: nock.Body) {
      sent.push({ method, path: uri, body: body as SentActivity['body'] });
      return [200, { id: `sent-${++n}` }] as [number, Record<string, unknown>];
    };
  nock(SERVICE_URL).persist().post(/\/v3\/conversations\/.*\/activities/).reply(record('POST'));
  nock(SERVICE_URL).persist().put(/\/v3\/conversations\/.*\/activities\/.*/).reply(record('PUT'));
  return sent;
}

/**
 * The app on 127.0.0.1 in local mode (no app id) for a describe block, with the Bot Connector intercepted afresh
 * before each test: `onApp` gets the app once, `onSent` each test's list of what the bot sends.
 */
export function localTeamsApp(onApp: (app: TestApp) => void, onSent: (sent: SentActivity[]) => void): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp();
    onApp(app);
  });
  afterAll(() => app?.close());
  beforeEach(() => {
    nock.cleanAll();
    onSent(interceptConnector());
  });
}

export function cardsOf(sent: readonly SentActivity[]): Array<Record<string, unknown>> {
  return sent.flatMap((s) => (s.body.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content));
}

/** All text of a card (TextBlocks, TextRuns, button titles), for readable assertions. */
export const cardText = visibleText;

/** A test signing key with the OpenID metadata and JWKS that Bot Framework auth fetches, served by nock. */
export function fakeBotFrameworkIdentity(): { sign(claims?: Record<string, unknown>, key?: KeyObject): string; otherKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'test-key', kty: 'RSA', use: 'sig', endorsements: ['msteams'] };
  nock('https://login.botframework.com').persist().get('/v1/.well-known/openidconfiguration').reply(200, {
    issuer: 'https://api.botframework.com',
    authorization_endpoint: 'https://invalid.botframework.com',
    jwks_uri: 'https://login.botframework.com/v1/.well-known/keys',
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
  });
  nock('https://login.botframework.com').persist().get('/v1/.well-known/keys').reply(200, { keys: [jwk] });
  // outgoing replies need a bot token from AAD (MSAL adds a query string to the token URL)
  nock('https://login.microsoftonline.com').persist().post(/\/botframework\.com\/oauth2\/v2\.0\/token.*/).reply(200, {
    token_type: 'Bearer',
    expires_in: 3600,
    ext_expires_in: 3600,
    access_token: 'outgoing-test-token',
  });
  nock('https://login.microsoftonline.com').persist().get(/.*openid-configuration.*/).reply(200, {
    token_endpoint: 'https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token',
    issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0',
    authorization_endpoint: 'https://login.microsoftonline.com/botframework.com/oauth2/v2.0/authorize',
    jwks_uri: 'https://login.microsoftonline.com/botframework.com/discovery/v2.0/keys',
  });
  nock('https://login.microsoftonline.com').persist().get(/\/common\/discovery\/instance.*/).reply(200, {
    tenant_discovery_endpoint: 'https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration',
    'api-version': '1.1',
    metadata: [{ preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com', 'login.windows.net'] }],
  });
  return {
    otherKey: other,
    sign(claims = {}, key = privateKey) {
      return jwt.sign({ serviceurl: SERVICE_URL, ...claims }, key, { algorithm: 'RS256', keyid: 'test-key', issuer: 'https://api.botframework.com', audience: APP_ID, expiresIn: 600 });
    },
  };
}
