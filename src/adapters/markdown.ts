/**
 * Concept explanations are Markdown, hard-wrapped in the knowledge files. Markdown joins the lines of a
 * paragraph, but Teams and Slack show every newline as a line break, so a wrapped explanation would break
 * mid-sentence on screen. This joins the lines of each paragraph again, keeping blank lines between
 * paragraphs and a line break before every list item.
 */
const LIST_ITEM = /^(?:[-*+]|\d+[.)])\s/;

export function unwrapMarkdown(markdown: string): string {
  return markdown
    .trim()
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .reduce((joined, line) => (joined === '' ? line : `${joined}${LIST_ITEM.test(line) ? '\n' : ' '}${line}`), ''),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}
