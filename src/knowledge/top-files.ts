import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ABBREVIATIONS_FILE, validateAbbreviations, type Abbreviation } from './abbreviations.js';
import type { Problem } from './problems.js';
import type { Concept } from './schema.js';
import { SMALLTALK_FILE, validateSmallTalk, type SmallTalk } from './smalltalk-schema.js';
import { SYNONYMS_FILE, validateSynonyms, type Synonym } from './synonyms.js';
import { parseYamlFile, type YamlFile } from './yaml-file.js';

/**
 * The optional files at the top of the knowledge folder, beside concepts/ and dialogues/: small talk,
 * synonyms and abbreviations. Each is read, validated (with file and line, like the others) and part of the version.
 */

export const TOP_FILES = [SMALLTALK_FILE, SYNONYMS_FILE, ABBREVIATIONS_FILE] as const;

export interface TopFile {
  readonly rel: string;
  readonly text: string;
}

export interface TopKnowledge {
  readonly smalltalk: SmallTalk;
  readonly synonyms: readonly Synonym[];
  /** Only `validate`'s content rules read them; a mistake in the file still stops a reload. */
  readonly abbreviations: readonly Abbreviation[];
}

/** Reads the top files that exist; a file that is there but cannot be read is a problem. */
export async function readTopFiles(dir: string, problems: Problem[]): Promise<TopFile[]> {
  const files: TopFile[] = [];
  for (const rel of TOP_FILES) {
    try {
      files.push({ rel, text: await readFile(path.join(dir, rel), 'utf8') });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') problems.push({ file: rel, line: 0, column: 0, field: '', message: `kan niet worden gelezen (foutcode ${(err as NodeJS.ErrnoException).code ?? 'onbekend'})` });
    }
  }
  return files;
}

export function validateTopFiles(files: readonly TopFile[], concepts: readonly Concept[], problems: Problem[]): TopKnowledge {
  const parsed = (rel: string): YamlFile | undefined => {
    const file = files.find((f) => f.rel === rel);
    if (!file) return undefined;
    const yaml = parseYamlFile(file.rel, file.text);
    problems.push(...yaml.syntaxProblems);
    return yaml.syntaxProblems.length > 0 ? undefined : yaml;
  };
  const smalltalk = validateSmallTalk(parsed(SMALLTALK_FILE), concepts);
  const synonyms = validateSynonyms(parsed(SYNONYMS_FILE), concepts);
  const abbreviationsFile = parsed(ABBREVIATIONS_FILE);
  const abbreviations = validateAbbreviations(abbreviationsFile ? [abbreviationsFile] : []);
  problems.push(...smalltalk.problems, ...synonyms.problems, ...abbreviations.problems);
  return { smalltalk: smalltalk.smalltalk, synonyms: synonyms.synonyms, abbreviations: abbreviations.abbreviations };
}
