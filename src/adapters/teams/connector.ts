import type { IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import {
  AuthenticationConstants, MsalAppCredentials, ServiceClientCredentialsFactory, type ConnectorClientOptions, type ServiceClientCredentials,
} from 'botframework-connector';
import type { Logger } from '../../log.js';
import type { CallPolicy } from '../call-policy.js';
import { callWithRetries } from '../http-call.js';
import { describeError } from '../turn.js';
import { TimedManagedIdentityFactory } from './managed-identity.js';
import { ReusingBotFrameworkAuthentication } from './reused-clients.js';
import type { TeamsSettings } from './platform.js';

// MSAL's CommonJS build, the one botframework-connector loads: its credentials take this build's client
// (importing the ES module build would load a second copy of MSAL)
const { ConfidentialClientApplication } = createRequire(import.meta.url)('@azure/msal-node') as typeof import('@azure/msal-node', { with: { 'resolution-mode': 'require' } });

/**
 * Every outgoing Teams call with a time limit and a bounded retry. botbuilder's Bot Connector client (send,
 * update, typing) has no time limit of its own, and MSAL's token client neither: a Bot Connector that
 * accepts and never answers held a turn, and its HTTP request, for good. Both now go through
 * `callWithRetries`: the connector client through its `httpClient` option, token calls through MSAL's
 * `networkClient`, in credentials this module makes; a managed identity's token calls in managed-identity.ts.
 */

/**
 * Five seconds per attempt: the Bot Connector answers in well under a second, and Teams waits about 15 s
 * for our answer to its request, so a reply that times out and the error notice after it (also timed out,
 * when the connector hangs) still fit. Two quick retries after a 429, a 5xx or a failed connection (pauses
 * of 0.5–1 s and 1–2 s; a Retry-After up to 5 s); a time-out is not retried (see `callWithRetries`).
 */
export const CONNECTOR: CallPolicy = { retries: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000, randomize: true }, timeoutMs: 5000 };

type CompatHttpClient = NonNullable<ConnectorClientOptions['httpClient']>;
type CompatResponse = Awaited<ReturnType<CompatHttpClient['sendRequest']>>;

/** botbuilder's pipeline retries only RestErrors, so a PlatformCallError from here is not retried a second time. */
export function connectorHttpClient(policy: CallPolicy): CompatHttpClient {
  return {
    async sendRequest(request) {
      const body = request.body === undefined || request.body === null ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
      const headers = request.headers.toJson();
      // the pipeline asks for compressed answers; the connector's are a few bytes, not worth the CPU
      delete headers['accept-encoding'];
      const answer = await callWithRetries(new URL(request.url), { method: request.method, headers, ...(body !== undefined ? { body } : {}) }, policy);
      const answerHeaders = flatHeaders(answer.headers);
      // what the pipeline reads of a response: status, headers (through toJson) and the body as text
      return { request, status: answer.status, headers: { toJson: () => answerHeaders }, bodyAsText: answer.body.toString('utf8') } as unknown as CompatResponse;
    },
  };
}

/**
 * MSAL's network client on `callWithRetries`; an unreadable body becomes an error body as MSAL's own client
 * makes it. MSAL replaces a failed call's error with its own "network_error", so the failure is logged here.
 */
export function tokenNetworkClient(policy: CallPolicy, log: Logger): INetworkModule {
  async function send<T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    let answer;
    try {
      answer = await callWithRetries(new URL(url), { method, headers: options?.headers ?? {}, ...(options?.body !== undefined ? { body: options.body } : {}) }, policy);
    } catch (err) {
      log.warn({ platform: 'teams', ...describeError(err) }, 'teams token call failed');
      throw err;
    }
    const text = answer.body.toString('utf8');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = { error: answer.status >= 500 ? 'server_error' : answer.status >= 400 ? 'client_error' : 'unknown_error', error_description: `unreadable answer, HTTP status ${answer.status}` };
    }
    return { headers: flatHeaders(answer.headers), body: body as T, status: answer.status };
  }
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}

/**
 * Credentials as botbuilder makes them for an app id with a password (MultiTenant, SingleTenant), with
 * MSAL's token calls on our network client. The factory is made once per app, the credentials once per
 * audience; tokens are cached by botbuilder (AppCredentials) as before. A managed identity
 * (UserAssignedMSI) has its own timed credentials (managed-identity.ts).
 */
class TimedCredentialsFactory extends ServiceClientCredentialsFactory {
  private readonly made = new Map<string, ServiceClientCredentials>();

  constructor(
    private readonly inner: ServiceClientCredentialsFactory,
    private readonly settings: TeamsSettings,
    private readonly network: INetworkModule,
  ) {
    super();
  }

  isValidAppId(appId: string): Promise<boolean> {
    return this.inner.isValidAppId(appId);
  }

  isAuthenticationDisabled(): Promise<boolean> {
    return this.inner.isAuthenticationDisabled();
  }

  async createCredentials(appId: string, audience: string | undefined, loginEndpoint: string, validateAuthority: boolean): Promise<ServiceClientCredentials> {
    if ((await this.isAuthenticationDisabled()) || !(await this.isValidAppId(appId))) return this.inner.createCredentials(appId, audience, loginEndpoint, validateAuthority);
    const scope = audience || AuthenticationConstants.ToChannelFromBotOAuthScope;
    let credentials = this.made.get(scope);
    if (!credentials) {
      const tenant = this.settings.appType === 'SingleTenant' && this.settings.tenantId ? this.settings.tenantId : AuthenticationConstants.DefaultChannelAuthTenant;
      const authority = `${AuthenticationConstants.ToChannelFromBotLoginUrlPrefix}${tenant}`;
      const client = new ConfidentialClientApplication({ auth: { clientId: appId, clientSecret: this.settings.appPassword ?? '', authority }, system: { networkClient: this.network } });
      this.made.set(scope, (credentials = new MsalAppCredentials(client, appId, authority, scope)));
    }
    return credentials;
  }
}

/** botbuilder's authentication for the CloudAdapter: inbound JWT checks as before, outbound calls timed, their clients reused (reused-clients.ts). */
export function botFrameworkAuthentication(settings: TeamsSettings, policy: CallPolicy, log: Logger): ConfigurationBotFrameworkAuthentication {
  const config = {
    MicrosoftAppId: settings.appId ?? '',
    MicrosoftAppPassword: settings.appPassword ?? '',
    MicrosoftAppType: settings.appType,
    MicrosoftAppTenantId: settings.tenantId ?? '',
  };
  const botbuilderCredentials = new ConfigurationServiceClientCredentialFactory(config);
  const credentials = !settings.appId
    ? botbuilderCredentials
    : settings.appType === 'UserAssignedMSI'
      ? new TimedManagedIdentityFactory(settings.appId, policy, log)
      : new TimedCredentialsFactory(botbuilderCredentials, settings, tokenNetworkClient(policy, log));
  return new ReusingBotFrameworkAuthentication(config, credentials, undefined, undefined, { httpClient: connectorHttpClient(policy) });
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}
