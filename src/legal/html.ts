import type { LegalPage } from './pages.js';

/**
 * A legal page as one self-contained HTML document: every text escaped, one inline style, no scripts, images,
 * fonts or other requests, so the headers can forbid everything else (see routes.ts).
 */
const STYLE = [
  'body{font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;max-width:42rem;margin:2rem auto;padding:0 1rem}',
  'h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}',
  '.notice{border-left:4px solid #b35900;padding:.5rem 1rem;background:#fff4e5}',
  'footer{margin-top:3rem;font-size:.9rem}a{color:#005a61}',
].join('');

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export function renderLegalPage(page: LegalPage): string {
  const e = escapeHtml;
  const sections = page.sections.map((s) =>
    [
      `<h2>${e(s.heading)}</h2>`,
      ...(s.paragraphs ?? []).map((p) => `<p>${e(p)}</p>`),
      ...(s.list ? [`<ul>${s.list.map((item) => `<li>${e(item)}</li>`).join('')}</ul>`] : []),
    ].join('\n'),
  );
  return [
    '<!doctype html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(page.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${e(page.title)}</h1>`,
    ...(page.notice ? [`<p class="notice">${e(page.notice)}</p>`] : []),
    `<p>${e(page.intro)}</p>`,
    ...sections,
    '</main>',
    '<footer><a href="/privacy">Privacyverklaring</a> · <a href="/voorwaarden">Gebruiksvoorwaarden</a></footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
