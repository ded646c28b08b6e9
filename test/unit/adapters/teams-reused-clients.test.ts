import { ReusingBotFrameworkAuthentication } from '../../../src/adapters/teams/reused-clients.js';

/**
 * botbuilder made a Bot Connector client and a user-token client for every turn; ours are made once per app
 * id, service URL and audience. In local mode (no app id) requests are not authenticated, as in the bench.
 */
describe('Bot Connector clients reused across turns', () => {
  const activity = (serviceUrl: string) => ({ type: 'message', channelId: 'msteams', serviceUrl }) as never;

  test('the same service URL gets the same client on the next turn; another URL or audience its own', async () => {
    const auth = new ReusingBotFrameworkAuthentication({});
    const first = await auth.authenticateRequest(activity('https://smba.example/emea/'), '');
    const second = await auth.authenticateRequest(activity('https://smba.example/emea/'), '');
    const client = await first.connectorFactory!.create('https://smba.example/emea/', first.audience);
    expect(await second.connectorFactory!.create('https://smba.example/emea/', second.audience)).toBe(client);
    const other = await second.connectorFactory!.create('https://smba.example/amer/', second.audience);
    expect(other).not.toBe(client);
    expect(other.conversations).toBeDefined();
    expect(await second.connectorFactory!.create('https://smba.example/emea/', 'https://other.audience')).not.toBe(client);
    // a proactive message (continueConversationAsync) asks through createConnectorFactory: the same client
    expect(await auth.createConnectorFactory(first.claimsIdentity).create('https://smba.example/emea/', first.audience)).toBe(client);

    const tokens = await auth.createUserTokenClient(first.claimsIdentity);
    expect(await auth.createUserTokenClient(second.claimsIdentity)).toBe(tokens);
  });

  test('a client is kept for at most 64 service URLs; the oldest is made again', async () => {
    const auth = new ReusingBotFrameworkAuthentication({});
    const { connectorFactory, audience } = await auth.authenticateRequest(activity('https://smba.example/0/'), '');
    const first = await connectorFactory!.create('https://smba.example/0/', audience);
    for (let i = 1; i <= 64; i++) await connectorFactory!.create(`https://smba.example/${i}/`, audience);
    expect(await connectorFactory!.create('https://smba.example/64/', audience)).toBe(await connectorFactory!.create('https://smba.example/64/', audience));
    expect(await connectorFactory!.create('https://smba.example/0/', audience)).not.toBe(first);
  });
});
