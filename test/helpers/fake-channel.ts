import { createBot, type Bot, type BotDeps } from '../../src/bot/bot.js';
import type { Actor, ConversationRef } from '../../src/bot/events.js';
import type { Action, Reply } from '../../src/bot/replies.js';
import type { KnowledgeSnapshot } from '../../src/knowledge/snapshot.js';
import type { Store } from '../../src/storage/port.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import { renderText } from '../../src/cli/render-text.js';

/** Every button in a list of replies, in display order. */
export function buttonsOf(replies: readonly Reply[]): Action[] {
  return replies.flatMap((r): Action[] => {
    switch (r.kind) {
      case 'answer':
        return [...r.related, ...(r.feedback ? [r.feedback.yes, r.feedback.no] : []), ...r.actions];
      case 'suggestions':
        return [...r.options, ...r.actions];
      case 'notice':
        return [...r.actions];
      case 'question': {
        const input = r.input.kind === 'choice' || r.input.kind === 'scale' ? r.input.options : r.input.kind === 'multi' || r.input.kind === 'text' ? [r.input.submit] : [];
        return [...input, ...r.concepts, ...r.actions];
      }
      case 'tally':
        return [...r.actions];
      case 'summary':
        return [...r.concepts, ...r.actions];
      case 'export':
        return [];
      case 'expert-consent':
      case 'expert-answer':
        return [...r.actions];
      case 'expert-question':
        return [...(r.answerInput ? [r.answerInput.submit] : []), ...(r.conceptInput ? [r.conceptInput.submit] : []), ...r.actions];
    }
  });
}

/**
 * A fake chat: feeds events to the real core with a memory store and collects the replies, per member.
 * `say` types a message, `click` presses a button (by label) from the replies that member last saw.
 */
export function createFakeChannel(opts: {
  snapshot: () => KnowledgeSnapshot;
  conversation?: ConversationRef;
  store?: Store;
  now?: () => number;
  admins?: string[];
  /** Members listed in EXPERT_IDS. */
  experts?: string[];
  /** More of the core's dependencies (the content team's outbox, a retention time). */
  deps?: Partial<BotDeps>;
  /** Another chat's core: two conversations (a personal chat and the experts' channel) with one bot and store. */
  bot?: Bot;
}) {
  const store = opts.store ?? createMemoryStore({ now: opts.now });
  let ids = 0;
  const bot: Bot = opts.bot ?? createBot({ knowledge: { current: opts.snapshot }, store, now: opts.now, newId: () => `id${++ids}`, ...opts.deps });
  const conversation = opts.conversation ?? { key: 'chat-1', scope: 'personal' as const };
  const seen = new Map<string, Reply[]>();
  const actor = (name: string): Actor => ({ id: `u-${name}`, name, isAdmin: (opts.admins ?? []).includes(name), ...((opts.experts ?? []).includes(name) ? { isExpert: true } : {}) });

  async function record(name: string, replies: Reply[]): Promise<Reply[]> {
    seen.set(name, replies);
    return replies;
  }

  return {
    bot,
    store,
    conversation,
    say: async (text: string, as = 'anna') => record(as, await bot.handle({ kind: 'message', conversation, actor: actor(as), text })),
    welcome: async (as = 'anna') => record(as, await bot.handle({ kind: 'welcome', conversation, actor: actor(as) })),
    /** Presses the button with this label (or the first whose label starts with it) from the last replies `as` saw (or `from`). */
    click: async (label: string, as = 'anna', extra: { values?: string[]; text?: string; from?: string } = {}) => {
      const buttons = buttonsOf(seen.get(extra.from ?? as) ?? []);
      const button = buttons.find((b) => b.label === label) ?? buttons.find((b) => b.label.startsWith(label));
      if (!button) throw new Error(`no button "${label}" in: ${buttons.map((b) => b.label).join(' | ')}`);
      return record(as, await bot.handle({ kind: 'action', conversation, actor: actor(as), payload: button.payload, values: extra.values, text: extra.text }));
    },
    action: async (payload: string, as = 'anna', extra: { values?: string[]; text?: string } = {}) =>
      record(as, await bot.handle({ kind: 'action', conversation, actor: actor(as), payload, values: extra.values, text: extra.text })),
    last: (as = 'anna'): Reply[] => seen.get(as) ?? [],
    /** Shows `as` replies that reached them another way (delivered by the outbox), so `click` finds their buttons. */
    see: (replies: Reply[], as = 'anna'): Reply[] => (seen.set(as, replies), replies),
    text: (as = 'anna'): string => renderText(seen.get(as) ?? []).text,
  };
}
