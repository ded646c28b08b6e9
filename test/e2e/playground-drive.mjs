// Talks to Microsoft 365 Agents Playground like its web page does: posts messages as the playground's user and
// collects the bot's replies from the conversation WebSocket. Prints one JSON line per reply.
import { pathToFileURL } from 'node:url';

const playground = process.argv[2];
const { default: WebSocket } = await import(pathToFileURL(`${playground}/node_modules/ws/index.js`).href);
const base = 'http://127.0.0.1:56150';
const { config } = await (await fetch(`${base}/_internal/v1/config`)).json();
const ws = new WebSocket('ws://127.0.0.1:56150/_ws_conversation/v1/conversations/stream');
const replies = [];
ws.on('message', (m) => replies.push(JSON.parse(m.toString())));
await new Promise((resolve) => ws.on('open', resolve));

async function say(text) {
  const before = replies.length;
  const res = await fetch(`${base}/_conversation/v1/conversations/${encodeURIComponent(config.personalChat.id)}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: { id: config.currentUser.id }, text, textFormat: 'plain' }),
  });
  if (res.status !== 200) throw new Error(`playground refused the message: ${res.status}`);
  for (let i = 0; i < 100 && replies.length === before; i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 300)); // a turn may send more than one message
}

await say('wat is de sociale basis?');
await say('start zelfscan');
for (const r of replies) process.stdout.write(`${JSON.stringify({ said: 'reply', message: r.message })}\n`);
ws.close();
