import {
  JwtTokenProviderFactory, ManagedIdentityAppCredentials, ServiceClientCredentialsFactory, type IJwtTokenProviderFactory, type ServiceClientCredentials,
} from 'botframework-connector';
import type { Logger } from '../../log.js';
import { PlatformCallError, type CallPolicy } from '../call-policy.js';
import { describeError } from '../turn.js';
import { withTimeLimit } from '../../time-limit.js';

/**
 * Token calls for a managed identity (MicrosoftAppType UserAssignedMSI) with a time limit. botbuilder asks
 * Azure's DefaultAzureCredential for the token, up to five attempts, none of them timed: an identity endpoint
 * that accepts and never answers held every reply for good. Each attempt now carries an abort signal after the
 * policy's time, and the whole refresh ends after the same time, with a PlatformCallError (CALL_TIMEOUT) that
 * the turn's error boundary logs and answers as any other platform fault.
 */

/** Where the tokens come from: botbuilder's DefaultAzureCredential, or a stand-in in tests. */
type TokenSource = Pick<IJwtTokenProviderFactory, 'createAzureServiceTokenProvider'>;
type TokenProvider = ReturnType<IJwtTokenProviderFactory['createAzureServiceTokenProvider']>;
/** @azure/identity's GetTokenOptions, as botbuilder's provider takes them (the package is botbuilder's, not ours). */
export type GetTokenOptions = NonNullable<Parameters<TokenProvider['getToken']>[1]>;

const IDENTITY_HOST = 'managed-identity';

function timeout(policy: CallPolicy): PlatformCallError {
  return new PlatformCallError('CALL_TIMEOUT', `no token from the managed identity within ${policy.timeoutMs} ms`, IDENTITY_HOST, 1);
}

/** `work` with a time limit: rejects with CALL_TIMEOUT when it has not settled after `policy.timeoutMs`. */
function withinTime<T>(work: Promise<T>, policy: CallPolicy): Promise<T> {
  return withTimeLimit(work, policy.timeoutMs, (): never => {
    throw timeout(policy);
  });
}

/** Every token attempt with an abort signal, so a timed-out attempt also closes its request. */
function timedTokenSource(inner: TokenSource, policy: CallPolicy): IJwtTokenProviderFactory {
  return {
    createAzureServiceTokenProvider(appId) {
      const provider = inner.createAzureServiceTokenProvider(appId);
      const timed = {
        getToken: (scopes: string | string[], options: GetTokenOptions = {}) => withinTime(provider.getToken(scopes, { ...options, abortSignal: AbortSignal.timeout(policy.timeoutMs) }), policy),
      };
      return timed as unknown as TokenProvider;
    },
  };
}

/** botbuilder's managed identity credentials, with the whole refresh (all its attempts) in one time limit. */
class TimedManagedIdentityCredentials extends ManagedIdentityAppCredentials {
  constructor(
    appId: string,
    audience: string | undefined,
    tokens: IJwtTokenProviderFactory,
    private readonly policy: CallPolicy,
    private readonly log: Logger,
  ) {
    super(appId, audience as string, tokens);
  }

  protected override async refreshToken(): ReturnType<ManagedIdentityAppCredentials['refreshToken']> {
    try {
      return await withinTime(super.refreshToken(), this.policy);
    } catch (err) {
      this.log.warn({ platform: 'teams', ...describeError(err) }, 'teams managed identity token call failed');
      throw err;
    }
  }
}

/** The credentials factory for a managed identity, as botbuilder's, with timed token calls; one credential per audience. */
export class TimedManagedIdentityFactory extends ServiceClientCredentialsFactory {
  private readonly made = new Map<string, ServiceClientCredentials>();
  private readonly tokens: IJwtTokenProviderFactory;

  constructor(
    private readonly appId: string,
    private readonly policy: CallPolicy,
    private readonly log: Logger,
    source: TokenSource = new JwtTokenProviderFactory(),
  ) {
    super();
    this.tokens = timedTokenSource(source, policy);
  }

  isValidAppId(appId: string): Promise<boolean> {
    return Promise.resolve(appId === this.appId);
  }

  isAuthenticationDisabled(): Promise<boolean> {
    return Promise.resolve(false);
  }

  createCredentials(appId: string, audience: string | undefined): Promise<ServiceClientCredentials> {
    const key = audience ?? '';
    let credentials = this.made.get(key);
    if (!credentials) this.made.set(key, (credentials = new TimedManagedIdentityCredentials(appId, audience, this.tokens, this.policy, this.log)));
    return Promise.resolve(credentials);
  }
}
