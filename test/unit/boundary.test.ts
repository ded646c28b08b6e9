import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from '../helpers/knowledge-dir.js';

/**
 * The core (src/bot) and the knowledge layer (src/knowledge) import no platform SDK, web server or store
 * library: not directly, and not through a relative import of another module (src/adapters, src/storage,
 * src/server.ts, or anything those import). Type-only imports count too: platform words stay out of the core.
 */

const FORBIDDEN = [/^botbuilder/, /^botframework-/, /^@slack\//, /^restify/, /^lowdb/, /^ioredis/];
const GUARDED = ['src/bot', 'src/knowledge'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Every module specifier of a file: static and dynamic imports, `import type`, re-exports. */
function specifiers(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

/** A relative specifier as the TypeScript file it names (`./x.js` is `./x.ts`). */
function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [base.replace(/\.js$/, '.ts'), `${base}.ts`, path.join(base, 'index.ts')].find((f) => existsSync(f) && f.endsWith('.ts'));
}

/** Forbidden imports reachable from `roots`, each with the chain of files that leads to it. */
function forbiddenImports(root: string, roots: readonly string[]): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const here = [...chain, path.relative(root, file)];
    for (const spec of specifiers(file)) {
      if (spec.startsWith('.')) {
        const next = resolve(file, spec);
        if (next) visit(next, here);
      } else if (FORBIDDEN.some((f) => f.test(spec))) {
        found.push(`${here.join(' -> ')} imports ${spec}`);
      }
    }
  };
  for (const dir of roots) for (const file of sourceFiles(path.join(root, dir))) visit(file, []);
  return found;
}

describe('import boundary', () => {
  test('src/bot and src/knowledge reach no botbuilder, @slack/*, restify, lowdb or ioredis', () => {
    expect(forbiddenImports(REPO_ROOT, GUARDED)).toEqual([]);
  });

  test('the check finds a direct import, a type-only import and one through a relative import of src/storage', () => {
    const root = path.join(tmpdir(), `rp-boundary-${process.pid}`);
    const write = (rel: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    };
    try {
      write('src/bot/direct.ts', "import { App } from '@slack/bolt';\nexport const a = App;\n");
      write('src/bot/typed.ts', "import type { Activity } from 'botbuilder';\nexport type A = Activity;\n");
      write('src/knowledge/indirect.ts', "export { openIt } from '../storage/open.js';\n");
      write('src/storage/open.ts', "import { Low } from 'lowdb';\nexport const openIt = () => Low;\n");
      write('src/bot/clean.ts', "import { z } from 'zod';\nimport type { Store } from '../storage/port.js';\nexport const s = z.string();\nexport type S = Store;\n");
      write('src/storage/port.ts', 'export interface Store { get(key: string): unknown }\n');
      expect(forbiddenImports(root, GUARDED).sort()).toEqual([
        'src/bot/direct.ts imports @slack/bolt',
        'src/bot/typed.ts imports botbuilder',
        'src/knowledge/indirect.ts -> src/storage/open.ts imports lowdb',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
