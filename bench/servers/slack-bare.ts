import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import bolt from '@slack/bolt';
import { serveBenchChild } from './child.js';

/**
 * The floor: a bare Bolt app on its own HTTP receiver that acks and calls chat.postMessage. With
 * BARE_MESSAGE (a file with {text, blocks}) it posts that message instead of an echo, to show what a reply
 * of our size costs the framework itself.
 */
const message = process.env['BARE_MESSAGE'] ? (JSON.parse(readFileSync(process.env['BARE_MESSAGE'], 'utf8')) as { text: string; blocks: unknown[] }) : undefined;

serveBenchChild(async () => {
  const app = new bolt.App({
    token: 'xoxb-bench',
    signingSecret: process.env['SLACK_SIGNING_SECRET'] ?? '',
    clientOptions: { slackApiUrl: process.env['SLACK_API_URL'] },
    logLevel: bolt.LogLevel.ERROR,
  });
  app.event('message', async ({ event, client }) => {
    const e = event as { channel: string; text?: string };
    await client.chat.postMessage(message ? { channel: e.channel, text: message.text, blocks: message.blocks as never } : { channel: e.channel, text: `echo: ${e.text ?? ''}` });
  });
  // port 0: the system picks a free one (a random guess could collide with a port in use)
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as unknown as Server;
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: async () => {
      await app.stop();
    },
  };
});
