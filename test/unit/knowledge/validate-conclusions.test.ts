import { loadKnowledge } from '../../../src/knowledge/load.js';
import { formatProblem } from '../../../src/knowledge/problems.js';
import { conceptYaml, makeKnowledgeDir } from '../../helpers/knowledge-dir.js';

/** The conclusion fields of a dialogue file, checked with file, line and a Dutch message. */

const concepts = `concepts:\n${conceptYaml({ id: 'sociale-basis', term: 'Sociale basis' })}\n`;
const steps = [
  'id: scan',
  'title: Scan',
  'description: Een scan.',
  'intro: Welkom.',
  'steps:',
  '  - { id: a, kind: scale, title: A, prompt: Hoe? }',
  '  - { id: b, kind: scale, title: B, prompt: Hoe? }',
  '  - id: c',
  '    kind: multi',
  '    title: C',
  '    prompt: Wie?',
  '    choices: [{ id: x, label: X }, { id: niemand, label: Niemand, exclusive: true }]',
  'conclusions:',
];

async function load(conclusions: string[]): Promise<{ ok: boolean; lines: string[] }> {
  const k = makeKnowledgeDir({ 'concepts/a.yaml': concepts, 'dialogues/scan.yaml': [...steps, ...conclusions, ''].join('\n') });
  try {
    const result = await loadKnowledge(k.dir);
    return { ok: result.ok, lines: result.ok ? [] : result.problems.map(formatProblem) };
  } finally {
    k.cleanup();
  }
}

describe('conclusion validation', () => {
  test('the documented fields load: minAnswered, tied, highFrom with allHigh, tooFew, unless', async () => {
    expect(
      await load([
        '  - kind: lowest',
        '    steps: [a, b]',
        '    minAnswered: 2',
        '    text: "De knop {title} scoort het laagst ({score})."',
        '    tied: "De knoppen {title} scoren even laag ({score})."',
        '    highFrom: 4',
        '    allHigh: Alles scoort {score} of hoger.',
        '    tooFew: Te weinig scores.',
        '  - { kind: count, steps: [a, b], minAnswered: 1, atMost: 2, atLeast: 1, text: "Laag: {title}.", otherwise: Niets laag., tooFew: Te weinig. }',
        '  - kind: rule',
        '    when: [{ step: c, in: [niemand] }]',
        '    unless: [{ step: c, in: [x] }]',
        '    text: Niemand meer.',
      ]),
    ).toEqual({ ok: true, lines: [] });
  });

  test('reports each mistake at its line, in Dutch', async () => {
    const { ok, lines } = await load([
      '  - kind: lowest', //                                               line 14
      '    steps: [a, b, a]',
      '    minAnswered: 3', //                                              two distinct steps
      '    text: "Laagste: {titel}."', //                                  unknown placeholder
      '    allHigh: Alles hoog.', //                                        without highFrom
      '  - kind: count', //                                                line 19
      '    steps: [a, b]',
      '    atMost: 2',
      '    atLeast: 3', //                                                  more than there are steps
      '    text: Laag.',
      '    otherwise: "Niets onder {score}."', //                           nothing is filled in here
      '  - kind: rule', //                                                 line 25
      '    when: [{ step: c, in: [x] }]',
      '    unless: [{ step: c, in: [iemand] }]', //                         no such choice
      '    text: Tekst.',
    ]);
    expect(ok).toBe(false);
    expect(lines).toEqual([
      'dialogues/scan.yaml:16:18  scan.conclusions[0].minAnswered: "minAnswered" is 3, maar de conclusie kijkt naar 2 stappen; zo verschijnt ze nooit',
      'dialogues/scan.yaml:17:11  scan.conclusions[0].text: "{titel}" wordt hier niet ingevuld; gebruik {title} of {score}',
      'dialogues/scan.yaml:18:14  scan.conclusions[0].allHigh: "highFrom" en "allHigh" horen bij elkaar: geef de score vanaf waar alles hoog is én de tekst die de bot dan zegt',
      'dialogues/scan.yaml:22:14  scan.conclusions[1].atLeast: "atLeast" is 3, maar de conclusie telt 2 stappen; zo verschijnt "text" nooit',
      'dialogues/scan.yaml:24:16  scan.conclusions[1].otherwise: "{score}" wordt hier niet ingevuld; in deze tekst vult de bot niets in',
      'dialogues/scan.yaml:27:30  scan.conclusions[2].unless[0].in[0]: stap "c" heeft geen keuze "iemand"',
    ]);
  });

  test('schema errors (a minAnswered of 0) are reported before the other checks', async () => {
    const { lines } = await load(['  - { kind: count, steps: [a], minAnswered: 0, atMost: 2, atLeast: 1, text: T., otherwise: O. }']);
    expect(lines).toEqual([expect.stringMatching(/^dialogues\/scan\.yaml:14:\d+ {2}scan\.conclusions\[0\]\.minAnswered: is te klein: minimaal 1 \(nu 0\)$/)]);
  });

  test('highFrom without allHigh is reported at highFrom', async () => {
    const { lines } = await load(['  - { kind: lowest, steps: [a, b], text: Laag., highFrom: 4 }']);
    expect(lines).toEqual([expect.stringMatching(/^dialogues\/scan\.yaml:14:\d+ {2}scan\.conclusions\[0\]\.highFrom: "highFrom" en "allHigh" horen bij elkaar/)]);
  });
});
