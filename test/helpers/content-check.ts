import { readAndValidate } from '../../src/knowledge/load.js';
import { formatProblem } from '../../src/knowledge/problems.js';
import type { ContentReport, ContentRule } from '../../src/knowledge/content-rules/content-report.js';
import { makeKnowledgeDir } from './knowledge-dir.js';

/**
 * A concept entry as YAML lines with the texts and sources a content-rule test needs. A source is a url
 * (titled "Bron") or `{ title }`: a publication that is not online.
 */
export function textConcept(c: { id: string; short: string; explanation: string; sources?: Array<string | { title: string }>; verified?: boolean }): string {
  const block = (text: string) => text.split('\n').map((l) => `      ${l}`);
  const sources = c.sources ?? ['https://www.movisie.nl/artikel/sociale-basis'];
  return [
    `  - id: ${c.id}`,
    `    term: ${c.id}`,
    '    category: sociale-basis',
    '    short: >-',
    ...block(c.short),
    '    explanation: |',
    ...block(c.explanation),
    ...(c.verified === false ? ['    verified: false'] : []),
    ...(sources.length ? ['    sources:', ...sources.flatMap((s) => (typeof s === 'string' ? ['      - title: Bron', `        url: ${s}`] : [`      - title: ${JSON.stringify(s.title)}`]))] : []),
  ].join('\n');
}

/** Validates a knowledge folder made of `files` with the content rules on; throws when it has errors. */
export async function contentOf(files: Record<string, string>): Promise<ContentReport> {
  const k = makeKnowledgeDir(files);
  try {
    const result = await readAndValidate(k.dir, { contentRules: true });
    if (!result.ok) throw new Error(`expected valid knowledge:\n${result.problems.map(formatProblem).join('\n')}`);
    if (!result.content) throw new Error('the content rules did not run');
    return result.content;
  } finally {
    k.cleanup();
  }
}

/** The warnings of one rule as `file:line:column  field: message` lines. */
export function linesOf(report: ContentReport, rule: ContentRule): string[] {
  return report.warnings.filter((w) => w.rule === rule).map(formatProblem);
}
