import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { askCommand, evalCommand, validateCommand, type Io } from '../../../src/cli/knowledge-cli.js';
import { conceptYaml, makeKnowledgeDir, REPO_ROOT } from '../../helpers/knowledge-dir.js';

function captureIo(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

const valid = {
  'concepts/a.yaml': `concepts:\n${conceptYaml({ id: 'sociale-basis', term: 'Sociale basis', aliases: ['soc basis'], related: ['wmo'] })}\n${conceptYaml({ id: 'wmo', term: 'Wet maatschappelijke ondersteuning', aliases: ['Wmo'], category: 'stelsel' })}\n`,
};

describe('routeplanner CLI commands', () => {
  let k: ReturnType<typeof makeKnowledgeDir>;
  beforeEach(() => (k = makeKnowledgeDir(valid)));
  afterEach(() => k.cleanup());

  test('ask --json gives query, outcome and results with id, term and score', async () => {
    const io = captureIo();
    expect(await askCommand(k.dir, 'wat is de socale basis?', true, io)).toBe(0);
    const json = JSON.parse(io.stdout);
    expect(json).toEqual({ query: 'wat is de socale basis?', outcome: 'match', results: [{ id: 'sociale-basis', term: 'Sociale basis', score: expect.any(Number) }] });
  });

  test('ask prints the answer as the bot would: term, short answer, sources and related concepts', async () => {
    const io = captureIo();
    await askCommand(k.dir, 'sociale basis', false, io);
    expect(io.stdout).toContain('Sociale basis');
    expect(io.stdout).toContain('Korte uitleg van Sociale basis.');
    expect(io.stdout).toContain('Bronnen:\n  - Bron <https://www.movisie.nl/>');
    expect(io.stdout).toContain('Zie ook:\n[a] Wet maatschappelijke ondersteuning');
  });

  test('ask says honestly when it does not know', async () => {
    const io = captureIo();
    await askCommand(k.dir, 'weerbericht utrecht', false, io);
    expect(io.stdout).toMatch(/^Daar heb ik geen antwoord op\./);
    const json = captureIo();
    await askCommand(k.dir, 'weerbericht utrecht', true, json);
    expect(JSON.parse(json.stdout)).toEqual({ query: 'weerbericht utrecht', outcome: 'none', results: [] });
  });

  test('eval --json reports in-domain hits, top 3, out-of-domain and misses', async () => {
    const file = path.join(k.dir, 'q.jsonl');
    writeFileSync(file, ['{"query": "soc basis", "expect": "Sociale Basis"}', '{"query": "wmo", "expect": "wmo"}', '{"query": "sociale", "expect": "wmo"}', '{"query": "qwerty", "expect": null}', ''].join('\n'));
    const io = captureIo();
    expect(await evalCommand(k.dir, file, true, io)).toBe(0);
    const report = JSON.parse(io.stdout);
    expect(report.inDomain).toEqual({ total: 3, hits: 2, top3: 2 });
    expect(report.outOfDomain).toEqual({ total: 1, none: 1, confident: 0 });
    expect(report.misses).toEqual([{ query: 'sociale', expect: 'wmo', outcome: 'suggest', got: ['sociale-basis'] }]);

    const text = captureIo();
    await evalCommand(k.dir, file, false, text);
    expect(text.stdout).toContain('in-domain:     2/3 hit (66.7%), 2/3 in top 3 (66.7%)');
    expect(text.stdout).toContain('MISS  "sociale"  expected "wmo", got suggest [sociale-basis]');
  });

  test('eval names the bad line of a malformed file', async () => {
    const file = path.join(k.dir, 'bad.jsonl');
    writeFileSync(file, '{"query": "a", "expect": null}\n{query: nope}\n');
    const io = captureIo();
    expect(await evalCommand(k.dir, file, false, io)).toBe(2);
    expect(io.stderr).toBe(`${file}:2: not valid JSON\n`);
  });

  test('validate exits 1 with the full list, 0 with a summary', async () => {
    const io = captureIo();
    expect(await validateCommand(k.dir, io)).toBe(0);
    // both concepts cite a bare home page (https://www.movisie.nl/): content warnings, which never fail validate
    expect(io.stdout).toMatch(/\nOK: 2 begrippen en \d+ gesprekken, versie [0-9a-f]{12}, 2 waarschuwingen\n$/);
    expect(io.stderr.split('\n').filter((l) => l.startsWith('  let op: concepts/a.yaml:') && l.includes('alleen de voorpagina van movisie.nl'))).toHaveLength(2);

    const broken = makeKnowledgeDir({ 'concepts/a.yaml': `concepts:\n${conceptYaml({ id: 'a', term: 'A', related: ['x', 'y'] })}\n` });
    const bad = captureIo();
    expect(await validateCommand(broken.dir, bad)).toBe(1);
    broken.cleanup();
    expect(bad.stderr).toMatch(/^De kennis in .+ klopt niet \(2 fouten\):\n/);
    expect(bad.stderr.split('\n').filter((l) => l.includes('er is geen begrip'))).toHaveLength(2);
  });
});

describe('routeplanner validate: content rules and figures', () => {
  let k: ReturnType<typeof makeKnowledgeDir>;
  beforeEach(() => (k = makeKnowledgeDir(valid)));
  afterEach(() => k.cleanup());

  // "Korte uitleg van Sociale basis." (5 words) and "... Wet maatschappelijke ondersteuning." (6), likewise the
  // explanations; "maatschappelijke" and "ondersteuning" are the 2 long words of 11
  const figures = { sentences: 2, wordsPerSentence: 5.5, over20Pct: 0, over25Pct: 0, longestSentence: 6, longWordsPct: 18.2 };
  const homePage = 'dit is alleen de voorpagina van movisie.nl; verwijs naar de pagina waar het feit staat';

  test('--json gives the version, the problems, every warning (a content rule\'s with its rule) and the figures', async () => {
    const io = captureIo();
    expect(await validateCommand(k.dir, io, true)).toBe(0);
    expect(io.stderr).toBe('');
    expect(JSON.parse(io.stdout)).toEqual({
      ok: true,
      version: expect.stringMatching(/^[0-9a-f]{12}$/),
      counts: { concepts: 2, dialogues: 0 },
      problems: [],
      warnings: [
        { file: 'concepts/a.yaml', line: 12, column: 14, field: 'sociale-basis.sources[0].url', message: homePage, rule: 'sources' },
        { file: 'concepts/a.yaml', line: 23, column: 14, field: 'wmo.sources[0].url', message: homePage, rule: 'sources' },
      ],
      figures: {
        readability: { short: figures, explanation: figures, all: { ...figures, sentences: 4 } },
        warningsPerRule: { sources: 2, readability: 0, abbreviations: 0, 'team-address': 0, 'duplicate-sentences': 0 },
      },
    });
  });

  test('--json on invalid knowledge: exit 1, no version, the problems, and the figures of what could be read', async () => {
    const broken = makeKnowledgeDir({ 'concepts/a.yaml': `concepts:\n${conceptYaml({ id: 'a', term: 'A', related: ['x'] })}\n` });
    const io = captureIo();
    try {
      expect(await validateCommand(broken.dir, io, true)).toBe(1);
    } finally {
      broken.cleanup();
    }
    const json = JSON.parse(io.stdout);
    expect(json).toMatchObject({ ok: false, version: null, counts: null, problems: [{ file: 'concepts/a.yaml', field: 'a.related[0]', message: 'er is geen begrip met id "x"' }] });
    expect(json.figures.readability.short).toEqual({ sentences: 1, wordsPerSentence: 4, over20Pct: 0, over25Pct: 0, longestSentence: 4, longWordsPct: 0 });
    expect(json.figures.warningsPerRule.sources).toBe(1);
  });

  test('prints the figures and the warnings per rule in Dutch', async () => {
    const io = captureIo();
    await validateCommand(k.dir, io);
    const line = '2 zinnen, gemiddeld 5,5 woorden per zin; 0,0% langer dan 20 woorden, 0,0% langer dan 25; 18,2% lange woorden (4 of meer lettergrepen)';
    expect(io.stdout.split('\n')).toEqual([
      'Leesbaarheid (doel voor taalniveau B1: korte antwoorden gemiddeld hoogstens 14 woorden per zin, uitleg hoogstens 15, geen zin langer dan 25 woorden):',
      `  korte antwoorden: ${line}`,
      `  uitleg:           ${line}`,
      `  samen:            ${line.replace('2 zinnen', '4 zinnen')}`,
      'Waarschuwingen per regel: bronnen 2, lange zinnen 0, afkortingen 0, "jullie" in teamgesprekken 0, dubbele zinnen 0',
      expect.stringMatching(/^OK: 2 begrippen en 0 gesprekken, versie [0-9a-f]{12}, 2 waarschuwingen$/),
      '',
    ]);
  });
});

describe('routeplanner CLI as a program', () => {
  test('npm run --silent routeplanner -- ask "..." --json works from the repository', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'routeplanner', '--', 'ask', 'wat is de sociale basis?', '--json'], {
      cwd: REPO_ROOT,
      env: { ...process.env, KNOWLEDGE_DIR: path.join(REPO_ROOT, 'knowledge') },
    });
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ query: 'wat is de sociale basis?', outcome: 'match' });
    expect(json.results[0]).toEqual({ id: 'sociale-basis', term: 'Sociale basis', score: 1 });
  }, 60_000);

  test('npm run --silent routeplanner -- validate --json checks the shipped knowledge: valid, with figures', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'routeplanner', '--', 'validate', '--json', path.join(REPO_ROOT, 'knowledge')], { cwd: REPO_ROOT });
    const json = JSON.parse(stdout);
    // the content warnings on the shipped texts change as editors work: only errors fail here
    expect({ ok: json.ok, problems: json.problems }).toEqual({ ok: true, problems: [] });
    expect(json.figures.readability.all.sentences).toBeGreaterThan(0);
    expect(Object.keys(json.figures.warningsPerRule)).toEqual(['sources', 'readability', 'abbreviations', 'team-address', 'duplicate-sentences']);
  }, 120_000); // a build and a run: on the shared two-core machine the file took 61 s in a full run
});
