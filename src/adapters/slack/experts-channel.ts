import { expertsChannelKey, type ExpertsChannel } from '../../bot/experts/channel.js';
import { errorCode, type Logger } from '../../log.js';
import type { Store } from '../../storage/port.js';
import { channelAddress, PLATFORM } from './address.js';
import { slackConversation } from './inbound.js';

/**
 * The experts' channel from the settings (SLACK_EXPERTS_CHANNEL, a channel id), stored where the core reads it
 * (`experts:channel:slack`), as `experts hier` would. The team id is part of the address and comes with the
 * first event, so it is written then, before that event's turn. A configured channel is written when it is new
 * or changed, so an admin's `experts hier` in another channel holds until the setting itself changes.
 */
export type ExpertsChannelSetup = (team: string) => Promise<void>;

const CONFIGURED_KEY = 'slack:experts:configured';

export function configureExpertsChannel(deps: { channel: string | undefined; store: Store; log: Logger; now?: () => number }): ExpertsChannelSetup {
  const { channel, store, log } = deps;
  let done: Promise<void> | undefined;

  async function write(team: string, configured: string): Promise<void> {
    if ((await store.get<string>(CONFIGURED_KEY)) === configured) return;
    const record: ExpertsChannel = { address: channelAddress(team, configured), conversationKey: slackConversation(team, configured, undefined, false).key, setAt: (deps.now ?? Date.now)() };
    await store.update<ExpertsChannel>(expertsChannelKey(PLATFORM), () => record);
    await store.update<string>(CONFIGURED_KEY, () => configured);
    log.info({ platform: PLATFORM, channel: configured }, 'slack experts channel set from SLACK_EXPERTS_CHANNEL');
  }

  return (team) => {
    if (!channel) return Promise.resolve();
    done ??= write(team, channel).catch((err: unknown) => {
      // tried again with the next event; until then the core says no channel is set
      log.warn({ platform: PLATFORM, code: errorCode(err) }, 'slack experts channel not saved');
      done = undefined;
    });
    return done;
  };
}
