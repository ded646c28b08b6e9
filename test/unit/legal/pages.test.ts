import { escapeHtml, renderLegalPage } from '../../../src/legal/html.js';
import { legalPage, type LegalPageName } from '../../../src/legal/pages.js';

/** The texts of the privacy statement and terms of use, without a server. */

const NAMES: LegalPageName[] = ['privacy', 'voorwaarden'];
const sentences = (text: string): string[] => text.split(/(?<=[.?!])\s+/).filter(Boolean);

describe('legal pages', () => {
  test.each(NAMES)('%s: without settings the page says what is missing and names no organisation', (name) => {
    const page = legalPage(name, { retentionDays: 30 });
    expect(page.notice).toBe('Let op: de beheerder van deze bot heeft de naam van de organisatie (ORGANISATION_NAME) en een contactadres (PRIVACY_CONTACT) nog niet ingevuld.');
    expect(page.intro).toContain('De aanbieder van de bot is verantwoordelijk voor de bot');
  });

  test.each(NAMES)('%s: plain language, short sentences (B1: at most 25 words each)', (name) => {
    const page = legalPage(name, { organisation: 'Gemeente Ons Dorp', contact: 'privacy@onsdorp.nl', retentionDays: 30 });
    const texts = [page.intro, ...page.sections.flatMap((s) => [...(s.paragraphs ?? []), ...(s.list ?? [])])];
    const long = texts.flatMap(sentences).filter((s) => s.split(/\s+/).length > 25);
    expect(long).toEqual([]);
    expect(page.notice).toBeUndefined();
  });

  test('every text is escaped in the HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const html = renderLegalPage({ title: '<T>', notice: '<N>', intro: '<I>', sections: [{ heading: '<H>', paragraphs: ['<P>'], list: ['<L>'] }] });
    for (const part of ['T', 'N', 'I', 'H', 'P', 'L']) {
      expect(html).not.toContain(`<${part}>`);
      expect(html).toContain(`&lt;${part}&gt;`);
    }
  });
});
