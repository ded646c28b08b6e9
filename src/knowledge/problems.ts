/**
 * A problem found while loading knowledge files: where it is and what is wrong, in words an admin
 * understands. Problems are values, never thrown: a broken file is an expected outcome.
 */
export interface Problem {
  /** Path relative to the knowledge folder, with forward slashes (`concepts/sociale-basis.yaml`). */
  readonly file: string;
  /** 1-based line and column; 0 when the problem concerns a whole file or folder. */
  readonly line: number;
  readonly column: number;
  /** Where in the file: `sociale-basis.sources[0].url`, or '' for the file as a whole. */
  readonly field: string;
  readonly message: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  return p.field ? `${where}  ${p.field}: ${p.message}` : `${where}  ${p.message}`;
}

export function compareProblems(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}
