import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { Problem } from './problems.js';

export type PathSegment = string | number;

/** A parsed YAML file that can point at the line and column of any value in it. */
export interface YamlFile {
  readonly file: string;
  readonly data: unknown;
  /** Problems of YAML syntax; when non-empty, `data` must not be trusted. */
  readonly syntaxProblems: readonly Problem[];
  problemAt(path: readonly PathSegment[], field: string, message: string): Problem;
  /** The source text of the value at `path` and its offset in the file, to point inside a long text. */
  sourceOf(path: readonly PathSegment[]): { readonly text: string; readonly offset: number } | undefined;
  /** A problem at an offset in the file (one found in `sourceOf`'s text). */
  problemAtOffset(offset: number, field: string, message: string): Problem;
}

export function parseYamlFile(file: string, text: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntaxProblems: Problem[] = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return { file, line: pos.line, column: pos.col, field: '', message: yamlMessage(e.code, e.message) };
  });
  const data = syntaxProblems.length === 0 ? doc.toJS() : undefined;
  return {
    file,
    data,
    syntaxProblems,
    problemAt(path, field, message) {
      const { line, col } = locate(doc, lineCounter, path);
      return { file, line, column: col, field, message };
    },
    sourceOf(path) {
      const node = doc.getIn(path, true);
      if (!isNode(node) || !node.range) return undefined;
      return { text: text.slice(node.range[0], node.range[1]), offset: node.range[0] };
    },
    problemAtOffset(offset, field, message) {
      const { line, col } = lineCounter.linePos(offset);
      return { file, line, column: col, field, message };
    },
  };
}

/** The position of the deepest node on `path` that exists (a missing field points at its parent). */
function locate(doc: Document, lc: LineCounter, path: readonly PathSegment[]): { line: number; col: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]);
  }
  return { line: 1, col: 1 };
}

/** Dutch, with the YAML library's own (English) detail line kept after the colon: it names what it saw. */
function yamlMessage(code: string, raw: string): string {
  const first = raw.split('\n')[0] ?? raw;
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'YAML-fout: hetzelfde veld staat twee keer in één blok; laat er één staan';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `YAML-fout (controleer inspringing, dubbele punten en aanhalingstekens): ${first}`;
    default:
      return `YAML-fout: ${first}`;
  }
}
