// Talks to Microsoft 365 Agents Playground like its web page does: posts messages as the playground's user, clicks
// Action.Execute buttons as its web page does (POST /_conversation/v1/invoke with an adaptiveCard/action, answered
// with the bot's invoke response), and collects what the bot posts from the conversation WebSocket. Prints one
// JSON line per event: {said: 'reply'|'update', chat, message} from the bot, {said: 'invoke', chat, who, button, response}.
import { pathToFileURL } from 'node:url';

const playground = process.argv[2];
const { default: WebSocket } = await import(pathToFileURL(`${playground}/node_modules/ws/index.js`).href);
const base = 'http://127.0.0.1:56150';
const { config } = await (await fetch(`${base}/_internal/v1/config`)).json();
const ws = new WebSocket('ws://127.0.0.1:56150/_ws_conversation/v1/conversations/stream');
const events = [];
const print = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
const chatOf = (id) => (id === config.personalChat.id ? 'personal' : 'group');
ws.on('message', (m) => {
  const e = JSON.parse(m.toString());
  const line = { said: e.action === 'createMessage' ? 'reply' : 'update', chat: chatOf(e.actionConversationId), message: e.message };
  events.push(line);
  print(line);
});
await new Promise((resolve) => ws.on('open', resolve));
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until the bot has been quiet for a moment (a turn may send more than one message). */
async function settle(before) {
  for (let i = 0; i < 100 && events.length === before; i++) await pause(100);
  let seen = -1;
  while (seen !== events.length) {
    seen = events.length;
    await pause(400);
  }
}

async function say(chatId, text, mention = false) {
  const before = events.length;
  const atBot = `<at>${config.bot.name}</at>`;
  const body = { from: { id: config.currentUser.id }, text: mention ? `${atBot} ${text}` : text, textFormat: 'plain', ...(mention ? { mentions: [{ mentioned: { id: config.bot.id, name: config.bot.name }, text: atBot }] } : {}) };
  const res = await fetch(`${base}/_conversation/v1/conversations/${encodeURIComponent(chatId)}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`playground refused the message: ${res.status}`);
  await settle(before);
}

/** The newest card the bot posted (or updated) in `chat` whose text includes `text`, with the playground's message id. */
function card(chat, text) {
  const found = events.filter((e) => e.chat === chat).reverse().find((e) => JSON.stringify(e.message.attachments ?? []).includes(text));
  if (!found) throw new Error(`no card with "${text}" in the ${chat} chat`);
  return { id: found.message.messageId, content: found.message.attachments[0].content };
}

function button(content, title) {
  let hit;
  const walk = (n) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    if (n.type === 'Action.Execute' && n.title === title && !hit) hit = n;
    Object.values(n).forEach(walk);
  };
  walk(content);
  if (!hit) throw new Error(`no button "${title}"`);
  return hit;
}

/** Clicks an Action.Execute button as the user `who`, the way the playground's web page does. */
async function click(chatId, who, cardRef, title) {
  const action = button(cardRef.content, title);
  const before = events.length;
  const res = await fetch(`${base}/_conversation/v1/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: 'manual' }, from: { id: who }, conversation: { id: chatId }, replyToId: cardRef.id }),
  });
  const response = await res.json();
  print({ said: 'invoke', chat: chatOf(chatId), who, button: title, status: res.status, response });
  await settle(before);
  return response;
}

// personal chat: a concept question, then a dialogue whose first question is answered with a click
// (`--group-only`: the screenshot script does the personal chat through the web page itself)
if (!process.argv.includes('--group-only')) {
  const personal = config.personalChat.id;
  await say(personal, 'wat is de sociale basis?');
  await say(personal, 'start zelfscan');
  const first = card('personal', 'Knop 1 gaat over');
  await click(personal, config.currentUser.id, first, '4');
}

// a group chat with three members: the playground's user leads, two members answer, one tries the lead's button
const group = config.groupChats[0];
const [lead, m1, m2] = [config.currentUser.id, group.members[0], group.members[1]];
await say(group.id, 'start zelfscan', true);
const question = card('group', 'Knop 1 gaat over');
const tally = card('group', 'Stand:');
await click(group.id, lead, question, '4');
await click(group.id, m1, question, '4');
await click(group.id, m2, question, '2');
print({ said: 'mark', note: 'before the refusal' });
await click(group.id, m1, tally, 'Volgende vraag');
print({ said: 'mark', note: 'after the refusal' });
// the playground shows refresh as an unsupported feature and never asks for a member's view, so the driver sends
// the refresh invoke Teams would send (through the playground's invoke API, as each member)
const shared = card('group', 'Stand:');
const refresh = shared.content.refresh;
print({ said: 'refresh-card', userIds: refresh?.userIds ?? [] });
for (const who of [m1, lead]) {
  const res = await fetch(`${base}/_conversation/v1/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'adaptiveCard/action', value: { action: refresh.action, trigger: 'automatic' }, from: { id: who }, conversation: { id: group.id }, replyToId: shared.id }),
  });
  print({ said: 'refresh', chat: 'group', who, status: res.status, response: await res.json() });
}
await click(group.id, lead, tally, 'Afsluiten');
ws.close();
