import { readFileSync } from 'node:fs';
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
  const port = 30000 + Math.floor(Math.random() * 20000);
  await app.start({ port, host: '127.0.0.1' });
  return {
    port,
    close: async () => {
      await app.stop();
    },
  };
});
