import { loadKnowledge } from '../../../src/knowledge/load.js';
import { formatProblem } from '../../../src/knowledge/problems.js';
import { conceptYaml, makeKnowledgeDir } from '../../helpers/knowledge-dir.js';

/** `exclusive` ("cannot be combined with other options") only means something on a multi step. */
test('exclusive on a choice of a choice step is reported with file and line; on a multi step it is fine', async () => {
  const k = makeKnowledgeDir({
    'concepts/a.yaml': `concepts:\n${conceptYaml({ id: 'wmo', term: 'Wmo' })}\n`,
    'dialogues/d.yaml': [
      'id: d',
      'title: D',
      'description: Een gesprek.',
      'intro: Kort.',
      'steps:',
      '  - id: rol',
      '    kind: choice',
      '    title: Rol',
      '    prompt: Je rol?',
      '    choices:',
      '      - { id: beleid, label: Beleid }',
      '      - { id: anders, label: Anders, exclusive: true }', // line 12
      '  - id: thema',
      '    kind: multi',
      '    title: Thema',
      '    prompt: Welke thema’s?',
      '    choices:',
      '      - { id: jeugd, label: Jeugd }',
      '      - { id: geen, label: Geen, exclusive: true }',
      '',
    ].join('\n'),
  });
  try {
    const result = await loadKnowledge(k.dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual([
      'dialogues/d.yaml:12:49  d.steps[0].choices[1].exclusive: "exclusive" werkt alleen bij een multi-stap; bij een choice-stap kiest iemand altijd één antwoord',
    ]);
  } finally {
    k.cleanup();
  }
});
