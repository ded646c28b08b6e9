import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import nock from 'nock';
import { PNG } from 'pngjs';
import { SEARCH_COMMAND, SEARCH_PARAMETER } from '../../../src/adapters/teams/message-extension.js';
import { buildTeamsManifest, packageTeams } from '../../../src/cli/package-teams.js';
import { REPO_ROOT } from '../../helpers/knowledge-dir.js';

const DIR = path.join(REPO_ROOT, 'manifest/teams');
const BOT = '11111111-2222-3333-4444-555555555555';

beforeAll(() => nock.disableNetConnect());
afterAll(() => {
  nock.enableNetConnect();
  nock.restore(); // see onlyLoopback in ../../helpers/app.ts
});

/** Schema errors of a manifest object, from the official schema (see test/tools/validate-teams-manifest.mjs). */
function schemaErrors(manifest: unknown): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'rp-manifest-'));
  try {
    const file = path.join(dir, 'manifest.json');
    writeFileSync(file, JSON.stringify(manifest));
    // the child gets no proxy and the machine no route out: a schema download would fail the test
    const out = execFileSync('node', [path.join(REPO_ROOT, 'test/tools/validate-teams-manifest.mjs'), file], { encoding: 'utf8', cwd: REPO_ROOT });
    return JSON.parse(out) as string[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('Teams app manifest', () => {
  test('validates against the official Teams manifest schema bundled in @microsoft/app-manifest (no network)', () => {
    const manifest = JSON.parse(readFileSync(path.join(DIR, 'manifest.json'), 'utf8'));
    expect(manifest.manifestVersion).toBe('1.24');
    expect(manifest.$schema).toContain('/v1.24/');
    expect(schemaErrors(manifest)).toEqual([]);
    expect(schemaErrors({ ...manifest, bots: [{ ...manifest.bots[0], scopes: ['nowhere'] }] })).not.toEqual([]);
  });

  test('declares the bot in personal, team and groupChat with a Dutch command list', () => {
    const manifest = JSON.parse(readFileSync(path.join(DIR, 'manifest.json'), 'utf8'));
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual(expect.arrayContaining(['help', 'start', 'verder', 'samenvatting', 'vergeet mij']));
  });

  test('the message extension: one query command with the id and parameter the adapter answers; the bot takes files (export)', () => {
    const manifest = JSON.parse(readFileSync(path.join(DIR, 'manifest.json'), 'utf8'));
    expect(manifest.bots[0].supportsFiles).toBe(true);
    expect(manifest.composeExtensions).toHaveLength(1);
    const [extension] = manifest.composeExtensions;
    expect(extension).toMatchObject({ botId: manifest.bots[0].botId, composeExtensionType: 'botBased' });
    expect(extension.commands).toEqual([expect.objectContaining({ id: SEARCH_COMMAND, type: 'query', initialRun: true, parameters: [expect.objectContaining({ name: SEARCH_PARAMETER, inputType: 'text' })] })]);
    // a second extension is no valid manifest (Teams takes one)
    expect(schemaErrors({ ...manifest, composeExtensions: [extension, extension] })).not.toEqual([]);
  });

  test('icons: color 192x192, outline 32x32 with a transparent background', () => {
    const color = PNG.sync.read(readFileSync(path.join(DIR, 'color.png')));
    const outline = PNG.sync.read(readFileSync(path.join(DIR, 'outline.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.data[3]).toBe(0); // top-left pixel fully transparent
    const alphas = new Set<number>();
    for (let i = 3; i < outline.data.length; i += 4) alphas.add(outline.data[i]!);
    expect(alphas.has(0) && alphas.has(255)).toBe(true);
  });

  test('package:teams fills the bot id and domain and writes manifest and icons into the zip', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'rp-teams-'));
    try {
      const file = await packageTeams({ manifestDir: DIR, outFile: path.join(out, 'app.zip'), botId: BOT, appId: BOT, domain: 'bot.gemeente.nl' });
      const listing = execFileSync('python3', ['-c', 'import zipfile,sys,json; z=zipfile.ZipFile(sys.argv[1]); print(json.dumps([z.namelist(), json.loads(z.read("manifest.json"))]))', file], { encoding: 'utf8' });
      const [names, manifest] = JSON.parse(listing);
      expect(names.sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
      expect(manifest.bots[0].botId).toBe(BOT);
      expect(manifest.composeExtensions[0].botId).toBe(BOT);
      expect(manifest.validDomains).toEqual(['bot.gemeente.nl']);
      expect(schemaErrors(manifest)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('package:teams refuses a missing or malformed bot id or domain with a clear message', async () => {
    await expect(buildTeamsManifest({ manifestDir: DIR, outFile: '', botId: '', appId: BOT, domain: 'x.nl' })).rejects.toThrow('MicrosoftAppId must be');
    await expect(buildTeamsManifest({ manifestDir: DIR, outFile: '', botId: BOT, appId: BOT, domain: 'https://x.nl/' })).rejects.toThrow('BOT_DOMAIN must be');
  });
});
