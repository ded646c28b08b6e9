// The content team's loop in Microsoft 365 Agents Playground, driven through its HTTP/WebSocket API like its web
// page: the playground's user (an admin, TEAMS_ADMIN_IDS) types "experts hier" in the team's General channel,
// asks a question the bot cannot answer in the personal chat, sends it to the content team, and answers it on
// the card in the channel (admins may answer). Prints one JSON line per message the playground shows.
import { pathToFileURL } from 'node:url';

const playground = process.argv[2];
const { default: WebSocket } = await import(pathToFileURL(`${playground}/node_modules/ws/index.js`).href);
const base = 'http://127.0.0.1:56150';
const { config } = await (await fetch(`${base}/_internal/v1/config`)).json();
if (process.env.TEAMS_ADMIN_IDS !== config.currentUser.aadObjectId) throw new Error(`run the bot with TEAMS_ADMIN_IDS=${config.currentUser.aadObjectId}`);
const ws = new WebSocket('ws://127.0.0.1:56150/_ws_conversation/v1/conversations/stream');
const shown = [];
ws.on('message', (m) => shown.push(JSON.parse(m.toString())));
await new Promise((resolve) => ws.on('open', resolve));

const me = config.currentUser.id;
const channel = config.teams[0].channels[0].id;
const mention = `<at>${config.bot.name}</at>`;

/** Posts to the playground and waits for the bot's messages (a turn may send more than one). */
async function call(path, body) {
  const before = shown.length;
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`playground refused ${path}: ${res.status} ${await res.text()}`);
  for (let i = 0; i < 100 && shown.length === before; i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 500));
}
const say = (conversation, text, extra = {}) => call(`/_conversation/v1/conversations/${encodeURIComponent(conversation)}/messages`, { from: { id: me }, text, textFormat: 'plain', ...extra });

function payloadOf(node, title) {
  if (!node || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) return node.map((n) => payloadOf(n, title)).find(Boolean);
  if (node.title === title && typeof node.data?.rp === 'string') return node.data.rp;
  return Object.values(node).map((n) => payloadOf(n, title)).find(Boolean);
}
const lastWith = (text) => shown.filter((m) => JSON.stringify(m.message ?? {}).includes(text)).at(-1);
// a post in the channel itself is clicked in its own thread, as Teams does
const threadOf = (m) => (m.actionConversationId === channel ? `${channel};messageid=${m.message.messageId}` : m.actionConversationId);
function click(m, title, typed) {
  const rp = payloadOf(m?.message?.attachments, title);
  if (!rp) throw new Error(`no button "${title}"`);
  return call('/_conversation/v1/submit', { conversation: { id: threadOf(m) }, from: { id: me }, replyToId: m.message.messageId, value: { rp, ...(typed ? { rp_text: typed } : {}) } });
}

await say(channel, `${mention} experts hier`, { mentions: [{ mentioned: { id: config.bot.id }, text: mention }] });
await say(config.personalChat.id, 'wat is een buurtkamer?');
await click(lastWith('Vraag het de kennisredactie'), 'Vraag het de kennisredactie');
await click(lastWith('Mogen de experts je naam zien?'), 'Stuur mijn vraag met mijn naam', 'wat is een buurtkamer?');
await click(lastWith('Vraag voor de kennisredactie'), 'Beantwoorden', 'Een buurtkamer is een ruimte in de wijk waar bewoners elkaar ontmoeten.');
for (const m of shown) {
  process.stdout.write(`${JSON.stringify({ action: m.action, conversation: m.actionConversationId, id: m.message?.messageId, attachments: m.message?.attachments ?? [] })}\n`);
}
ws.close();
