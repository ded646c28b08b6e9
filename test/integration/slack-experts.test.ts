import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyPatch, parsePatch } from 'diff';
import nock from 'nock';
import { proposalsCommand } from '../../src/cli/experts-cli.js';
import { validateCommand, type Io } from '../../src/cli/knowledge-cli.js';
import { loadConfig } from '../../src/config.js';
import { createLowdbStore } from '../../src/storage/lowdb-store.js';
import { onlyLoopback, startTestApp, until, type TestApp } from '../helpers/app.js';
import { BOT_TOKEN, SIGNING_SECRET, SLACK_API, blocksText, buttonClick, interceptSlack, signed, slackFixture, type WebApiCall } from '../helpers/slack.js';
import { SMALL_KNOWLEDGE } from '../helpers/snapshot.js';

/**
 * The content team's loop on Slack (issue 17), through signed requests and the fake Web API: a question the
 * bot cannot answer reaches the experts' channel (SLACK_EXPERTS_CHANNEL), an expert answers through the modal,
 * the answer arrives in the asker's DM and the card says it was delivered; a linked question becomes a proposal
 * that passes `validate`.
 */

onlyLoopback(nock);

const EXPERTS = 'C0REDACTIE';
const NAMES = { U0ANNA: 'Anna de Vries', U0BEA: 'Bea Smit', U0BRAM: 'Bram Bakker' };

describe('the content team on Slack', () => {
  let app: TestApp;
  let dataDir: string;
  let slack: ReturnType<typeof interceptSlack>;
  let n = 0;
  const send = (kind: 'json' | 'payload', data: Record<string, unknown>) => {
    const req = signed(kind, data);
    return app.post('/slack/events', req.body, req.headers);
  };
  const calls = (method: string): WebApiCall[] => slack.calls.filter((c) => c.method === method);
  const posted = (channel: string) => calls('chat.postMessage').filter((c) => c.args['channel'] === channel);
  const dm = (text: string) => {
    const f = slackFixture('dm-message');
    return send('json', { ...f, event_id: `Ev-experts-${++n}`, event: { ...(f['event'] as object), text } });
  };
  const click = (user: string, channel: string, blocks: unknown, label: string, extra: Record<string, unknown> = {}) =>
    send('payload', buttonClick(user, channel, blocks, label, { message: { type: 'message', ts: '1732460000.000001', blocks }, ...extra }));
  const card = () => posted(EXPERTS).at(-1)!;

  /** Anna asks in her DM, asks the content team, and sends it (with her name or without). */
  async function ask(question: string, withName: boolean): Promise<WebApiCall> {
    const cards = posted(EXPERTS).length;
    await dm(question);
    await until(() => blocksText(posted('D0ANNADM').at(-1)?.args['blocks']).includes('Vraag het de kennisredactie'));
    await click('U0ANNA', 'D0ANNADM', posted('D0ANNADM').at(-1)!.args['blocks'], 'Vraag het de kennisredactie');
    await until(() => blocksText(posted('D0ANNADM').at(-1)?.args['blocks']).includes('Mogen de experts je naam zien?'));
    const consent = posted('D0ANNADM').at(-1)!.args['blocks'];
    // the form's text box holds the question; what is typed there is sent
    const typed = { state: { values: { rp_expert_question: { rp_text: { type: 'plain_text_input', value: question } } } } };
    await click('U0ANNA', 'D0ANNADM', consent, withName ? 'Stuur mijn vraag met mijn naam' : 'Stuur zonder naam', typed);
    await until(() => posted(EXPERTS).length > cards);
    await until(() => blocksText(posted('D0ANNADM').at(-1)?.args['blocks']).includes('Je vraag is naar de kennisredactie gestuurd'));
    return card();
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'rp-slack-experts-'));
    slack = interceptSlack({ names: NAMES });
    const env = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${SLACK_API}/api/`, SLACK_EXPERTS_CHANNEL: EXPERTS, EXPERT_IDS: 'U0BEA,aad-teams-expert' };
    app = await startTestApp(env, await createLowdbStore({ dir: dataDir }));
    await until(() => slack.calls.some((c) => c.method === 'auth.test'));
  });
  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    nock.cleanAll();
    slack = interceptSlack({ names: NAMES });
  });

  test('an unanswered question reaches the experts\' channel; the expert answers in a modal; the answer arrives in the asker\'s DM; the card says it was delivered', async () => {
    const posted0 = await ask('wat is een buurtkamer?', true);
    const blocks = posted0.args['blocks'];
    expect(blocksText(blocks)).toContain('Vraag voor de kennisredactie');
    expect(blocksText(blocks)).toContain('“wat is een buurtkamer?”');
    expect(blocksText(blocks)).toContain('Gesteld door Anna de Vries'); // her display name, with her consent

    // someone who is no expert gets no form, only a private refusal
    await click('U0BRAM', EXPERTS, blocks, 'Beantwoorden', { trigger_id: 'trigger-experts-bram' });
    await until(() => calls('chat.postEphemeral').some((c) => c.args['user'] === 'U0BRAM'));
    expect(calls('chat.postEphemeral').find((c) => c.args['user'] === 'U0BRAM')!.args['text']).toContain('Alleen de kennisredactie kan vragen beantwoorden');
    expect(calls('views.open')).toEqual([]);
    expect(calls('conversations.members')).toEqual([]); // EXPERTS_FROM_CHANNEL is off: EXPERT_IDS only

    await click('U0BEA', EXPERTS, blocks, 'Beantwoorden', { trigger_id: 'trigger-experts-bea' });
    await until(() => calls('views.open').length > 0);
    const view = calls('views.open')[0]!.args['view'] as { title: { text: string }; private_metadata: string; blocks: Array<Record<string, unknown>> };
    expect(view.title.text).toBe('Antwoord aan de vrager');
    expect(view.blocks[0]).toEqual({ type: 'section', text: { type: 'plain_text', text: '“wat is een buurtkamer?”', emoji: false } });
    expect(view.blocks[1]).toMatchObject({ type: 'input', label: { text: 'Je antwoord' }, element: { type: 'plain_text_input', multiline: true, max_length: 3000 } });

    const answer = 'Een buurtkamer is een ruimte in de wijk waar bewoners elkaar ontmoeten. <!channel>';
    await send('payload', { type: 'view_submission', team: { id: 'T0GEMEENTE' }, user: { id: 'U0BEA', name: 'bea', team_id: 'T0GEMEENTE' }, trigger_id: 'trigger-experts-submit', view: { callback_id: 'rp_text_modal', private_metadata: view.private_metadata, state: { values: { rp_text: { rp_text: { type: 'plain_text_input', value: answer } } } } } });
    await until(() => calls('chat.update').some((c) => blocksText(c.args['blocks']).includes('Het antwoord is bezorgd bij de vrager.')));
    expect(calls('conversations.open').at(-1)!.args['users']).toBe('U0ANNA');
    const delivered = posted('D0ANNADM').at(-1)!.args['blocks'];
    expect(blocksText(delivered)).toContain('Antwoord van de kennisredactie');
    expect(JSON.stringify(delivered)).toContain(JSON.stringify({ type: 'plain_text', text: answer, emoji: false })); // never parsed as mrkdwn
    expect(blocksText(delivered)).toContain('Beantwoord door Bea Smit van de kennisredactie.');
    const updated = calls('chat.update').at(-1)!.args;
    expect(updated).toMatchObject({ channel: EXPERTS, ts: posted0.ts });
    expect(blocksText(updated['blocks'])).toContain('Beantwoord door Bea Smit.');
    expect(app.logs.some((l) => l.includes('expert action refused') && l.includes('U0BRAM'))).toBe(true);
  });

  test('a question linked to a concept with the select: the asker gets the concept\'s answer; routeplanner proposals writes YAML that passes validate', async () => {
    const posted0 = await ask('wat is een buurthuis?', false);
    expect(blocksText(posted0.args['blocks'])).toContain('De vrager wil anoniem blijven.');
    const chosen = { state: { values: { rp_expert_concept: { rp_values_concept: { type: 'static_select', selected_option: { value: 'sociale-basis' } } } } } };
    await click('U0BEA', EXPERTS, posted0.args['blocks'], 'Koppel aan begrip', chosen);
    await until(() => calls('chat.update').some((c) => blocksText(c.args['blocks']).includes('Gekoppeld aan *Sociale basis* door Bea Smit.')));
    expect(blocksText(posted('D0ANNADM').map((c) => c.args['blocks']))).toContain('De kennisredactie heeft je vraag gekoppeld aan het begrip *Sociale basis*');

    const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) } satisfies Io & { stdout: string; stderr: string };
    const outDir = await mkdtemp(path.join(tmpdir(), 'rp-slack-proposals-'));
    const applied = await mkdtemp(path.join(tmpdir(), 'rp-slack-applied-'));
    try {
      expect(await proposalsCommand(loadConfig({ KNOWLEDGE_DIR: SMALL_KNOWLEDGE, DATA_DIR: dataDir }), { json: true, out: outDir }, io)).toBe(0);
      const out = JSON.parse(io.stdout) as { aliases: unknown[]; drafts: unknown[] };
      expect(out.aliases).toEqual([expect.objectContaining({ conceptId: 'sociale-basis', alias: 'buurthuis', expert: 'Bea Smit' })]);
      expect(out.drafts).toEqual([expect.objectContaining({ id: 'buurtkamer', term: 'Buurtkamer', expert: 'Bea Smit' })]);
      expect(io.stdout).not.toMatch(/Anna|U0ANNA/);
      await cp(SMALL_KNOWLEDGE, applied, { recursive: true });
      for (const filePatch of parsePatch(await readFile(path.join(outDir, 'aliassen.patch'), 'utf8'))) {
        const file = path.join(applied, filePatch.newFileName!.replace(/^b\//, ''));
        const result = applyPatch(await readFile(file, 'utf8'), filePatch);
        expect(result).not.toBe(false);
        await writeFile(file, result as string);
      }
      await cp(path.join(outDir, 'concepts/voorstellen.yaml'), path.join(applied, 'concepts/voorstellen.yaml'));
      const check = { ...io, stdout: '', stderr: '' };
      expect({ code: await validateCommand(applied, check), errors: check.stderr.split('\n').filter((l) => l && !l.includes('let op')) }).toEqual({ code: 0, errors: [] });
    } finally {
      await rm(outDir, { recursive: true, force: true });
      await rm(applied, { recursive: true, force: true });
    }
  });

  test('when the answer cannot reach the asker, the card says so and offers "Opnieuw bezorgen", which works once Slack lets it', async () => {
    const posted0 = await ask('wat is een ontmoetingsplek?', true);
    nock.cleanAll();
    nock(SLACK_API).post('/api/conversations.open').reply(200, { ok: false, error: 'user_disabled' });
    slack = interceptSlack({ names: NAMES });
    await click('U0BEA', EXPERTS, posted0.args['blocks'], 'Geen antwoord');
    await until(() => calls('chat.update').some((c) => blocksText(c.args['blocks']).includes('Bezorgen bij de vrager is niet gelukt')));
    const failed = calls('chat.update').at(-1)!.args['blocks'];
    expect(app.logs.some((l) => l.includes('slack delivery failed') && l.includes('"slackError":"user_disabled"'))).toBe(true);

    await click('U0BEA', EXPERTS, failed, 'Opnieuw bezorgen');
    await until(() => calls('chat.update').some((c) => blocksText(c.args['blocks']).includes('Het antwoord is bezorgd bij de vrager.')));
    expect(blocksText(posted('D0ANNADM').at(-1)!.args['blocks'])).toContain('De kennisredactie heeft naar je vraag gekeken, maar kan er nu geen antwoord op geven.');
  });

  test('"Nuttig? ja" under an answer counts in /metrics', async () => {
    await dm('wat is preventie?');
    await until(() => blocksText(posted('D0ANNADM').at(-1)?.args['blocks']).includes('Nuttig?'));
    await click('U0ANNA', 'D0ANNADM', posted('D0ANNADM').at(-1)!.args['blocks'], 'ja');
    await until(() => blocksText(posted('D0ANNADM').at(-1)?.args['blocks']).includes('Dank je!'));
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toContain('routeplanner_feedback_total{concept="preventie",vote="ja"} 1');
  });
});
