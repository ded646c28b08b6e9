import { renderText } from '../../../src/cli/render-text.js';

/** The terminal shows a source as "title <url>", and a publication that is not online by its title alone. */

test('a source that is not online is listed without a link', () => {
  const { text } = renderText([{
    kind: 'answer', conceptId: 'vijf-knoppen', term: 'De vijf knoppen', short: 'Kort.', explanation: 'Uitleg.', verified: true, related: [], actions: [],
    sources: [{ title: 'Movisie', url: 'https://www.movisie.nl/' }, { title: 'Platform31 (15 april 2014): Het kan anders en beter (niet meer online)' }],
  }]);
  expect(text).toContain('Bronnen:\n  - Movisie <https://www.movisie.nl/>\n  - Platform31 (15 april 2014): Het kan anders en beter (niet meer online)\n');
  expect(text).not.toMatch(/<undefined>|niet meer online\) </);
});
