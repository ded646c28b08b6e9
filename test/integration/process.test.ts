import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, until } from '../helpers/app.js';
import { REPO_ROOT } from '../helpers/knowledge-dir.js';
import { SMALL_KNOWLEDGE } from '../helpers/snapshot.js';

/**
 * The real process (`node dist/src/main.js`, what `npm start` runs after building; `npm test` builds
 * first): SIGHUP reloads the knowledge, SIGTERM finishes the turn in flight and exits 0.
 */

describe('the bot process and its signals', () => {
  let dir: string;
  let child: ChildProcess;
  let logs = '';
  let url = '';
  const exited = () => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rp-process-'));
    cpSync(SMALL_KNOWLEDGE, path.join(dir, 'knowledge'), { recursive: true });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/src/main.js')], {
      env: { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', PORT: String(port), KNOWLEDGE_DIR: path.join(dir, 'knowledge'), DATA_DIR: path.join(dir, 'data') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (logs += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (logs += d.toString()));
    await until(() => logs.includes('"msg":"listening"'), 15_000);
  });
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const version = async (): Promise<string> => ((await (await fetch(`${url}/readyz`)).json()) as { knowledge: { version: string } }).knowledge.version;

  test('SIGHUP reloads the knowledge; broken files keep the old version and are logged with file and line', async () => {
    const before = await version();
    const file = path.join(dir, 'knowledge/concepts/basis.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('short: Alles wat vrij', 'short: Nu, alles wat vrij'));
    child.kill('SIGHUP');
    let after = before;
    await until(() => {
      void version().then((v) => (after = v));
      return after !== before;
    }, 10_000);
    expect(logs).toContain('"via":"signal"');

    writeFileSync(path.join(dir, 'knowledge/concepts/kapot.yaml'), 'concepts: [');
    child.kill('SIGHUP');
    await until(() => logs.includes('knowledge reload failed'), 10_000);
    expect(logs).toMatch(/"problem":"concepts\/kapot\.yaml:\d+:\d+/);
    expect(await version()).toBe(after);
  });

  test('SIGTERM: the turn in flight is answered, then the process exits 0', async () => {
    // a Teams message whose reply goes to a connector that answers slowly: the turn is still running at SIGTERM
    let replied = false;
    const connector = createServer((socket) => {
      socket.once('data', () => {
        setTimeout(() => {
          replied = true;
          socket.end('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\nconnection: close\r\n\r\n{"id":"r1"}');
        }, 500);
      });
    });
    await new Promise<void>((r) => connector.listen(0, '127.0.0.1', r));
    const serviceUrl = `http://127.0.0.1:${(connector.address() as { port: number }).port}/`;
    const activity = {
      type: 'message', id: 'sigterm-1', serviceUrl, channelId: 'msteams', text: 'wat is de sociale basis?',
      from: { id: '29:u1', name: 'Anna' }, conversation: { id: 'a:c1', conversationType: 'personal' }, recipient: { id: '28:bot' },
    };
    const response = fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    await new Promise((r) => setTimeout(r, 150)); // the turn is waiting for the connector now
    const exit = exited();
    child.kill('SIGTERM');
    expect((await response).status).toBe(200);
    expect(replied).toBe(true);
    expect(await exit).toBe(0);
    expect(logs).toContain('"msg":"stopped"');
    connector.close();
  });
});
