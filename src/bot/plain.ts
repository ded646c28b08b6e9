/**
 * User-provided fragments (display names, typed dialogue names) inserted into our lightly marked-up
 * notice texts lose every markup character, so nobody can inject bold, links, mentions or HTML through
 * them on any platform. Fields that carry user text on their own (answers, tallies) stay verbatim: the
 * renderers put those in plain-text elements.
 */
export function plainFragment(text: string, max = 80): string {
  const cleaned = text
    .replace(/\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*/gi, '')
    .replace(/[*_~`[\]()<>|#\\!@&]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned || '?';
}
