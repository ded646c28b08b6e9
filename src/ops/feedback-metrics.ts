import { Gauge, type Registry } from 'prom-client';
import type { FeedbackCounts } from '../bot/experts/feedback.js';

/**
 * `routeplanner_feedback_total{concept,vote}`: the "Nuttig? ja / nee" votes per concept, read from the store
 * at every scrape. They are the current counts, in which a changed vote has moved from one label to the
 * other, so the metric is a gauge (the name follows the issue), and every instance reports the same
 * cluster-wide figure: aggregate with max, not sum. The concept label is a bounded set: only concepts of the
 * live knowledge are reported (about a hundred, times two votes), whatever the store holds.
 */
export function registerFeedbackMetric(registry: Registry, deps: { read(): Promise<FeedbackCounts | undefined>; conceptIds(): ReadonlySet<string> | ReadonlyMap<string, unknown> }): void {
  new Gauge({
    name: 'routeplanner_feedback_total',
    help: 'Votes on concept answers ("Nuttig? ja / nee") per concept and vote, cluster-wide from the store (use max over instances).',
    labelNames: ['concept', 'vote'],
    registers: [registry],
    async collect() {
      this.reset();
      // the store may be down: the scrape still answers, without these series
      const counts = await deps.read().catch(() => undefined);
      const known = deps.conceptIds();
      for (const [concept, c] of Object.entries(counts ?? {})) {
        if (!known.has(concept)) continue;
        this.set({ concept, vote: 'ja' }, c.ja);
        this.set({ concept, vote: 'nee' }, c.nee);
      }
    },
  });
}
