import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareProblems, type Problem } from './problems.js';
import { parseYamlFile, type YamlFile } from './yaml-file.js';
import { validateConcepts } from './validate-concepts.js';
import { createSearchIndex } from './search.js';
import type { LoadResult } from './snapshot.js';

const YAML_FILE = /\.ya?ml$/i;

interface RawFile {
  readonly rel: string;
  readonly text: string;
}

/** Reads, validates and indexes the knowledge folder. Never throws for bad content: problems are the result. */
export async function loadKnowledge(dir: string): Promise<LoadResult> {
  const problems: Problem[] = [];
  const conceptFiles = await readFolder(dir, 'concepts', problems);
  if (problems.length === 0 && conceptFiles.length === 0) {
    problems.push(folderProblem('concepts', 'there are no concept files (*.yaml) in this folder'));
  }
  return buildSnapshot(conceptFiles, problems);
}

export function buildSnapshot(conceptFiles: readonly RawFile[], readProblems: readonly Problem[] = []): LoadResult {
  const problems = [...readProblems];
  const parsed: YamlFile[] = [];
  for (const f of conceptFiles) {
    const yaml = parseYamlFile(f.rel, f.text);
    if (yaml.syntaxProblems.length > 0) problems.push(...yaml.syntaxProblems);
    else parsed.push(yaml);
  }
  const concepts = validateConcepts(parsed);
  problems.push(...concepts.problems);
  const warnings = [...concepts.warnings].sort(compareProblems);
  if (problems.length > 0) return { ok: false, problems: problems.sort(compareProblems), warnings };

  return {
    ok: true,
    snapshot: {
      version: contentHash(conceptFiles),
      concepts: concepts.concepts,
      conceptsById: new Map(concepts.concepts.map((c) => [c.id, c])),
      index: createSearchIndex(concepts.concepts),
      warnings,
    },
  };
}

async function readFolder(root: string, sub: string, problems: Problem[]): Promise<RawFile[]> {
  const dir = path.join(root, sub);
  let names: string[];
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) {
      problems.push(folderProblem(sub, `is not a folder (looked in ${path.resolve(dir)})`));
      return [];
    }
    names = (await readdir(dir)).filter((n) => YAML_FILE.test(n)).sort();
  } catch (err) {
    problems.push(folderProblem(sub, `cannot be read (${describeFsError(err)}; looked in ${path.resolve(dir)})`));
    return [];
  }
  const files: RawFile[] = [];
  for (const name of names) {
    const rel = `${sub}/${name}`;
    try {
      files.push({ rel, text: await readFile(path.join(dir, name), 'utf8') });
    } catch (err) {
      problems.push(folderProblem(rel, `cannot be read (${describeFsError(err)})`));
    }
  }
  return files;
}

function folderProblem(file: string, message: string): Problem {
  return { file, line: 0, column: 0, field: '', message };
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'it does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'no permission to read it';
    case 'EISDIR':
      return 'it is a folder, not a file';
    default:
      return code ?? 'unknown error';
  }
}

function contentHash(files: readonly RawFile[]): string {
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => a.rel.localeCompare(b.rel))) hash.update(f.rel).update('\0').update(f.text).update('\0');
  return hash.digest('hex').slice(0, 12);
}
