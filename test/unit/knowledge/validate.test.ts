import path from 'node:path';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import { formatProblem, type Problem } from '../../../src/knowledge/problems.js';
import { conceptYaml, makeKnowledgeDir } from '../../helpers/knowledge-dir.js';

async function problemsOf(files: Record<string, string>): Promise<Problem[]> {
  const k = makeKnowledgeDir(files);
  try {
    const result = await loadKnowledge(k.dir);
    if (result.ok) throw new Error('expected invalid knowledge');
    return [...result.problems];
  } finally {
    k.cleanup();
  }
}

describe('knowledge validation', () => {
  test('valid files load into a snapshot with a content version', async () => {
    const files = {
      'concepts/a.yaml': `concepts:\n${conceptYaml({ id: 'sociale-basis', term: 'Sociale basis', aliases: ['soc basis'], related: ['wmo'] })}\n${conceptYaml({ id: 'wmo', term: 'Wmo', category: 'stelsel' })}\n`,
    };
    const k = makeKnowledgeDir(files);
    const again = makeKnowledgeDir(files);
    try {
      const result = await loadKnowledge(k.dir);
      const second = await loadKnowledge(again.dir);
      expect(result.ok).toBe(true);
      if (!result.ok || !second.ok) return;
      expect(result.snapshot.concepts.map((c) => c.id)).toEqual(['sociale-basis', 'wmo']);
      expect(result.snapshot.version).toMatch(/^[0-9a-f]{12}$/);
      expect(second.snapshot.version).toBe(result.snapshot.version);
    } finally {
      k.cleanup();
      again.cleanup();
    }
  });

  test('reports every problem in one pass, each with file, line, column and field', async () => {
    const problems = await problemsOf({
      'concepts/a.yaml': [
        'concepts:',
        conceptYaml({ id: 'sociale-basis', term: 'Sociale basis', aliases: ['soc basis'], related: ['wmo', 'bestaat-niet'] }),
        '  - id: wmo', //                                                   line 13
        '    term: Wmo',
        '    aliases: [soc basis]', //                                      alias of another concept
        '    category: wetten', //                                          not a category
        '    short: ""', //                                                 empty answer
        '    explanation: uitleg',
        '    sources:',
        '      - title: Bron',
        '        url: http://www.movisie.nl/', //                           not https
        '    colour: rood', //                                              unknown field
        conceptYaml({ id: 'wmo', term: 'Dubbel' }), //                        duplicate id at line 23
        '',
      ].join('\n'),
    });
    const lines = problems.map(formatProblem);
    expect(lines).toEqual([
      'concepts/a.yaml:9:20  sociale-basis.related[1]: there is no concept with id "bestaat-niet"',
      'concepts/a.yaml:15:15  wmo.aliases[0]: "soc basis" is also a name of concept "sociale-basis" ("soc basis"); a name may belong to one concept only',
      expect.stringMatching(/^concepts\/a\.yaml:16:15 {2}wmo\.category: the category must be one of: routeplanner, /),
      'concepts/a.yaml:17:12  wmo.short: the short answer is empty',
      'concepts/a.yaml:21:14  wmo.sources[0].url: the source url must be a public https:// address',
      'concepts/a.yaml:22:13  wmo.colour: unknown field "colour" (check the spelling)',
      'concepts/a.yaml:23:9  wmo.id: the id "wmo" is already used in concepts/a.yaml:13',
    ]);
  });

  test('a missing field is named', async () => {
    const problems = await problemsOf({ 'concepts/a.yaml': 'concepts:\n  - id: x\n    term: X\n    category: stelsel\n    short: kort\n' });
    expect(problems.map(formatProblem)).toEqual(['concepts/a.yaml:2:5  x.explanation: the field "explanation" is missing']);
  });

  test('a YAML syntax error is a located problem, not a stack trace, and other files are still checked', async () => {
    const problems = await problemsOf({
      'concepts/a.yaml': 'concepts:\n  - id: x\n    term: [niet gesloten\n',
      'concepts/b.yaml': `concepts:\n${conceptYaml({ id: 'b', term: 'B', related: ['nergens'] })}\n`,
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ file: 'concepts/a.yaml', line: 4, field: '' });
    expect(problems[0]!.message).toMatch(/^YAML syntax error/);
    expect(problems[0]!.message).not.toMatch(/\n|at .*\.js/);
    expect(problems[1]).toMatchObject({ file: 'concepts/b.yaml', field: 'b.related[0]' });
  });

  test('duplicate keys and a file without a concepts list are reported', async () => {
    const problems = await problemsOf({
      'concepts/a.yaml': 'concepts:\n  - id: x\n    id: y\n',
      'concepts/b.yaml': '- id: x\n',
    });
    expect(problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([
      'concepts/a.yaml:3 YAML syntax error: the same key appears twice in one entry',
      'concepts/b.yaml:1 the file must start with "concepts:" followed by a list of concepts',
    ]);
  });

  test('a missing folder, an empty folder and an unreadable file are reported by name', async () => {
    const missing = await loadKnowledge(path.join('/nonexistent', 'knowledge'));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problems[0]!.message).toMatch(/cannot be read \(it does not exist/);

    expect((await problemsOf({ 'concepts/README.txt': 'x' }))[0]!.message).toBe('there are no concept files (*.yaml) in this folder');

    // a folder named like a concept file cannot be read as one (root ignores file modes, so no chmod here)
    const unreadable = await problemsOf({ 'concepts/a.yaml/keep': '', 'concepts/b.yaml': 'concepts: []\n' });
    expect(unreadable.map(formatProblem)).toEqual(['concepts/a.yaml  cannot be read (it is a folder, not a file)']);
  });
});
