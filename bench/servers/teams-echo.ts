import { readFileSync } from 'node:fs';
import restify from 'restify';
import { CardFactory, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory, type TurnContext } from 'botbuilder';
import { serveBenchChild } from './child.js';

/**
 * The floor: a bare botbuilder echo bot on restify, as in Microsoft's samples. With ECHO_CARD (a file with
 * an Adaptive Card) it answers every message with that card instead, to show what a reply of our size costs
 * the framework itself.
 */
const card = process.env['ECHO_CARD'] ? (JSON.parse(readFileSync(process.env['ECHO_CARD'], 'utf8')) as Record<string, unknown>) : undefined;

serveBenchChild(async () => {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context: TurnContext) => {
      if (context.activity.type !== 'message') return;
      await context.sendActivity(card ? MessageFactory.attachment(CardFactory.adaptiveCard(card)) : `echo: ${context.activity.text ?? ''}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, close: async () => server.close() };
});
