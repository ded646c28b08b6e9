import { fork, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { replyToCard } from '../src/adapters/teams/render.js';
import { replyToMessage } from '../src/adapters/slack/render.js';
import { createBot } from '../src/bot/bot.js';
import { createLiveKnowledge } from '../src/knowledge/live.js';
import { createMemoryStore } from '../src/storage/memory-store.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { removeRedis } from './core-bench.js';
import { table } from './stats.js';

/**
 * Endpoint throughput under load (50 connections), each server in its own child process, in the same run as
 * the framework's floor: a bare botbuilder echo bot for Teams, a bare Bolt app for Slack. Replies go to a
 * fake Bot Connector / Slack Web API on 127.0.0.1. CPU per turn is the child's CPU time over its requests.
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CONNECTIONS = 50;
const DURATION_S = Number(process.env['BENCH_SECONDS'] ?? 6);
const SIGNING_SECRET = 'bench-signing-secret';

interface FakeApi {
  readonly url: string;
  readonly counts: Map<string, number>;
  /** Bodies of connector posts, for reading the buttons of a card. */
  readonly bodies: string[];
  /** TCP connections opened to it so far (a client that does not keep connections alive opens one per call). */
  connections(): number;
  close(): Promise<void>;
}

/** One fake for both: Bot Connector paths (/v3/...) and Slack Web API methods (/api/...). */
async function startFakeApi(): Promise<FakeApi> {
  const counts = new Map<string, number>();
  const bodies: string[] = [];
  let ts = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const kind = req.url?.startsWith('/api/') ? req.url.slice(5) : `${req.method} connector`;
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      if (bodies.length < 20 && req.url?.startsWith('/v3/')) bodies.push(Buffer.concat(chunks).toString());
      res.setHeader('content-type', 'application/json');
      if (req.url?.startsWith('/api/auth.test')) res.end(JSON.stringify({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' }));
      else if (req.url?.startsWith('/api/conversations.open')) res.end(JSON.stringify({ ok: true, channel: { id: 'D1' } }));
      else res.end(JSON.stringify({ ok: true, id: `m${++ts}`, ts: `1.${++ts}`, channel: 'C1' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let connections = 0;
  server.on('connection', () => connections++);
  return { url: `http://127.0.0.1:${port}`, counts, bodies, connections: () => connections, close: () => new Promise((r) => server.close(() => r())) };
}

interface Child {
  readonly port: number;
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

async function startChild(script: string, env: Record<string, string>): Promise<Child> {
  // BENCH_CPU_PROF=<dir>: each server writes a V8 CPU profile of every load phase there (see child.ts)
  const child: ChildProcess = fork(path.join(HERE, 'servers', script), [], { env: { ...process.env, ...env, NODE_ENV: 'production' }, execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { kind: string; port: number }) => (m.kind === 'ready' ? resolve(m.port) : reject(new Error('bad child'))));
    child.once('exit', (code) => reject(new Error(`${script} exited ${code}`)));
  });
  return {
    port,
    cpuMicros: () =>
      new Promise((resolve) => {
        child.once('message', (m: { kind: string; usage: NodeJS.CpuUsage }) => resolve(m.usage.user + m.usage.system));
        child.send({ kind: 'cpu' });
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send({ kind: 'stop' });
      }),
  };
}

/** Starts several servers; if one fails to start, the others are stopped again (no stray processes). */
async function startChildren(specs: Array<[script: string, env: Record<string, string>]>, api: FakeApi): Promise<Child[]> {
  const started = await Promise.allSettled(specs.map(([script, env]) => startChild(script, env)));
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (!failed) return started.map((r) => (r as PromiseFulfilledResult<Child>).value);
  await Promise.all(started.flatMap((r) => (r.status === 'fulfilled' ? [r.value.stop()] : [])));
  await api.close();
  throw failed.reason;
}

interface LoadResult {
  readonly rps: number;
  readonly p99: number;
  readonly requests: number;
  readonly errors: number;
  readonly cpuPerTurnMs: number;
}

/** Runs autocannon against one child; `body(i)` makes the i-th request (body and headers). */
async function load(child: Child, urlPath: string, body: (i: number) => { body: string; headers: Record<string, string> }, connections = CONNECTIONS): Promise<LoadResult> {
  let i = 0;
  const cpu0 = await child.cpuMicros();
  const result = await autocannon({
    url: `http://127.0.0.1:${child.port}`,
    connections,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        path: urlPath,
        setupRequest: (req) => {
          const b = body(i++);
          return { ...req, body: b.body, headers: { ...req.headers, ...b.headers } };
        },
      },
    ],
  });
  const cpu1 = await child.cpuMicros();
  const requests = result.requests.total;
  return { rps: result.requests.average, p99: result.latency.p99, requests, errors: result.non2xx + result.errors, cpuPerTurnMs: (cpu1 - cpu0) / 1000 / Math.max(requests, 1) };
}

/** Every activity gets its own id, as in Teams: the bot ignores a repeated id as a redelivery. */
let activitySeq = 0;
const activity = (serviceUrl: string, i: number, extra: Record<string, unknown>) =>
  JSON.stringify({
    type: 'message',
    id: `act-${process.pid}-${++activitySeq}`,
    serviceUrl,
    channelId: 'msteams',
    from: { id: `29:user-${i % 500}`, name: `Lid ${i % 500}`, aadObjectId: `aad-${i % 500}` },
    conversation: { conversationType: 'personal', tenantId: 't', id: `a:conv-${i % 500}` },
    recipient: { id: '28:bot', name: 'Routeplanner' },
    ...extra,
  });

function row(name: string, ours: LoadResult, floor: LoadResult): string[] {
  return [
    name,
    ours.rps.toFixed(0),
    floor.rps.toFixed(0),
    `${(ours.rps / floor.rps).toFixed(2)}x`,
    ours.cpuPerTurnMs.toFixed(2),
    floor.cpuPerTurnMs.toFixed(2),
    String(ours.p99),
    String(floor.p99),
    `${ours.errors}/${floor.errors}`,
  ];
}

const HEADER = ['scenario', 'ours req/s', 'floor req/s', 'ratio', 'ours CPU ms/turn', 'floor CPU ms/turn', 'ours p99 ms', 'floor p99 ms', 'errors ours/floor'];

/** Our answer to the bench question, rendered for Teams (a card) or Slack (text and blocks), in a temp file for the same-reply floors. */
async function writeAnswer(platform: 'teams' | 'slack'): Promise<string> {
  const knowledge = await createLiveKnowledge(path.resolve('knowledge'));
  const bot = createBot({ knowledge, store: createMemoryStore() });
  const [answer] = await bot.handle({ kind: 'message', conversation: { key: 'bench', scope: 'personal' }, actor: { id: 'bench', name: 'Bench', isAdmin: false }, text: 'wat is de sociale basis?' });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'rp-bench-answer-')), 'answer.json');
  writeFileSync(file, JSON.stringify(platform === 'teams' ? replyToCard(answer!) : replyToMessage(answer!)));
  return file;
}

export async function teamsBench(): Promise<string> {
  const api = await startFakeApi();
  const serviceUrl = `${api.url}/`;
  const [ours, echo] = (await startChildren([['teams-app.js', {}], ['teams-echo.js', {}]], api)) as [Child, Child];
  try {
    const question = (i: number) => ({ body: activity(serviceUrl, i, { text: 'wat is de sociale basis?' }), headers: { 'content-type': 'application/json' } });
    const rows: string[][] = [];
    const oursQuestion = await load(ours, '/api/messages', question);
    rows.push(row('concept question', oursQuestion, await load(echo, '/api/messages', question)));
    // the same comparison against an echo bot that sends our answer card: the framework's cost of a real reply
    const cardEcho = await startChild('teams-echo.js', { ECHO_CARD: await writeAnswer('teams') });
    try {
      rows.push(row('concept question vs echo bot sending the same card', oursQuestion, await load(cardEcho, '/api/messages', question)));
    } finally {
      await cardEcho.stop();
    }

    // personal dialogues: 500 users each in the self-scan; requests alternate an answer ("3") and "terug"
    const send = (i: number, text: string) => fetch(`http://127.0.0.1:${ours.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: activity(serviceUrl, i, { text }) });
    for (let u = 0; u < 500; u += 50) await Promise.all(Array.from({ length: 50 }, (_, k) => send(u + k, 'start zelfscan')));
    const personal = (i: number) => ({ body: activity(serviceUrl, i, { text: Math.floor(i / 500) % 2 === 0 ? '3' : 'terug' }), headers: { 'content-type': 'application/json' } });
    rows.push(row('dialogue answer (personal)', await load(ours, '/api/messages', personal), await load(echo, '/api/messages', personal)));

    // a group session in a channel: every request is a member's answer (card submit) to the open question,
    // by 500 members (a big session: each vote rereads and rewrites all answers) and by a team of 30
    for (const members of [500, 30]) {
      const channel = { conversationType: 'channel', id: `19:bench-${members}@thread.tacv2`, tenantId: 't' };
      const mention = { text: '<at>Routeplanner</at> start zelfscan', entities: [{ type: 'mention', text: '<at>Routeplanner</at>', mentioned: { id: '28:bot' } }], conversation: channel };
      api.bodies.length = 0;
      await fetch(`http://127.0.0.1:${ours.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: activity(serviceUrl, 0, mention) });
      const vote = api.bodies.map((b) => /"title":"3","data":\{"rp":"((?:[^"\\]|\\.)*)"/.exec(b)?.[1]).find(Boolean)?.replace(/\\"/g, '"');
      if (!vote) throw new Error('bench: no vote button in the question card');
      const member = (i: number) => ({ id: `29:member-${i % members}`, name: `Lid ${i % members}`, aadObjectId: `aad-member-${i % members}` });
      const answer = (i: number) => ({ body: activity(serviceUrl, i, { value: { rp: vote }, conversation: channel, from: member(i) }), headers: { 'content-type': 'application/json' } });
      rows.push(row(`dialogue answer (group vote by ${members} members, tally updated in place)`, await load(ours, '/api/messages', answer), await load(echo, '/api/messages', answer)));
    }
    const calls = [...api.counts].map(([k, n]) => `${k}: ${n}`).join(', ');
    return ['### Teams endpoint under load: our bot vs a bare botbuilder echo bot (50 connections)', '', table(HEADER, rows), '', `Calls to the fake Bot Connector (both bots, all scenarios): ${calls}.`].join('\n');
  } finally {
    await Promise.all([ours.stop(), echo.stop()]);
    await api.close();
  }
}

/**
 * The 50 research queries (test/fixtures): 40 concept questions with typos and abbreviations, 10 out of
 * domain. Every answer, "bedoelde je" and "weet ik niet" among them, not one question asked again and again.
 */
const MIXED_QUESTIONS = readFileSync(path.resolve('test/fixtures/research-queries.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => (JSON.parse(line) as { query: string }).query);

function signedEvent(i: number, text = 'wat is de sociale basis?'): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({
    type: 'event_callback',
    team_id: 'T1',
    api_app_id: 'A1',
    event_id: `Ev-bench-${process.pid}-${Date.now()}-${i}`,
    event_time: 1,
    event: { type: 'message', channel_type: 'im', channel: `D${i % 500}`, user: `U${i % 500}`, text, ts: `1.${i}` },
  });
  const ts = Math.floor(Date.now() / 1000);
  const sig = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { body, headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig } };
}

export async function slackBench(): Promise<string> {
  const api = await startFakeApi();
  const env = { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${api.url}/api/` };
  const [ours, bare] = (await startChildren([['teams-app.js', env], ['slack-bare.js', env]], api)) as [Child, Child];
  try {
    const posted = () => api.counts.get('chat.postMessage') ?? 0;
    const before = posted();
    const conn0 = api.connections();
    const a = await load(ours, '/slack/events', signedEvent);
    await new Promise((r) => setTimeout(r, 1000)); // let acked turns finish their replies
    const oursPosted = posted() - before;
    const conn1 = api.connections();
    const b = await load(bare, '/slack/events', signedEvent);
    await new Promise((r) => setTimeout(r, 1000));
    const barePosted = posted() - before - oursPosted;
    const conn2 = api.connections();
    const mixed = await load(ours, '/slack/events', (i) => signedEvent(i, MIXED_QUESTIONS[i % MIXED_QUESTIONS.length]));
    await new Promise((r) => setTimeout(r, 1000));
    const mixedPosted = posted() - before - oursPosted - barePosted;
    // the same comparison against a bare Bolt app that posts our answer (text and blocks)
    const sameReply = await startChild('slack-bare.js', { ...env, BARE_MESSAGE: await writeAnswer('slack') });
    let c: LoadResult;
    try {
      c = await load(sameReply, '/slack/events', signedEvent);
    } finally {
      await sameReply.stop();
    }
    return [
      '### Slack endpoint under load: our bot vs a bare Bolt app that acks and posts (50 connections, signed DM events)',
      '',
      table(HEADER, [row('DM concept question', a, b), row('DM concept question vs bare Bolt posting our answer', a, c), row(`DM questions, ${MIXED_QUESTIONS.length} different (answers, "bedoelde je", no answer)`, mixed, b)]),
      '',
      `Ack latency p99 (the HTTP response Slack waits for): ours ${a.p99} ms, bare Bolt ${b.p99} ms (target: under 100 ms).`,
      `Replies posted to the fake Web API: ours ${oursPosted} for ${a.requests} events over ${conn1 - conn0} connections (different questions: ${mixedPosted} for ${mixed.requests}), bare Bolt ${barePosted} for ${b.requests} over ${conn2 - conn1}.`,
      `Web API calls (all runs): ${[...api.counts].map(([k, n]) => `${k}: ${n}`).join(', ')}.`,
    ].join('\n');
  } finally {
    await Promise.all([ours.stop(), bare.stop()]);
    await api.close();
  }
}

/**
 * Several instances: one instance against two on the same machine, all with STORE=redis (the shared Redis
 * on 127.0.0.1:6379), 50 connections in all (two instances: 25 each). Personal dialogue answers, so every
 * request reads and writes shared state; users are spread over both instances as a load balancer would.
 */
export async function clusterBench(): Promise<string> {
  const api = await startFakeApi();
  const serviceUrl = `${api.url}/`;
  const prefix = `bench:cluster:${process.pid}:`;
  const env = { STORE: 'redis', REDIS_PREFIX: prefix };
  const run = async (instances: number, users: number): Promise<LoadResult[]> => {
    const children = await Promise.all(Array.from({ length: instances }, () => startChild('teams-app.js', env)));
    try {
      const userOffset = instances * 10_000; // fresh users per run
      const send = (child: Child, i: number, text: string) =>
        fetch(`http://127.0.0.1:${child.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: activity(serviceUrl, userOffset + i, { text }) });
      for (let u = 0; u < users; u += 50) await Promise.all(Array.from({ length: 50 }, (_, k) => send(children[(u + k) % instances]!, u + k, 'start zelfscan')));
      const answer = (i: number) => ({ body: activity(serviceUrl, userOffset + i, { text: Math.floor(i / users) % 2 === 0 ? '3' : 'terug' }), headers: { 'content-type': 'application/json' } });
      return await Promise.all(children.map((c) => load(c, '/api/messages', answer, CONNECTIONS / instances)));
    } finally {
      await Promise.all(children.map((c) => c.stop()));
    }
  };
  try {
    const one = await run(1, 500);
    const two = await run(2, 500);
    const sum = (rs: LoadResult[]) => rs.reduce((a, r) => a + r.rps, 0);
    const rows = [
      ['one instance', sum(one).toFixed(0), one.map((r) => String(r.p99)).join(' / '), String(one.reduce((a, r) => a + r.errors, 0))],
      ['two instances', sum(two).toFixed(0), two.map((r) => String(r.p99)).join(' / '), String(two.reduce((a, r) => a + r.errors, 0))],
    ];
    return [
      '### Several instances sharing Redis: two against one on this machine (Teams, personal dialogue answers, 50 connections in all)',
      '',
      table(['', 'req/s', 'p99 ms per instance', 'errors'], rows),
      '',
      `Two instances vs one: ${(sum(two) / sum(one)).toFixed(2)}x (${cpus().length} CPU cores here, shared with the load generator, the fake connector and Redis).`,
    ].join('\n');
  } finally {
    await api.close();
    await removeRedis(prefix);
  }
}
