import path from 'node:path';
import { Redis } from 'ioredis';
import { createBot } from '../src/bot/bot.js';
import { encodeAction } from '../src/bot/actions.js';
import type { ConversationRef } from '../src/bot/events.js';
import type { Reply } from '../src/bot/replies.js';
import { createRedisDeduper } from '../src/adapters/redis-dedupe.js';
import { createLiveKnowledge } from '../src/knowledge/live.js';
import { createRedisStore } from '../src/storage/redis-store.js';
import { removeRedis } from './core-bench.js';
import { createRedisRecorder, type RecordedCommand } from './redis-recorder.js';
import { replayRate } from './replay.js';
import { table } from './stats.js';

/**
 * The scale-out cost model: what one turn costs the shared Redis, and how many such turns one Redis serves.
 * 1. The real core runs each kind of turn against the Redis store, whose client records every command (each
 *    one awaited: a round trip) and the bytes on its socket (RESP, both ways).
 * 2. Those commands are replayed from many connections as fast as they go (replay.ts), while Redis's own
 *    main-thread CPU time is sampled: round trips per second served, and the same scaled to one busy Redis
 *    core, since on a small machine the load generator itself may be what limits.
 * 3. Turns per second one Redis serves = round trips per second at one core / round trips per turn.
 */
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const QUESTIONS = ['wat is de sociale basis?', 'wmo', 'vijf knopen', 'betaalbre soc. kwaliteit', 'wat werkt tegen eenzaamheid', 'mantelzorg', 'hoe zit t met de wmo', 'subsidie'];

interface TurnKind {
  readonly name: string;
  /** Runs turns of this kind; `measure` wraps each turn to be counted. */
  run(bot: ReturnType<typeof createBot>, measure: (turn: () => Promise<unknown>) => Promise<unknown>): Promise<void>;
}

const member = (i: number) => ({ id: `member-${i}`, name: `Lid ${i}`, isAdmin: false });
const questionOf = (replies: readonly Reply[]) => replies.find((r): r is Extract<Reply, { kind: 'question' }> => r.kind === 'question');

const TURN_KINDS: readonly TurnKind[] = [
  {
    name: 'concept question (no dialogue open)',
    async run(bot, measure) {
      for (let u = 0; u < 20; u++) {
        const conversation: ConversationRef = { key: `dm-${u}`, scope: 'personal' };
        for (const text of QUESTIONS) await measure(() => bot.handle({ kind: 'message', conversation, actor: member(u), text }));
      }
    },
  },
  {
    name: 'personal dialogue answer',
    async run(bot, measure) {
      for (let u = 0; u < 10; u++) {
        const conversation: ConversationRef = { key: `dm-${u}`, scope: 'personal' };
        let replies = await bot.handle({ kind: 'action', conversation, actor: member(u), payload: encodeAction({ a: 'start', d: 'vijf-knoppen-scan' }) });
        for (let q = questionOf(replies); q && (q.input.kind === 'scale' || q.input.kind === 'choice'); q = questionOf(replies)) {
          const payload = q.input.options[Math.min(2, q.input.options.length - 1)]!.payload;
          replies = (await measure(() => bot.handle({ kind: 'action', conversation, actor: member(u), payload }))) as Reply[];
        }
      }
    },
  },
  {
    name: 'group vote (30 members, one question)',
    async run(bot, measure) {
      const conversation: ConversationRef = { key: 'team-channel', scope: 'channel' };
      const q = questionOf(await bot.handle({ kind: 'message', conversation, actor: member(0), text: 'start zelfscan' }));
      if (!q || (q.input.kind !== 'scale' && q.input.kind !== 'choice')) throw new Error('bench: the group session did not open with a scale or choice question');
      const options = q.input.options;
      for (let i = 1; i <= 30; i++) await measure(() => bot.handle({ kind: 'action', conversation, actor: member(i), payload: options[i % options.length]!.payload }));
    },
  },
];

interface Cost {
  readonly turns: number;
  readonly roundTrips: number;
  readonly sent: number;
  readonly received: number;
  /** The commands of the last measured turn, for the replay. */
  readonly sample: readonly RecordedCommand[];
}

async function costOf(kind: TurnKind, knowledgeDir: string): Promise<Cost> {
  const prefix = `bench:cost:${process.pid}:`;
  const store = createRedisStore({ url: REDIS_URL, prefix });
  const recorder = createRedisRecorder(store.client);
  try {
    const bot = createBot({ knowledge: await createLiveKnowledge(knowledgeDir), store });
    await store.ping();
    let turns = 0;
    let sample: readonly RecordedCommand[] = [];
    await kind.run(bot, async (turn) => {
      recorder.start();
      const result = await turn();
      sample = recorder.stop();
      turns++;
      return result;
    });
    return { turns, ...recorder.totals(), sample };
  } finally {
    await store.close();
    await removeRedis(prefix);
  }
}

/** The adapters' part: every incoming event sets one de-duplication marker (SET NX PX). */
async function dedupeCost(): Promise<Cost> {
  const prefix = `bench:cost:${process.pid}:`;
  const client = new Redis(REDIS_URL);
  const recorder = createRedisRecorder(client);
  const deduper = createRedisDeduper(client, { prefix });
  await client.ping();
  let sample: readonly RecordedCommand[] = [];
  for (let i = 0; i < 100; i++) {
    recorder.start();
    await deduper.firstDelivery(`1732440000${String(i).padStart(3, '0')}`);
    sample = recorder.stop();
  }
  await client.quit();
  await removeRedis(prefix);
  return { turns: 100, ...recorder.totals(), sample };
}

export async function costBench(knowledgeDir = path.resolve('knowledge')): Promise<string> {
  const rows: string[][] = [];
  const kinds: Array<[string, () => Promise<Cost>]> = [
    ...TURN_KINDS.map((k): [string, () => Promise<Cost>] => [k.name, () => costOf(k, knowledgeDir)]),
    ['every incoming event: de-duplication marker (adapters)', dedupeCost],
  ];
  for (const [name, cost] of kinds) {
    const c = await cost();
    const perTurn = c.roundTrips / c.turns;
    const rate = await replayRate(REDIS_URL, c.sample);
    const oneCore = rate.redisCpu > 0 ? rate.perSecond / Math.min(1, rate.redisCpu) : NaN;
    rows.push([
      name,
      String(c.turns),
      perTurn.toFixed(1),
      Math.round(c.sent / c.turns).toLocaleString('en'),
      Math.round(c.received / c.turns).toLocaleString('en'),
      Math.round(rate.perSecond).toLocaleString('en'),
      `${Math.round(rate.redisCpu * 100)}%`,
      Math.round(oneCore).toLocaleString('en'),
      Math.round(oneCore / perTurn).toLocaleString('en'),
    ]);
  }
  return [
    '### Scale-out cost model: Redis round trips and bytes per turn, and turns per second one Redis serves',
    '',
    table(['turn kind', 'turns', 'round trips / turn', 'bytes sent / turn', 'bytes received / turn', 'round trips/s served here', 'Redis main thread busy', 'round trips/s at one Redis core (est.)', 'turns/s per Redis (est.)'], rows),
    '',
    'Round trips and bytes: the real core on the Redis store, counted at its client (RESP bytes on the socket). Served: the commands of one such turn replayed from 50 connections for 3 s; "at one Redis core" scales that by the share of one core Redis\'s main thread used meanwhile (Redis runs commands on one thread), so it does not count the load generator\'s limits. A Teams or Slack turn adds the de-duplication marker (last row); a group vote adds one GET for the tally message it updates in place.',
  ].join('\n');
}
