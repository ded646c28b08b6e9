import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import {
  AuthenticationConstants, ConnectorFactory, type AuthenticateRequestResult, type ClaimsIdentity, type ConnectorClient, type UserTokenClient,
} from 'botframework-connector';

/**
 * botbuilder's authentication, but its Bot Connector and user-token clients are made once per app id and
 * service URL instead of once per turn. botbuilder builds a new ConnectorClient (an Azure pipeline of about
 * ten policies, a sanitizer, a user agent, proxy settings read from the environment) and a new
 * UserTokenClient (a second pipeline) for every activity; in the bench profile of a Teams concept question
 * (`PROFILE=dir node dist/bench/turn-instructions.js`, 5,000 turns) making them was 12.6% of our busy time, 0.2% after.
 * Neither client keeps anything of a turn: a call takes its token from the credentials, which cache it
 * themselves (connector.ts makes them once per audience), so one client serves every turn with the same
 * app id, service URL and audience, also concurrently.
 */

/** Service URLs are a handful per cloud (one per region); the limit only keeps odd senders from growing the map. */
const MAX_CLIENTS = 64;

/** The bot's app id as botbuilder reads it from a request's claims (the audience, or the emulator's appid claim). */
function appIdOf(claims: ClaimsIdentity): string {
  return claims.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claims.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

/** A small map that forgets its oldest entry when full. */
function boundedPut<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= MAX_CLIENTS) map.delete(map.keys().next().value as string);
  map.set(key, value);
  return value;
}

/** A connector factory that hands out the client it made before for the same app id, service URL and audience. */
class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: Map<string, ConnectorClient>,
  ) {
    super();
  }

  async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = `${this.appId}\n${serviceUrl}\n${audience ?? ''}`;
    const known = this.clients.get(key);
    if (known) return known;
    // a failed creation (no credentials) is not kept: the next turn tries again
    return boundedPut(this.clients, key, await this.inner.create(serviceUrl, audience));
  }
}

export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectorClients = new Map<string, ConnectorClient>();
  private readonly tokenClients = new Map<string, UserTokenClient>();

  override async authenticateRequest(activity: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>[0], authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: new ReusingConnectorFactory(result.connectorFactory, appIdOf(result.claimsIdentity), this.connectorClients) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(super.createConnectorFactory(claimsIdentity), appIdOf(claimsIdentity), this.connectorClients);
  }

  override async createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const appId = appIdOf(claimsIdentity);
    return this.tokenClients.get(appId) ?? boundedPut(this.tokenClients, appId, await super.createUserTokenClient(claimsIdentity));
  }
}
