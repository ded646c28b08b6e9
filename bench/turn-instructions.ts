import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What one Teams turn costs in CPU instructions, a measure the machine's load does not blur (the bench's
 * req/s ratios are noisy on a shared 2-core VM). One server (teams-app.js or teams-echo.js, as in
 * `npm run bench -- teams`) runs under valgrind's callgrind and gets the concept question a fixed number of
 * times, one at a time; it is run twice, with `short` and `long` turns, and the difference in instructions
 * over the difference in turns is the cost of a turn without start-up and warm-up.
 *
 *   node dist/bench/turn-instructions.js [teams-app.js|teams-echo.js] [short] [long]
 *
 * Needs valgrind; not part of `npm run bench` (two runs take a few minutes). With PROFILE=<dir> it runs
 * without valgrind instead: `short` turns to warm up, then `long` turns recorded as a V8 CPU profile in
 * that folder (see servers/child.ts), and prints the CPU time per recorded turn.
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
const [script = 'teams-app.js', shortArg = '300', longArg = '1300'] = process.argv.slice(2);
const profileDir = process.env['PROFILE'];
// under valgrind one at a time: a turn slower than 400 ms would also send "typing...", which is not a turn's cost
const CONCURRENCY = profileDir ? 10 : 1;

/** A Bot Connector that answers every post; its calls are counted to check that every turn replied. */
async function fakeConnector() {
  let calls = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `m${calls}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, calls: () => calls, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function instructionsFor(turns: number, recorded = 0): Promise<{ instructions: number; replies: number; cpuMicros: number }> {
  const api = await fakeConnector();
  const outDir = mkdtempSync(path.join(tmpdir(), 'rp-callgrind-'));
  const valgrind = {
    execPath: 'valgrind',
    // V8 rewrites its own machine code: without --smc-check=all valgrind may run a stale translation
    execArgv: ['--tool=callgrind', '--smc-check=all', `--callgrind-out-file=${outDir}/out.%p`, process.execPath],
  };
  const child = fork(path.join(HERE, 'servers', script), [], {
    ...(profileDir ? { execArgv: [] } : valgrind),
    env: { ...process.env, NODE_ENV: 'production', ...(profileDir ? { BENCH_CPU_PROF: profileDir } : {}) },
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  // each 'cpu' message starts or stops a profile (child.ts) and answers the CPU time used so far
  const cpu = () =>
    new Promise<number>((resolve) => {
      child.once('message', (m: { usage: NodeJS.CpuUsage }) => resolve(m.usage.user + m.usage.system));
      child.send({ kind: 'cpu' });
    });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { kind: string; port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`${script} exited ${code}`)));
  });
  let sent = 0;
  const body = (i: number) =>
    JSON.stringify({
      type: 'message', id: `act-${i}`, serviceUrl: api.url, channelId: 'msteams', text: 'wat is de sociale basis?',
      from: { id: `29:user-${i % 50}`, name: `Lid ${i % 50}`, aadObjectId: `aad-${i % 50}` },
      conversation: { conversationType: 'personal', tenantId: 't', id: `a:conv-${i % 50}` },
      recipient: { id: '28:bot', name: 'Routeplanner' },
    });
  let until = turns;
  const worker = async () => {
    while (sent < until) {
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(sent++) });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`status ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  let cpuMicros = 0;
  if (recorded > 0) {
    const cpu0 = await cpu();
    until += recorded;
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    cpuMicros = (await cpu()) - cpu0;
  }
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.send({ kind: 'stop' });
  });
  await api.close();
  const file = readdirSync(outDir).find((f) => f.startsWith('out.'));
  const summary = file ? /^(?:summary|totals): (\d+)/m.exec(readFileSync(path.join(outDir, file), 'utf8')) : null;
  return { instructions: Number(summary?.[1] ?? NaN), replies: api.calls(), cpuMicros };
}

if (profileDir) {
  const run = await instructionsFor(Number(shortArg), Number(longArg));
  console.log(`${script}: ${(run.cpuMicros / Number(longArg) / 1000).toFixed(3)} ms CPU per turn over ${longArg} turns after ${shortArg} (${run.replies} replies); profile in ${profileDir}`);
  process.exit(0);
}
const short = await instructionsFor(Number(shortArg));
const long = await instructionsFor(Number(longArg));
const perTurn = (long.instructions - short.instructions) / (Number(longArg) - Number(shortArg));
console.log(`${script}: ${short.instructions} instructions for ${shortArg} turns (${short.replies} replies), ${long.instructions} for ${longArg} (${long.replies} replies)`);
console.log(`${script}: ${(perTurn / 1e6).toFixed(3)} M instructions per turn`);
