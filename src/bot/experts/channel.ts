import type { Address } from '../events.js';
import { notice, type Reply } from '../replies.js';
import type { Turn } from '../turn.js';
import { expertTexts as t } from './texts.js';

/**
 * The experts' channel of a platform, stored as `experts:channel:<platform>`: the address an admin's
 * `experts hier` gave (Teams: typed in a channel; Slack: the adapter may set it from a configured channel id).
 * It is configuration, not personal data: no TTL.
 */
export interface ExpertsChannel {
  readonly address: Address;
  readonly conversationKey: string;
  readonly setAt: number;
}

export const expertsChannelKey = (platform: string): string => `experts:channel:${encodeURIComponent(platform)}`;

export function readExpertsChannel(turn: Pick<Turn, 'store'>, platform: string): Promise<ExpertsChannel | undefined> {
  return turn.store.get<ExpertsChannel>(expertsChannelKey(platform));
}

/** `experts hier`: an admin makes the conversation they type in the experts' channel of its platform. */
export async function setExpertsChannel(turn: Turn): Promise<Reply[]> {
  const { actor, conversation } = turn.event;
  if (!actor.isAdmin) {
    turn.admin?.refused(actor, 'experts-here');
    return [notice(t.channel.notAdmin, [], { tone: 'warning', private: true })];
  }
  if (conversation.scope === 'personal') return [notice(t.channel.personal, [], { private: true })];
  const address = conversation.address;
  if (!address) return [notice(t.channel.noAddress, [], { private: true })];
  const channel: ExpertsChannel = { address, conversationKey: conversation.key, setAt: turn.now };
  await turn.store.update<ExpertsChannel>(expertsChannelKey(address.platform), () => channel);
  return [notice(t.channel.set(address.platform))];
}
