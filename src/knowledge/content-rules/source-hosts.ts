/**
 * Web sites that are no source for a fact an official may quote. Add a host here when you find another:
 * a host matches itself and its subdomains (`slideshare.net` also covers `nl.slideshare.net`).
 */

/** Sites that put copies of other people's documents online (often with the publisher's name in the title). */
export const MIRROR_HOSTS: readonly string[] = [
  '5dok.net', '1library.net', '1library.co', 'pdfslide.net', 'pdfslide.tips', 'slideshare.net', 'docplayer.nl',
  'docplayer.net', 'studeersnel.nl', 'studocu.com', 'issuu.com', 'scribd.com', 'yumpu.com', 'dokumen.tips',
  'dokumen.pub', 'vdocuments.net', 'vdocuments.mx', 'fdocuments.net', 'fdocuments.nl', 'documents.pub', 'silo.tips',
  'pdfcoffee.com', 'studylib.net', 'docslib.org', 'kupdf.net',
];

/** Commercial aggregators and press-release sites: they pass on what others wrote, often without checking. */
export const AGGREGATOR_HOSTS: readonly string[] = ['overheidinfo.nl', 'perssupport.nl', 'prnewswire.com', 'businesswire.com', 'globenewswire.com'];

/** Reader comments under an article: an opinion, not the article. */
export const COMMENT_PAGES: ReadonlyArray<{ readonly host: string; readonly path: RegExp }> = [{ host: 'ntvg.nl', path: /\/comment\// }];

export type SourceVerdict =
  | { readonly kind: 'mirror' | 'aggregator' | 'comment' | 'home-page'; readonly host: string }
  | undefined;

/** Why a source url is not a good source, or undefined when nothing is known against it. */
export function judgeSourceUrl(url: string): SourceVerdict {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // the schema already reports a url that is no web address
    return undefined;
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const on = (list: readonly string[]): boolean => list.some((h) => host === h || host.endsWith(`.${h}`));
  if (on(MIRROR_HOSTS)) return { kind: 'mirror', host };
  if (on(AGGREGATOR_HOSTS)) return { kind: 'aggregator', host };
  if (COMMENT_PAGES.some((c) => on([c.host]) && c.path.test(parsed.pathname))) return { kind: 'comment', host };
  if (parsed.pathname === '/' && !parsed.search && !parsed.hash) return { kind: 'home-page', host };
  return undefined;
}
