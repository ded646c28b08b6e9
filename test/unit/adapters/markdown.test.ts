import { unwrapMarkdown } from '../../../src/adapters/markdown.js';
import { markdownToMrkdwn, replyToMessage } from '../../../src/adapters/slack/render.js';
import { replyToCard } from '../../../src/adapters/teams/render.js';
import type { AnswerReply } from '../../../src/bot/replies.js';

// as in the knowledge files: a YAML block scalar, wrapped at about 100 characters
const explanation = [
  'Het begrip wordt op verschillende manieren gebruikt. Het akkoord',
  'spreekt van vrij toegankelijke activiteiten; de Kamerbrief anders.',
  '',
  'Er zijn drie sferen: de **persoonlijke**, de **gemeenschappelijke**',
  'en de **institutionele** sociale basis. Stappen:',
  '1. verkennen',
  '2. kiezen, met een regel die',
  '   doorloopt',
  '- een punt',
  '',
].join('\n');

describe('concept explanations (Markdown) on screen', () => {
  test('wrapped lines of a paragraph are joined; paragraphs and list items keep their breaks', () => {
    expect(unwrapMarkdown(explanation)).toBe(
      [
        'Het begrip wordt op verschillende manieren gebruikt. Het akkoord spreekt van vrij toegankelijke activiteiten; de Kamerbrief anders.',
        '',
        'Er zijn drie sferen: de **persoonlijke**, de **gemeenschappelijke** en de **institutionele** sociale basis. Stappen:',
        '1. verkennen',
        '2. kiezen, met een regel die doorloopt',
        '- een punt',
      ].join('\n'),
    );
  });

  test('Slack: Markdown bold becomes mrkdwn bold, links become Slack links, and nothing can be injected', () => {
    expect(markdownToMrkdwn('Zie **dit** en [de site](https://www.movisie.nl/a?b=1&c=2).')).toBe('Zie *dit* en <https://www.movisie.nl/a?b=1&amp;c=2|de site>.');
    expect(markdownToMrkdwn('<!channel> en <https://evil.example|klik>')).toBe('&lt;!channel&gt; en &lt;https://evil.example|klik&gt;');
  });

  const answer: AnswerReply = { kind: 'answer', conceptId: 'x', term: 'Sociale basis', short: 'Kort.', explanation, sources: [], verified: true, related: [], actions: [] };

  test('Slack answer: the explanation section reads as one text per paragraph', () => {
    const section = replyToMessage(answer).blocks[1] as { text: { type: string; text: string } };
    expect(section.text.type).toBe('mrkdwn');
    expect(section.text.text).toContain('Het akkoord spreekt van');
    expect(section.text.text).toContain('de *persoonlijke*, de *gemeenschappelijke* en de *institutionele*');
  });

  test('Teams answer: the explanation keeps its Markdown bold (not turned into ***) and its lines are joined', () => {
    const json = JSON.stringify(replyToCard(answer));
    expect(json).toContain('de **persoonlijke**, de **gemeenschappelijke** en de **institutionele** sociale basis');
    expect(json).not.toContain('***');
    expect(json).toContain('Het akkoord spreekt van');
  });
});
