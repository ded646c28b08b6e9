import { exportMarkdown } from '../../../src/bot/dialogues/summary.js';
import type { SummaryReply } from '../../../src/bot/replies.js';
import type { Concept, Source } from '../../../src/knowledge/schema.js';

/** The Markdown export cites each offered concept's first source: a link, or the title of a publication that is not online. */

const concept = (id: string, term: string, sources: Source[]): Concept => ({
  id, term, aliases: [], questions: [], category: 'vijf-knoppen', short: 'Kort.', explanation: 'Uitleg.', related: [], sources, verified: true,
});

test('a concept whose first source is not online is cited by that title, as plain text', () => {
  const summary: SummaryReply = { kind: 'summary', dialogueTitle: 'Zelfscan vijf knoppen', complete: true, items: [], conclusions: [], concepts: [], actions: [] };
  const offline = 'Platform31 (15 april 2014): Het kan anders en beter (niet meer online)';
  const { markdown } = exportMarkdown(summary, [
    concept('vijf-knoppen', 'De vijf knoppen', [{ title: offline }, { title: 'Movisie', url: 'https://www.movisie.nl/' }]),
    concept('sociale-basis', 'Sociale basis', [{ title: 'Movisie', url: 'https://www.movisie.nl/artikel/wat-sociale-basis-precies' }]),
    concept('zonder', 'Zonder bron', []),
  ], new Date('2026-03-01T10:00:00Z'));
  expect(markdown).toContain(`## Meer lezen\n\n- De vijf knoppen: ${offline}\n- Sociale basis: https://www.movisie.nl/artikel/wat-sociale-basis-precies\n- Zonder bron\n`);
  expect(markdown).not.toContain('undefined');
});
