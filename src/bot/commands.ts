import Fuse from 'fuse.js';
import { foldText } from '../knowledge/normalize.js';
import type { Dialogue } from '../knowledge/dialogue-schema.js';
import type { CommandName } from './actions.js';

/** A typed command. Anything that is not one is a concept question (or the answer to an open question). */
export type Command =
  | { readonly c: CommandName }
  | { readonly c: 'start'; readonly name: string; readonly group: boolean; readonly named: boolean }
  | { readonly c: 'search'; readonly query: string }
  | { readonly c: 'admin'; readonly op: AdminOp }
  /** `experts hier`: an admin makes this channel the content team's (src/bot/experts/channel.ts). */
  | { readonly c: 'experts-here' };

export type AdminOp = 'reload' | 'status' | 'unanswered';

/** Admin commands: exact phrases only (a typo must not reload the knowledge by accident). */
const ADMIN: ReadonlyMap<string, AdminOp> = new Map([
  ['herlaad', 'reload'], ['herlaad kennis', 'reload'], ['kennis herladen', 'reload'], ['herladen', 'reload'],
  ['status', 'status'], ['kennis status', 'status'],
  ['onbeantwoord', 'unanswered'], ['onbeantwoorde vragen', 'unanswered'],
]);

const SIMPLE: ReadonlyArray<[string, CommandName]> = [
  ['help', 'help'], ['hulp', 'help'], ['menu', 'help'], ['?', 'help'], ['wat kan je', 'help'], ['wat kun je', 'help'],
  ['stop', 'stop'], ['annuleer', 'stop'], ['annuleren', 'stop'], ['cancel', 'stop'],
  ['terug', 'back'], ['vorige', 'back'],
  ['sla over', 'skip'], ['overslaan', 'skip'], ['skip', 'skip'], ['volgende', 'skip'],
  ['opnieuw', 'restart'], ['begin opnieuw', 'restart'], ['herstart', 'restart'],
  ['verder', 'resume'], ['ga verder', 'resume'], ['hervat', 'resume'], ['doorgaan', 'resume'],
  ['samenvatting', 'summary'], ['overzicht', 'summary'],
  ['exporteer', 'export'], ['exporteren', 'export'], ['export', 'export'],
  ['vergeet mij', 'forget'], ['vergeet me', 'forget'], ['wis mijn gegevens', 'forget'],
];
const byPhrase = new Map(SIMPLE.map(([p, c]) => [p, c]));
/** Typos in a command word ("samenvating", "exporter") still count; short words must be exact. */
const fuzzy = new Fuse(SIMPLE.filter(([p]) => p.length >= 6).map(([p]) => p), { includeScore: true, threshold: 0.2 });

export function parseCommand(text: string): Command | undefined {
  const raw = text.trim().replace(/^\//, '');
  if (raw === '?') return { c: 'help' };
  const folded = foldText(raw);
  if (!folded) return undefined;
  const simple = byPhrase.get(folded);
  if (simple) return { c: simple };
  const admin = ADMIN.get(folded);
  if (admin) return { c: 'admin', op: admin };
  if (folded === 'experts hier' || folded === 'kennisredactie hier') return { c: 'experts-here' };
  const [first = '', ...rest] = folded.split(' ');
  if (first === 'start' || first === 'begin' || first === 'starten') return parseStart(rest);
  if ((first === 'zoek' || first === 'vraag') && rest.length > 0) return { c: 'search', query: raw.replace(/^\S+\s+/, '') };
  if (folded.length >= 6 && !folded.includes(' ')) {
    const hit = fuzzy.search(folded)[0];
    if (hit) return { c: byPhrase.get(hit.item)! };
  }
  return undefined;
}

function parseStart(words: string[]): Command {
  let group = false;
  let named = false;
  const kept: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === 'kanaal' || w === 'groep' || w === 'channel' || w === 'team') group = true;
    else if ((w === 'met' && words[i + 1] === 'namen') || w === 'benoemd') {
      named = true;
      if (w === 'met') i++;
    } else kept.push(w);
  }
  return { c: 'start', name: kept.join(' '), group, named };
}

/** Finds a dialogue by id, title or alias (case and accents ignored), then fuzzily by those names. */
export function findDialogue(dialogues: readonly Dialogue[], name: string): Dialogue | undefined {
  const want = foldText(name);
  if (!want) return undefined;
  const names = dialogues.flatMap((d) => [d.id, d.title, ...d.aliases].map((n) => ({ d, n: foldText(n) })));
  const exact = names.find((x) => x.n === want);
  if (exact) return exact.d;
  const hit = new Fuse(names, { keys: ['n'], includeScore: true, threshold: 0.4, ignoreLocation: true }).search(want)[0];
  return hit?.item.d;
}
