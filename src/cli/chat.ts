import { createInterface } from 'node:readline';
import type { Bot } from '../bot/bot.js';
import type { Actor, BotEvent, ConversationRef } from '../bot/events.js';
import type { Action } from '../bot/replies.js';
import { renderText } from './render-text.js';

/** The terminal's own user: a name, not "jij", because the bot's texts put it in the third person ("Alleen Sam (de gespreksleider)…"). */
const SELF = 'Sam';

export interface ChatOptions {
  readonly bot: Bot;
  readonly input: NodeJS.ReadableStream;
  readonly output: (text: string) => void;
  /** Start in a channel (group sessions) instead of a personal chat. */
  readonly group: boolean;
  /**
   * The terminal's own user (SELF) is an admin: the admin commands work (the bot must have an admin port) and
   * the help lists them. Without it the help lists only what works here.
   */
  readonly admin?: boolean;
  readonly interactive: boolean;
}

const HELP = [
  'Terminalchat met de Routeplanner-bot. Typ een vraag of een opdracht (help, start <gesprek>, ...).',
  'Cijfers beantwoorden een vraag, letters klikken een knop. Extra in de terminal:',
  '  /als <naam>    doe je voor als een ander lid (in een groepsgesprek)',
  '  /groep         schakel naar een kanaal (groepsgesprekken); /persoonlijk terug',
  '  /klaar         stoppen (of Ctrl-D)',
].join('\n');
const ADMIN_HELP = 'Je bent beheerder (--admin): herlaad kennis, status en onbeantwoord werken hier ook.';

/**
 * The real core in the terminal. With a TTY it prompts; without one it reads one line per turn, so a
 * dialogue can be scripted: `printf 'start zelfscan\n3\n' | npm run --silent routeplanner -- chat`.
 */
export async function runChat(opts: ChatOptions): Promise<void> {
  const admin = opts.admin ?? false;
  let actor: Actor = { id: `terminal:${SELF.toLowerCase()}`, name: SELF, isAdmin: admin };
  let conversation: ConversationRef = { key: opts.group ? 'terminal-kanaal' : 'terminal', scope: opts.group ? 'channel' : 'personal' };
  let buttons: readonly Action[] = [];
  const say = (events: BotEvent): Promise<void> =>
    opts.bot.handle(events).then((replies) => {
      const rendered = renderText(replies);
      buttons = rendered.buttons;
      opts.output(rendered.text);
    });

  if (opts.interactive) opts.output(`${HELP}\n${admin ? `${ADMIN_HELP}\n` : ''}\n`);
  await say({ kind: 'welcome', conversation, actor });
  const rl = createInterface({ input: opts.input, terminal: false });
  const prompt = (): void => {
    if (opts.interactive) opts.output(`${actor.name}> `);
  };
  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/klaar' || line === '/quit') break;
    if (line.startsWith('/als ')) {
      const name = line.slice(5).trim() || SELF;
      actor = { id: `terminal:${name.toLowerCase()}`, name, isAdmin: admin && name === SELF };
      opts.output(`(je bent nu ${name})\n`);
    } else if (line === '/groep' || line === '/persoonlijk') {
      conversation = line === '/groep' ? { key: 'terminal-kanaal', scope: 'channel' } : { key: 'terminal', scope: 'personal' };
      opts.output(`(${line === '/groep' ? 'je zit nu in een kanaal' : 'je zit nu in een persoonlijk gesprek'})\n`);
    } else if (/^[a-z]$/.test(line) && buttons[line.charCodeAt(0) - 97]) {
      await say({ kind: 'action', conversation, actor, payload: buttons[line.charCodeAt(0) - 97]!.payload });
    } else if (line) {
      await say({ kind: 'message', conversation, actor, text: line });
    }
    prompt();
  }
  rl.close();
}
