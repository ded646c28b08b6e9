import { Writable } from 'node:stream';
import type { AppCredentials } from 'botframework-connector';
import { PlatformCallError, type CallPolicy } from '../../../src/adapters/call-policy.js';
import { TimedManagedIdentityFactory, type GetTokenOptions } from '../../../src/adapters/teams/managed-identity.js';
import { createLogger } from '../../../src/log.js';

/** A managed identity's token calls (MicrosoftAppType UserAssignedMSI) end within the policy's time. */

const POLICY: CallPolicy = { retries: { retries: 0, factor: 1, minTimeout: 0, maxTimeout: 0 }, timeoutMs: 80 };
const APP_ID = '00000000-0000-0000-0000-00000000a11d';

function capturedLog(): { log: ReturnType<typeof createLogger>; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const destination = new Writable({ write: (chunk, _enc, done) => { chunks.push(String(chunk)); done(); } });
  return { log: createLogger({ level: 'debug', destination }), lines: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** A token source in the shape of botbuilder's DefaultAzureCredential factory. */
function source(getToken: (scopes: string | string[], options?: GetTokenOptions) => Promise<{ token: string; expiresOnTimestamp: number }>) {
  const calls: GetTokenOptions[] = [];
  return {
    calls,
    createAzureServiceTokenProvider: () => ({ getToken: (scopes: string | string[], options?: GetTokenOptions) => { calls.push(options ?? {}); return getToken(scopes, options); } }) as never,
  };
}

async function credentialsOf(factory: TimedManagedIdentityFactory, audience = 'https://api.botframework.com'): Promise<AppCredentials> {
  return (await factory.createCredentials(APP_ID, audience)) as AppCredentials;
}

test('an identity endpoint that never answers ends the refresh with CALL_TIMEOUT, logged without a token', async () => {
  const { log, lines } = capturedLog();
  const hanging = source(() => new Promise(() => {}));
  const credentials = await credentialsOf(new TimedManagedIdentityFactory(APP_ID, POLICY, log, hanging));
  const started = Date.now();
  const failure = await credentials.getToken(true).then(() => undefined, (err: unknown) => err);
  expect(failure).toBeInstanceOf(PlatformCallError);
  expect((failure as PlatformCallError).code).toBe('CALL_TIMEOUT');
  expect(Date.now() - started).toBeLessThan(2000);
  // each attempt carried an abort signal, so the request behind it is closed too
  expect(hanging.calls.length).toBeGreaterThan(0);
  expect(hanging.calls.every((options) => options.abortSignal instanceof AbortSignal)).toBe(true);
  expect(lines()).toEqual(expect.arrayContaining([expect.objectContaining({ platform: 'teams', code: 'CALL_TIMEOUT', msg: 'teams managed identity token call failed' })]));
});

test('a token that comes in time is used, and cached by botbuilder as before', async () => {
  const { log } = capturedLog();
  const answering = source(() => Promise.resolve({ token: 'msi-token', expiresOnTimestamp: Date.now() + 3_600_000 }));
  const factory = new TimedManagedIdentityFactory(APP_ID, POLICY, log, answering);
  const credentials = await credentialsOf(factory);
  await expect(credentials.getToken()).resolves.toBe('msi-token');
  await expect(credentials.getToken()).resolves.toBe('msi-token');
  expect(answering.calls).toHaveLength(1);
  // one credential per audience
  expect(await credentialsOf(factory)).toBe(credentials);
  expect(await credentialsOf(factory, 'https://other.example')).not.toBe(credentials);
});

test('only the configured app id is valid, and authentication is never off', async () => {
  const factory = new TimedManagedIdentityFactory(APP_ID, POLICY, createLogger({ level: 'silent' }), source(() => new Promise(() => {})));
  await expect(factory.isValidAppId(APP_ID)).resolves.toBe(true);
  await expect(factory.isValidAppId('someone-else')).resolves.toBe(false);
  await expect(factory.isAuthenticationDisabled()).resolves.toBe(false);
});
