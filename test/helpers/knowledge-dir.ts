import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A real knowledge folder in a temp directory, written from `{ 'concepts/a.yaml': '...' }`. */
export function makeKnowledgeDir(files: Record<string, string>): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'rp-knowledge-'));
  for (const [rel, text] of Object.entries(files)) {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A valid concept entry as YAML lines (indented as a list item under `concepts:`). */
export function conceptYaml(c: { id: string; term: string; aliases?: string[]; related?: string[]; category?: string }): string {
  return [
    `  - id: ${c.id}`,
    `    term: ${c.term}`,
    `    aliases: [${(c.aliases ?? []).join(', ')}]`,
    `    category: ${c.category ?? 'sociale-basis'}`,
    `    short: Korte uitleg van ${c.term}.`,
    `    explanation: |`,
    `      Langere uitleg van ${c.term}.`,
    `    related: [${(c.related ?? []).join(', ')}]`,
    `    sources:`,
    `      - title: Bron`,
    `        url: https://www.movisie.nl/`,
  ].join('\n');
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');
