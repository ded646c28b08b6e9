import type { Bot } from '../bot/bot.js';
import type { Metrics, Platform, TurnOutcome } from './metrics.js';

/** The core with per-platform turn metrics: count by outcome and latency. The core itself stays unaware. */
export function instrumentBot(bot: Bot, platform: Platform, metrics: Metrics): Bot {
  return {
    async handle(event) {
      const started = process.hrtime.bigint();
      let outcome: TurnOutcome = 'error';
      try {
        const replies = await bot.handle(event);
        // the core turns store failures into an error notice instead of throwing
        outcome = replies.some((r) => r.kind === 'notice' && r.tone === 'error') ? 'failed' : 'ok';
        return replies;
      } finally {
        metrics.turn(platform, outcome, Number(process.hrtime.bigint() - started) / 1e9);
      }
    },
    home: (actor) => bot.home(actor),
    searchConcepts: (query, limit) => bot.searchConcepts(query, limit),
    explainMessage: (text) => bot.explainMessage(text),
    view: (ref, key) => bot.view(ref, key),
  };
}
