import bolt from '@slack/bolt';
import { serveBenchChild } from './child.js';

/** The floor: a bare Bolt app on its own HTTP receiver that acks and calls chat.postMessage. */
serveBenchChild(async () => {
  const app = new bolt.App({
    token: 'xoxb-bench',
    signingSecret: process.env['SLACK_SIGNING_SECRET'] ?? '',
    clientOptions: { slackApiUrl: process.env['SLACK_API_URL'] },
    logLevel: bolt.LogLevel.ERROR,
  });
  app.event('message', async ({ event, client }) => {
    const e = event as { channel: string; text?: string };
    await client.chat.postMessage({ channel: e.channel, text: `echo: ${e.text ?? ''}` });
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
