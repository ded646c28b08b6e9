import type { AdminPort, BotObserver } from '../bot/turn.js';
import type { LiveKnowledge } from '../knowledge/live.js';
import { createLogger } from '../log.js';
import { createReloader } from '../ops/reloader.js';
import { createUnansweredLog } from '../ops/unanswered.js';
import type { Store } from '../storage/port.js';

/**
 * The admin commands for a local admin in the terminal chat (`routeplanner chat --admin`): `herlaad kennis`
 * reloads the knowledge folder (an editor's loop: change a file, reload, ask), `status` and `onbeantwoord` read
 * the chat's own store. Warnings go to stderr; the chat itself stays on stdout.
 */
export interface LocalAdmin {
  readonly admin: AdminPort;
  readonly observer: BotObserver;
  close(): Promise<void>;
}

export async function createLocalAdmin(knowledge: LiveKnowledge, store: Store): Promise<LocalAdmin> {
  const log = createLogger({ level: 'warn', destination: process.stderr });
  const reloader = createReloader({ knowledge, store, log });
  await reloader.recordStart('terminal');
  const unanswered = createUnansweredLog({ store, log });
  return {
    admin: {
      reload: (actor) => reloader.reload({ by: `${actor.name}, ${actor.id}`, via: 'chat' }),
      status: () => reloader.status(),
      unanswered: (limit) => unanswered.top(limit),
      refused: () => undefined, // only the terminal's own admin is one; another member is refused in chat
    },
    observer: {
      lookup(result) {
        if (result.outcome !== 'match') unanswered.note(result.query, result.outcome);
      },
    },
    close: () => unanswered.close(),
  };
}
