import { createBot } from '../bot/bot.js';
import { loadConfig } from '../config.js';
import { createLiveKnowledge, KnowledgeLoadError } from '../knowledge/live.js';
import { formatProblem } from '../knowledge/problems.js';
import { createLowdbStore } from '../storage/lowdb-store.js';
import { runChat } from './chat.js';
import { createLocalAdmin } from './local-admin.js';

/** `routeplanner chat`: the real core and the lowdb store, in the terminal; with `admin`, the admin commands too. */
export async function chatCommand(opts: { group: boolean; admin: boolean }): Promise<number> {
  const config = loadConfig();
  let knowledge;
  try {
    knowledge = await createLiveKnowledge(config.knowledgeDir);
  } catch (err) {
    if (!(err instanceof KnowledgeLoadError)) throw err;
    process.stderr.write(`${err.message}:\n${err.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}\n`);
    return 1;
  }
  let store;
  try {
    store = await createLowdbStore({ dir: config.dataDir });
  } catch (err) {
    // e.g. the bot itself runs on this data folder: one writer per folder
    process.stderr.write(`Cannot open the store in ${config.dataDir}: ${(err as Error).message}\n`);
    return 1;
  }
  const local = opts.admin ? await createLocalAdmin(knowledge, store) : undefined;
  const bot = createBot({ knowledge, store, retentionDays: config.retentionDays, admin: local?.admin, observer: local?.observer });
  try {
    await runChat({ bot, input: process.stdin, output: (t) => process.stdout.write(t), group: opts.group, admin: opts.admin, interactive: Boolean(process.stdin.isTTY) });
  } finally {
    await local?.close();
    await store.close();
  }
  return 0;
}
