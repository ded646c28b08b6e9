import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { LookupOutcome } from '../knowledge/search.js';

/**
 * Prometheus metrics for `GET /metrics`, on a registry of our own (several apps in one test process must
 * not share counters). Labels are small fixed sets: never a user id, a query or a conversation key.
 */
/** A platform's name (src/adapters/platforms.ts), or 'cli'. */
export type Platform = string;
/** ok: answered; failed: the user got an error notice (store down, damaged data); error: the turn threw. */
export type TurnOutcome = 'ok' | 'failed' | 'error';

export interface Metrics {
  readonly registry: Registry;
  turn(platform: Platform, outcome: TurnOutcome, seconds: number): void;
  lookup(outcome: LookupOutcome): void;
  reload(ok: boolean, via: string): void;
  knowledge(version: string, concepts: number, dialogues: number): void;
  render(): Promise<{ contentType: string; body: string }>;
}

export function createMetrics(opts: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (opts.defaults ?? true) collectDefaultMetrics({ register: registry, prefix: 'routeplanner_' });
  const turns = new Counter({ name: 'routeplanner_turns_total', help: 'Turns handled, by platform and outcome.', labelNames: ['platform', 'outcome'], registers: [registry] });
  const latency = new Histogram({
    name: 'routeplanner_turn_duration_seconds',
    help: 'Time the conversation core took per turn (state included, delivery excluded).',
    labelNames: ['platform'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const lookups = new Counter({ name: 'routeplanner_lookups_total', help: 'Concept lookups by outcome (match, suggest, none).', labelNames: ['outcome'], registers: [registry] });
  const reloads = new Counter({ name: 'routeplanner_reloads_total', help: 'Knowledge reload attempts that succeeded, by trigger.', labelNames: ['via'], registers: [registry] });
  const failedReloads = new Counter({ name: 'routeplanner_reloads_failed_total', help: 'Knowledge reload attempts that failed validation (the previous version stayed active), by trigger.', labelNames: ['via'], registers: [registry] });
  const info = new Gauge({ name: 'routeplanner_knowledge_info', help: 'The active knowledge version (value 1).', labelNames: ['version'], registers: [registry] });
  const concepts = new Gauge({ name: 'routeplanner_knowledge_concepts', help: 'Concepts in the active knowledge.', registers: [registry] });
  const dialogues = new Gauge({ name: 'routeplanner_knowledge_dialogues', help: 'Dialogues in the active knowledge.', registers: [registry] });
  for (const outcome of ['match', 'suggest', 'none']) lookups.inc({ outcome }, 0);

  // label children resolved once: prom-client hashes a label object on every call otherwise
  const turnCounters = new Map<string, ReturnType<typeof turns.labels>>();
  const latencies = new Map<string, ReturnType<typeof latency.labels>>();
  return {
    registry,
    turn: (platform, outcome, seconds) => {
      const key = `${platform}:${outcome}`;
      let counter = turnCounters.get(key);
      if (!counter) turnCounters.set(key, (counter = turns.labels(platform, outcome)));
      counter.inc();
      let histogram = latencies.get(platform);
      if (!histogram) latencies.set(platform, (histogram = latency.labels(platform)));
      histogram.observe(seconds);
    },
    lookup: (outcome) => lookups.inc({ outcome }),
    reload: (ok, via) => (ok ? reloads : failedReloads).inc({ via }),
    knowledge: (version, conceptCount, dialogueCount) => {
      info.reset();
      info.set({ version }, 1);
      concepts.set(conceptCount);
      dialogues.set(dialogueCount);
    },
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
