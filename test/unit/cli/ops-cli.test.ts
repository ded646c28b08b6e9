import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { statusCommand, unansweredCommand } from '../../../src/cli/ops-cli.js';
import type { Io } from '../../../src/cli/knowledge-cli.js';
import { loadConfig } from '../../../src/config.js';
import { createLiveKnowledge } from '../../../src/knowledge/live.js';
import { createLogger } from '../../../src/log.js';
import { createReloader } from '../../../src/ops/reloader.js';
import { createUnansweredLog } from '../../../src/ops/unanswered.js';
import { createLowdbStore } from '../../../src/storage/lowdb-store.js';
import { conceptYaml, makeKnowledgeDir } from '../../helpers/knowledge-dir.js';

/** `routeplanner status` and `routeplanner unanswered` read what the bot recorded in its lowdb folder. */

function captureIo(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

const concept = (id: string, term: string) => `concepts:\n${conceptYaml({ id, term })}\n`;

describe('routeplanner status and unanswered', () => {
  let k: ReturnType<typeof makeKnowledgeDir>;
  let dataDir: string;
  const config = () => loadConfig({ KNOWLEDGE_DIR: k.dir, DATA_DIR: dataDir });

  beforeEach(async () => {
    k = makeKnowledgeDir({ 'concepts/a.yaml': concept('sociale-basis', 'Sociale basis') });
    dataDir = mkdtempSync(path.join(tmpdir(), 'rp-ops-cli-'));
    // what a running bot leaves behind: a start, a chat reload that added a concept, a failed reload, counts
    const store = await createLowdbStore({ dir: dataDir });
    const log = createLogger({ level: 'silent' });
    const knowledge = await createLiveKnowledge(k.dir);
    const reloader = createReloader({ knowledge, store, log });
    await reloader.recordStart('host:1');
    writeFileSync(path.join(k.dir, 'concepts/b.yaml'), concept('preventie', 'Preventie'));
    await reloader.reload({ by: 'Beheerder, teams:aad-1', via: 'chat' });
    writeFileSync(path.join(k.dir, 'concepts/c.yaml'), 'concepts: [');
    await reloader.reload({ by: 'http', via: 'http' });
    const unanswered = createUnansweredLog({ store, log });
    for (const q of ['Wat is dansen?', 'wat is dansen', 'sociale wijkteams']) unanswered.note(q, q.includes('dansen') ? 'none' : 'suggest');
    await unanswered.close();
    await store.close();
  });
  afterEach(() => {
    k.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('status shows the active version, who loaded it, that the files on disk are broken, and the attempts', async () => {
    const io = captureIo();
    expect(await statusCommand(config(), false, io)).toBe(0);
    expect(io.stdout).toMatch(/Active knowledge: version \w{12} \(2 concepts, 0 dialogues\), loaded .* by Beheerder, teams:aad-1 \(chat\)\./);
    expect(io.stdout).toContain('INVALID, a reload would fail and keep the active version');
    expect(io.stdout).toContain('concepts/c.yaml');
    const attempts = io.stdout.split('\n').filter((l) => l.startsWith('  20'));
    expect(attempts).toHaveLength(3);
    expect(attempts[0]).toContain('http    by http: FAILED (1 errors)');
    expect(attempts[1]).toContain('chat    by Beheerder, teams:aad-1: ok');
    expect(attempts[2]).toContain('start   by host:1: ok');
  });

  test('status --json', async () => {
    rmSync(path.join(k.dir, 'concepts/c.yaml'));
    const io = captureIo();
    expect(await statusCommand(config(), true, io)).toBe(0);
    const json = JSON.parse(io.stdout) as { active: { version: string; via: string }; disk: { ok: boolean; version: string }; attempts: Array<{ ok: boolean }> };
    expect(json.active.via).toBe('chat');
    expect(json.disk).toMatchObject({ ok: true, version: json.active.version, concepts: 2 });
    expect(json.attempts.map((a) => a.ok)).toEqual([false, true, true]);
  });

  test('unanswered lists the normalised questions, most asked first, with --json and --limit', async () => {
    const io = captureIo();
    expect(await unansweredCommand(config(), 20, false, io)).toBe(0);
    const lines = io.stdout.split('\n');
    expect(lines[1]).toMatch(/^\s+2 {2}\S+ {2}no answer {2}wat is dansen$/);
    expect(lines[2]).toMatch(/^\s+1 {2}\S+ {2}suggested {2}sociale wijkteams$/);
    const json = captureIo();
    expect(await unansweredCommand(config(), 1, true, json)).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ unanswered: [{ query: 'wat is dansen', count: 2, lastSeen: expect.any(String), outcome: 'none' }] });
  });

  test('an empty store says nothing was counted or recorded yet', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'rp-ops-cli-empty-'));
    const io = captureIo();
    expect(await unansweredCommand(config(), 20, false, io)).toBe(0);
    expect(io.stdout).toContain('No unanswered questions counted yet');
    expect(await statusCommand(config(), false, io)).toBe(0);
    expect(io.stdout).toContain('no load recorded yet');
  });
});
