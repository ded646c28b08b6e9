import { loadKnowledge } from '../../../src/knowledge/load.js';
import { formatProblem } from '../../../src/knowledge/problems.js';
import { conceptYaml, makeKnowledgeDir } from '../../helpers/knowledge-dir.js';

/** The optional files at the top of the knowledge folder: validated with file and line, part of the version. */

const CONCEPTS = `concepts:\n${conceptYaml({ id: 'decentralisaties', term: 'Decentralisaties van 2015', aliases: ['decentralisaties'] })}\n`;

async function load(files: Record<string, string>) {
  const dir = makeKnowledgeDir({ 'concepts/a.yaml': CONCEPTS, ...files });
  try {
    return await loadKnowledge(dir.dir);
  } finally {
    dir.cleanup();
  }
}

describe('synonyms.yaml', () => {
  test('is optional, and when present it is part of the version and used by the lookup', async () => {
    const without = await load({});
    const withSynonyms = await load({ 'synonyms.yaml': 'synonyms:\n  - means: decentralisatie\n    say: [overheveling]\n' });
    if (!without.ok || !withSynonyms.ok) throw new Error('expected valid knowledge');
    expect(withSynonyms.snapshot.version).not.toBe(without.snapshot.version);
    expect(without.snapshot.index.lookup('overheveling').outcome).toBe('none');
    expect(withSynonyms.snapshot.index.lookup('overheveling').hits[0]?.concept.id).toBe('decentralisaties');
  });

  test('reports, with file and line, a meaning no term or alias uses, filler-only phrases and unknown fields', async () => {
    const result = await load({
      'synonyms.yaml': [
        'synonyms:',
        '  - means: decentralisatie',
        '    say: [overheveling, de van het]',
        '  - means: hervorming',
        '    say: [omslag]',
        '  - means: decentralisatie',
        '    say: [overdracht]',
        '    colour: blauw',
        '',
      ].join('\n'),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual([
      'synonyms.yaml:3:25  synonyms[0].say[1]: "de van het" bestaat alleen uit vulwoorden (zoals "de", "wat", "van"); die slaat de zoekfunctie over',
      'synonyms.yaml:4:12  synonyms[1].means: "hervorming" staat in geen enkele term of alias; de zoekfunctie kan er dan niets mee',
      'synonyms.yaml:8:13  synonyms[2].colour: onbekend veld "colour" (controleer de spelling)',
    ]);
  });

  test('a file without the list is one clear problem', async () => {
    const result = await load({ 'synonyms.yaml': 'woorden: []\n' });
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual(['synonyms.yaml:1:1  het bestand moet beginnen met "synonyms:" met daaronder de lijst']);
  });
});

describe('smalltalk.yaml', () => {
  test('is optional, and when present it is in the snapshot and part of the version', async () => {
    const without = await load({});
    const withTalk = await load({ 'smalltalk.yaml': 'extraWords: [Bot]\nreplies:\n  - id: groet\n    say: [hallo, hoi]\n    reply: Hoi!\n    help: button\n' });
    if (!without.ok || !withTalk.ok) throw new Error('expected valid knowledge');
    expect(without.snapshot.smalltalk.entries).toEqual([]);
    expect(withTalk.snapshot.smalltalk).toEqual({ extraWords: ['bot'], entries: [{ id: 'groet', say: ['hallo', 'hoi'], emoji: false, reply: 'Hoi!', help: 'button' }] });
    expect(withTalk.snapshot.version).not.toBe(without.snapshot.version);
  });

  test('reports, with file and line, phrases that are concept names, used twice or without letters, and entries without phrases', async () => {
    const result = await load({
      'smalltalk.yaml': [
        'replies:',
        '  - id: groet',
        '    say: [hallo, decentralisaties, "👋"]',
        '    reply: Hoi!',
        '  - id: bedankt',
        '    say: [Hallo!]',
        '    reply: Graag gedaan!',
        '  - id: leeg',
        '    reply: Niets.',
        '  - id: fout',
        '    say: [doei]',
        '    reply: Dag!',
        '    help: altijd',
        '',
      ].join('\n'),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual([
      'smalltalk.yaml:3:18  groet.say[1]: "decentralisaties" is ook een naam van begrip "decentralisaties"; wie daarnaar vraagt, moet het antwoord krijgen',
      'smalltalk.yaml:3:36  groet.say[2]: "👋" bevat geen letters of cijfers; gebruik "emoji: true" voor emoji',
      'smalltalk.yaml:6:11  bedankt.say[0]: "Hallo!" staat ook bij "groet"; een zinnetje mag maar bij één antwoord horen',
      'smalltalk.yaml:8:5  leeg: geef zinnetjes onder "say", of zet "emoji: true"',
      'smalltalk.yaml:13:11  fout.help: onbekende waarde "altijd"; kies uit: button, menu',
    ]);
  });
});
