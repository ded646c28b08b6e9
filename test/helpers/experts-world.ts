import type { Address, ConversationRef } from '../../src/bot/events.js';
import type { KnowledgeSnapshot } from '../../src/knowledge/snapshot.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import type { Store } from '../../src/storage/port.js';
import { createFakeChannel } from './fake-channel.js';
import { createFakeOutbox } from './fake-outbox.js';

/**
 * Two chats on one core and store, for the content team's loop: Anna's own chat and the experts' channel
 * (Bea is an expert, Beheer an admin), with a fake outbox between them.
 */

const teams = (ref: string): Address => ({ platform: 'teams', ref });
export const annaChat: ConversationRef = { key: 'teams:anna', scope: 'personal', address: teams('chat-anna') };
export const redactieChannel: ConversationRef = { key: 'teams:redactie', scope: 'channel', address: teams('kanaal-redactie') };

/** The world; by default an admin has typed `experts hier` in the experts' channel. */
export function setupExperts(snapshot: () => KnowledgeSnapshot, opts: { channel?: boolean; now?: () => number; store?: Store } = {}) {
  const fake = createFakeOutbox();
  const store = opts.store ?? createMemoryStore({ now: opts.now });
  const anna = createFakeChannel({ snapshot, store, now: opts.now, conversation: annaChat, deps: { experts: fake.outbox } });
  const redactie = createFakeChannel({ snapshot, store, bot: anna.bot, conversation: redactieChannel, admins: ['beheer'], experts: ['bea'] });
  const world = { fake, store, anna, redactie };
  return (opts.channel ?? true) ? redactie.say('experts hier', 'beheer').then(() => world) : Promise.resolve(world);
}
export type ExpertsWorld = Awaited<ReturnType<typeof setupExperts>>;

/**
 * One turn: who, in which chat, says or clicks what (`op de kaart`: on the card the outbox delivered to the
 * experts' channel last, after typing `typed` in its box), and what they then read.
 */
export type Row = [who: string, where: 'chat' | 'redactie', does: 'zegt' | 'klikt' | 'klikt op de kaart', input: string, reads: string | RegExp, typed?: string];

export async function play(world: ExpertsWorld, rows: readonly Row[]): Promise<void> {
  for (const [who, where, does, input, reads, typed] of rows) {
    const chat = where === 'chat' ? world.anna : world.redactie;
    if (does === 'klikt op de kaart') chat.see(world.fake.last('experts'), who);
    if (does === 'zegt') await chat.say(input, who);
    else await chat.click(input, who, typed === undefined ? {} : { text: typed });
    const text = chat.text(who);
    expect({ who, input, text }).toEqual({ who, input, text: typeof reads === 'string' ? expect.stringContaining(reads) : expect.stringMatching(reads) });
  }
}
