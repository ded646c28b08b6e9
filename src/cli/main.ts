#!/usr/bin/env node
import { Command } from 'commander';
import { askCommand, evalCommand, validateCommand, type Io } from './knowledge-cli.js';
import { chatCommand } from './chat-command.js';
import { packageTeams } from './package-teams.js';
import { statusCommand, unansweredCommand } from './ops-cli.js';
import { feedbackCommand, proposalsCommand } from './experts-cli.js';
import { loadConfig, type Config } from '../config.js';

const io: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

const knowledgeDir = (): string => process.env['KNOWLEDGE_DIR'] || './knowledge';
const config = (): Config => loadConfig(process.env);

const program = new Command()
  .name('routeplanner')
  .description('routeplanner-bot from the terminal: look up concepts, test and validate the knowledge files')
  .showHelpAfterError();

program
  .command('ask')
  .description('answer a question as the bot would (KNOWLEDGE_DIR, default ./knowledge)')
  .argument('<vraag>', 'the question, in quotes')
  .option('--json', 'print {"query","outcome","results":[{"id","term","score"}]}')
  .action(async (vraag: string, opts: { json?: boolean }) => {
    process.exitCode = await askCommand(knowledgeDir(), vraag, Boolean(opts.json), io);
  });

program
  .command('eval')
  .description('measure lookup quality on JSON lines {"query": "...", "expect": "<id, term or alias>" | null}')
  .argument('<file>', 'the JSON lines file')
  .option('--json', 'print {"inDomain","outOfDomain","misses"}')
  .action(async (file: string, opts: { json?: boolean }) => {
    process.exitCode = await evalCommand(knowledgeDir(), file, Boolean(opts.json), io);
  });

program
  .command('validate')
  .description('check the knowledge files; exits 1 with every problem when they are invalid')
  .argument('[dir]', 'the knowledge folder (default: KNOWLEDGE_DIR or ./knowledge)')
  .option('--json', 'print {"ok","version","counts","problems","warnings","figures"}')
  .action(async (dir: string | undefined, opts: { json?: boolean }) => {
    process.exitCode = await validateCommand(dir ?? knowledgeDir(), io, Boolean(opts.json));
  });

program
  .command('chat')
  .description('talk to the real core in the terminal, with the lowdb store under DATA_DIR (default ./data)')
  .option('--groep', 'start in a channel, for group sessions (switch with /groep and /persoonlijk)')
  .option('--admin', 'you are an admin: herlaad kennis, status and onbeantwoord work (on KNOWLEDGE_DIR and DATA_DIR)')
  .action(async (opts: { groep?: boolean; admin?: boolean }) => {
    process.exitCode = await chatCommand({ group: Boolean(opts.groep), admin: Boolean(opts.admin) });
  });

program
  .command('status')
  .description('the active knowledge version, when and by whom it was loaded, the last reload attempts (reads the bot\'s store)')
  .option('--json', 'print {"active","disk","attempts"}')
  .action(async (opts: { json?: boolean }) => {
    process.exitCode = await statusCommand(config(), Boolean(opts.json), io);
  });

program
  .command('unanswered')
  .description('the questions that most often got "bedoelde je..." or no answer (reads the bot\'s store)')
  .option('--limit <n>', 'how many', (v) => Math.max(1, Number.parseInt(v, 10) || 20), 20)
  .option('--json', 'print {"unanswered":[{"query","count","lastSeen","outcome"}]}')
  .action(async (opts: { limit: number; json?: boolean }) => {
    process.exitCode = await unansweredCommand(config(), opts.limit, Boolean(opts.json), io);
  });

program
  .command('proposals')
  .description('aliases, example questions and concept drafts from the content team\'s answers (reads the bot\'s store); --out writes a patch and a concepts file to review')
  .option('--json', 'print {"aliases","questions","drafts","skipped","written"}')
  .option('--out <dir>', 'write aliassen.patch and concepts/voorstellen.yaml into this folder')
  .action(async (opts: { json?: boolean; out?: string }) => {
    process.exitCode = await proposalsCommand(config(), { json: Boolean(opts.json), ...(opts.out ? { out: opts.out } : {}) }, io);
  });

program
  .command('feedback')
  .description('votes on concept answers ("Nuttig? ja / nee") per concept (reads the bot\'s store)')
  .option('--json', 'print {"feedback":[{"conceptId","term","ja","nee"}]}')
  .action(async (opts: { json?: boolean }) => {
    process.exitCode = await feedbackCommand(config(), Boolean(opts.json), io);
  });

program
  .command('package-teams')
  .description('write the installable Teams app zip; needs MicrosoftAppId and BOT_DOMAIN (TEAMS_APP_ID defaults to MicrosoftAppId)')
  .option('--out <file>', 'where to write the zip', 'routeplanner-teams.zip')
  .action(async (opts: { out: string }) => {
    const botId = process.env['MicrosoftAppId'] ?? '';
    try {
      const file = await packageTeams({
        manifestDir: new URL('../../../manifest/teams/', import.meta.url).pathname,
        outFile: opts.out,
        botId,
        appId: process.env['TEAMS_APP_ID'] || botId,
        domain: process.env['BOT_DOMAIN'] ?? '',
        version: process.env['TEAMS_APP_VERSION'],
      });
      io.out(`Wrote ${file}\n`);
    } catch (err) {
      io.err(`Cannot package the Teams app: ${(err as Error).message}\n`);
      process.exitCode = 1;
    }
  });

await program.parseAsync(process.argv);
