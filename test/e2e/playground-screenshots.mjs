// Drives the playground's web page in Chromium over the DevTools protocol (with the `ws` dev dependency, no browser
// library) and saves PNGs of the chat area into $SCREENSHOTS_OUT. A driver for playground-run.sh (which starts the bot
// and the playground), run through playground-screenshots.sh; it starts its own headless Chromium.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const playground = process.argv[2];
const out = process.env.SCREENSHOTS_OUT;
if (!out) throw new Error('SCREENSHOTS_OUT (the folder for the PNGs) is not set');
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const base = 'http://127.0.0.1:56150';
const { default: WebSocket } = await import(path.join(repo, 'node_modules/ws/index.js'));
const { config } = await (await fetch(`${base}/_internal/v1/config`)).json();
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

// the flags this machine needs: without the background-networking ones Chromium keeps dialling out and is refused
const chromium = spawn('/usr/bin/chromium', [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', `--user-data-dir=${mkdtempSync(path.join(tmpdir(), 'rp-chromium-'))}`,
  '--remote-debugging-port=9222', 'about:blank',
], { stdio: 'ignore' });
process.on('exit', () => chromium.kill());
let targets;
for (let i = 0; i < 60 && !targets; i++) {
  targets = await fetch('http://127.0.0.1:9222/json').then((r) => r.json(), () => undefined);
  if (!targets) await pause(500);
}
if (!targets) throw new Error('Chromium did not start within 30 s');
const page = targets.find((t) => t.type === 'page');
const ws = new WebSocket(page.webSocketDebuggerUrl, { perMessageDeflate: false });
await new Promise((r) => ws.on('open', r));
let next = 0;
const pending = new Map();
ws.on('message', (m) => {
  const msg = JSON.parse(m.toString());
  pending.get(msg.id)?.(msg);
  pending.delete(msg.id);
});
const send = (method, params = {}) => new Promise((resolve) => {
  const id = ++next;
  pending.set(id, resolve);
  ws.send(JSON.stringify({ id, method, params }));
});
const evaluate = async (expression) => (await send('Runtime.evaluate', { expression, returnByValue: true })).result?.result?.value;
// the chat area only: right of the conversation list, left of the log panel
const shot = async (name) => {
  const r = await send('Page.captureScreenshot', { format: 'png', clip: { x: 330, y: 50, width: 620, height: 1550, scale: 1 } });
  writeFileSync(path.join(out, name), Buffer.from(r.result.data, 'base64'));
};
/** Clicks the last element on the page whose own text is `text` (a chat in the list, a card's button). */
const clickText = (text) => evaluate(`(() => { const el = [...document.querySelectorAll('*')].filter((e) => e.children.length === 0 && e.textContent.trim() === ${JSON.stringify(text)}).pop(); if (!el) return false; (el.closest('button') ?? el).click(); return true; })()`);
const toBottom = () => evaluate(`[...document.querySelectorAll('*')].filter((e) => e.scrollHeight > e.clientHeight + 20 && getComputedStyle(e).overflowY !== 'visible').forEach((e) => { e.scrollTop = e.scrollHeight; })`);
const must = (ok, what) => {
  if (!ok) throw new Error(`not found on the page: ${what}`);
};

await send('Page.enable');
await send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 1600, deviceScaleFactor: 1, mobile: false });
await send('Page.navigate', { url: `${base}/` });
await pause(9000); // the page connects, and the bot's welcome arrives
must(await clickText('Personal Chat'), 'Personal Chat');
await pause(1500);
await shot('welcome-card.png');

await fetch(`${base}/_conversation/v1/conversations/${encodeURIComponent(config.personalChat.id)}/messages`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ from: { id: config.currentUser.id }, text: 'start zelfscan', textFormat: 'plain' }),
});
await pause(3000);
await toBottom();
must(await clickText('4'), 'the button 4 on the first question'); // an Action.Execute click on the page itself
await pause(3000);
await toBottom();
await pause(800);
await shot('question-card.png');

must(await clickText('Group Chat'), 'Group Chat');
await pause(3000);
execFileSync('node', [path.join(repo, 'test/e2e/playground-drive.mjs'), playground, '--group-only'], { stdio: ['ignore', 'ignore', 'inherit'] });
await pause(1500);
await toBottom();
await pause(800);
await shot('group-summary.png');
ws.close();
process.exit(0);
