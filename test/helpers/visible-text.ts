/** Every `text` and `title` string in a card or block tree, one per line: what a person would read. */
export function visibleText(node: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (typeof o['text'] === 'string') out.push(o['text']);
    if (typeof o['title'] === 'string') out.push(o['title']);
    Object.values(o).forEach(walk);
  };
  walk(node);
  return out.join('\n');
}
