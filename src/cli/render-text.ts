import { assertNever, type Reply } from '../bot/replies.js';
import { texts } from '../bot/texts.js';

/** Replies as plain text for the terminal; buttons become numbered options the user can type. */
export function renderText(replies: readonly Reply[], opts: { numbered?: boolean } = {}): string {
  const out: string[] = [];
  let n = 0;
  const option = (label: string): string => (opts.numbered ? `  ${++n}. ${label}` : `  - ${label}`);
  for (const reply of replies) {
    switch (reply.kind) {
      case 'answer': {
        out.push(`${reply.term}`, '', reply.short, '', reply.explanation.trim());
        if (!reply.verified) out.push('', texts.lookup.unverified);
        if (reply.sources.length > 0) out.push('', `${texts.lookup.sources}:`, ...reply.sources.map((s) => `  - ${s.title} <${s.url}>`));
        if (reply.related.length > 0) out.push('', `${texts.lookup.related}:`, ...reply.related.map((a) => option(a.label)));
        break;
      }
      case 'suggestions':
        out.push(reply.text, ...reply.options.map((a) => option(a.label)));
        break;
      case 'notice':
        out.push(reply.text, ...reply.actions.map((a) => option(a.label)));
        break;
      default:
        assertNever(reply);
    }
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}
