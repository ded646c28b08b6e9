import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareProblems, type Problem } from './problems.js';
import { parseYamlFile, type YamlFile } from './yaml-file.js';
import { validateConcepts } from './validate-concepts.js';
import { validateDialogues } from './validate-dialogues.js';
import { createSearchIndex, type SearchIndex } from './search.js';
import type { KnowledgeSnapshot, LoadResult } from './snapshot.js';
import type { Concept } from './schema.js';
import { checkContent } from './content-rules/check-content.js';
import type { ContentReport } from './content-rules/content-report.js';
import type { ValidDialogue } from './validate-dialogues.js';
import { readTopFiles, validateTopFiles, type TopFile, type TopKnowledge } from './top-files.js';

const YAML_FILE = /\.ya?ml$/i;

interface RawFile {
  readonly rel: string;
  readonly text: string;
}

/** Everything of a snapshot but the search index: plain data, so a worker thread can make it. */
export interface ValidatedKnowledge extends TopKnowledge {
  readonly version: string;
  readonly concepts: readonly Concept[];
  readonly dialogues: readonly ValidDialogue[];
  readonly warnings: readonly Problem[];
}

/** `content`: the content rules' findings, when asked for (`routeplanner validate`; a reload does not ask). */
export type ValidationResult =
  | { readonly ok: true; readonly knowledge: ValidatedKnowledge; readonly content?: ContentReport }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly warnings: readonly Problem[]; readonly content?: ContentReport };

export interface ValidateOptions {
  /** Also run the content rules (plain language, sources, abbreviations, ...) on the valid concepts and dialogues. */
  readonly contentRules?: boolean;
}

/** Reads, validates and indexes the knowledge folder. Never throws for bad content: problems are the result. */
export async function loadKnowledge(dir: string): Promise<LoadResult> {
  return withIndex(await readAndValidate(dir));
}

/** Reads and validates the knowledge folder (no index). */
export async function readAndValidate(dir: string, options: ValidateOptions = {}): Promise<ValidationResult> {
  const problems: Problem[] = [];
  const rootProblem = await folderCheck(dir, '.');
  if (rootProblem) return { ok: false, problems: [rootProblem], warnings: [] };
  const conceptFiles = await readFolder(dir, 'concepts', problems);
  if (problems.length === 0 && conceptFiles.length === 0) {
    problems.push(folderProblem('concepts', 'in deze map staan geen begrippenbestanden (*.yaml)'));
  }
  // dialogues are optional: a knowledge base may hold concepts only
  const dialogueFiles = (await folderCheck(dir, 'dialogues')) ? [] : await readFolder(dir, 'dialogues', problems);
  return validateFiles(conceptFiles, dialogueFiles, problems, await readTopFiles(dir, problems), options);
}

export function buildSnapshot(conceptFiles: readonly RawFile[], dialogueFiles: readonly RawFile[], readProblems: readonly Problem[] = [], topFiles: readonly TopFile[] = []): LoadResult {
  return withIndex(validateFiles(conceptFiles, dialogueFiles, readProblems, topFiles));
}

function withIndex(result: ValidationResult): LoadResult {
  return result.ok ? { ok: true, snapshot: snapshotOf(result.knowledge, createSearchIndex(result.knowledge.concepts, { synonyms: result.knowledge.synonyms })) } : result;
}

export function validateFiles(
  conceptFiles: readonly RawFile[],
  dialogueFiles: readonly RawFile[],
  readProblems: readonly Problem[] = [],
  topFiles: readonly TopFile[] = [],
  options: ValidateOptions = {},
): ValidationResult {
  const problems = [...readProblems];
  const parse = (files: readonly RawFile[]): YamlFile[] =>
    files.flatMap((f) => {
      const yaml = parseYamlFile(f.rel, f.text);
      problems.push(...yaml.syntaxProblems);
      return yaml.syntaxProblems.length > 0 ? [] : [yaml];
    });
  const conceptYamls = parse(conceptFiles);
  const concepts = validateConcepts(conceptYamls);
  problems.push(...concepts.problems);
  const conceptIds = new Set(concepts.concepts.map((c) => c.id));
  const dialogueYamls = parse(dialogueFiles);
  const dialogues = validateDialogues(dialogueYamls, conceptIds);
  problems.push(...dialogues.problems);
  const top = validateTopFiles(topFiles, concepts.concepts, problems);
  const warnings = [...concepts.warnings].sort(compareProblems);
  const content = options.contentRules
    ? checkContent({
        conceptFiles: conceptYamls,
        concepts: concepts.concepts,
        dialogueFiles: dialogueYamls,
        dialogues: dialogues.dialogues.map((d) => d.dialogue),
        abbreviations: top.abbreviations,
      })
    : undefined;
  if (problems.length > 0) return { ok: false, problems: problems.sort(compareProblems), warnings, content };
  return {
    content,
    ok: true,
    knowledge: {
      version: contentHash([...conceptFiles, ...dialogueFiles, ...topFiles]),
      concepts: concepts.concepts,
      dialogues: dialogues.dialogues,
      warnings,
      ...top,
    },
  };
}

export function snapshotOf(k: ValidatedKnowledge, index: SearchIndex): KnowledgeSnapshot {
  return {
    version: k.version,
    concepts: k.concepts,
    conceptsById: new Map(k.concepts.map((c) => [c.id, c])),
    index,
    dialogues: k.dialogues.map((d) => d.dialogue),
    dialoguesById: new Map(k.dialogues.map((d) => [d.dialogue.id, d])),
    warnings: k.warnings,
    smalltalk: k.smalltalk,
  };
}

/** A problem when `sub` of `root` is missing or not a folder. */
async function folderCheck(root: string, sub: string): Promise<Problem | undefined> {
  const dir = path.join(root, sub);
  try {
    if ((await stat(dir)).isDirectory()) return undefined;
    return folderProblem(sub, `is geen map (gezocht in ${path.resolve(dir)})`);
  } catch (err) {
    return folderProblem(sub, `kan niet worden gelezen (${describeFsError(err)}; gezocht in ${path.resolve(dir)})`);
  }
}

async function readFolder(root: string, sub: string, problems: Problem[]): Promise<RawFile[]> {
  const dir = path.join(root, sub);
  const notAFolder = await folderCheck(root, sub);
  if (notAFolder) {
    problems.push(notAFolder);
    return [];
  }
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => YAML_FILE.test(n)).sort();
  } catch (err) {
    problems.push(folderProblem(sub, `kan niet worden gelezen (${describeFsError(err)}; gezocht in ${path.resolve(dir)})`));
    return [];
  }
  const files: RawFile[] = [];
  for (const name of names) {
    const rel = `${sub}/${name}`;
    try {
      files.push({ rel, text: await readFile(path.join(dir, name), 'utf8') });
    } catch (err) {
      problems.push(folderProblem(rel, `kan niet worden gelezen (${describeFsError(err)})`));
    }
  }
  return files;
}

function folderProblem(file: string, message: string): Problem {
  return { file, line: 0, column: 0, field: '', message };
}

/** Why a file or folder cannot be read, in Dutch: it goes inside "kan niet worden gelezen (...)". */
function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'bestaat niet';
    case 'EACCES':
    case 'EPERM':
      return 'geen leesrechten';
    case 'EISDIR':
      return 'het is een map, geen bestand';
    default:
      return code ? `foutcode ${code}` : 'onbekende fout';
  }
}

function contentHash(files: readonly RawFile[]): string {
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => a.rel.localeCompare(b.rel))) hash.update(f.rel).update('\0').update(f.text).update('\0');
  return hash.digest('hex').slice(0, 12);
}
