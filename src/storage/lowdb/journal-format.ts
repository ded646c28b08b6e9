import { crc32 } from 'node:zlib';
import { StoreError } from '../port.js';
import { diskError, type Disk } from './disk.js';
import { cachedOf, type Change } from './entry.js';

/**
 * A journal line is `<entry number> <checksum> <change>`:
 *
 *     12 3a5f0c21 {"k":"user:u1:conv:c1","x":1767225600000,"v":{"step":"rol"}}
 *     13 0b1d22fe {"k":"user:u1:conv:c1","d":1}
 *
 * Entry numbers count on from the sealed journal into the live one, and the checksum (CRC-32 of the number
 * and the change) covers the line, so a damaged line shows as a wrong checksum and a missing one as a gap.
 * Journals written before entry numbers existed hold the change alone; such lines are read as they are.
 */
export function journalLine(seq: number, key: string, change: Change): string {
  const body =
    change === null
      ? `{"k":${JSON.stringify(key)},"d":1}`
      : `{"k":${JSON.stringify(key)},${change.expiresAt !== undefined ? `"x":${change.expiresAt},` : ''}"v":${change.json}}`;
  return `${seq} ${checksum(seq, body)} ${body}\n`;
}

const checksum = (seq: number, body: string): string => crc32(`${seq} ${body}`).toString(16).padStart(8, '0');

// `s`: a value may hold U+2028 or U+2029, which JSON leaves as they are and `.` would not match
const NUMBERED = /^(\d+) ([0-9a-f]{8}) (\{.*\})$/s;

export interface JournalContent {
  readonly changes: ReadonlyArray<readonly [string, Change]>;
  /** Bytes up to the end of the last whole line: what stays when a cut-off last line is dropped. */
  readonly goodBytes: number;
  /** The first and last entry numbers (absent when the journal has no numbered line). */
  readonly first?: number;
  readonly last?: number;
}

/**
 * The changes in a journal file, in order. Only the live journal's last line may be cut off (a crash during
 * its append, whose update never resolved): it is left out. Anything else (a damaged or missing line
 * anywhere, a cut-off line in a sealed journal, which was complete when sealed) is STORE_CORRUPT.
 */
export function parseJournal(bytes: Buffer, file: string, kind: 'live' | 'sealed'): JournalContent {
  const goodBytes = bytes.lastIndexOf(0x0a) + 1;
  const lines = bytes.subarray(0, goodBytes).toString('utf8').split('\n').slice(0, -1);
  if (goodBytes < bytes.length && kind === 'sealed') throw corrupt(file, lines.length + 1, 'the line is cut off, and a sealed journal was complete when it was sealed');
  const changes: Array<readonly [string, Change]> = [];
  let first: number | undefined;
  let last: number | undefined;
  lines.forEach((line, i) => {
    const parsed = parseLine(line);
    if (typeof parsed === 'string') throw corrupt(file, i + 1, parsed);
    if (parsed.seq !== undefined) {
      if (last !== undefined && parsed.seq !== last + 1) throw corrupt(file, i + 1, `entry ${parsed.seq} follows entry ${last}`);
      first ??= parsed.seq;
      last = parsed.seq;
    } else if (last !== undefined) {
      // unnumbered lines come only from an older version, before this one went on with the file
      throw corrupt(file, i + 1, 'the line has no entry number and checksum');
    }
    changes.push([parsed.key, parsed.change]);
  });
  return { changes, goodBytes, ...(first !== undefined ? { first, last } : {}) };
}

/**
 * The sealed journal and the live one as found at open (either may be absent). The live one takes up where
 * the sealed one ended: a gap means lines at the end of the sealed one are gone. (Read only, next to a
 * running bot, a checkpoint may seal and remove between the two reads, so the gap is not checked then.)
 */
export async function readJournals(disk: Disk, files: { sealed: string; live: string }, readOnly: boolean): Promise<{ sealed?: JournalContent; live?: JournalContent }> {
  const read = async (file: string, kind: 'live' | 'sealed'): Promise<JournalContent | undefined> => {
    const bytes = await disk.read(file).catch((err: unknown) => {
      throw diskError(err, `cannot read the journal ${file}`, 'STORE_UNAVAILABLE');
    });
    return bytes && parseJournal(bytes, file, kind);
  };
  const sealed = await read(files.sealed, 'sealed');
  const live = await read(files.live, 'live');
  if (!readOnly && sealed?.last !== undefined && live?.first !== undefined && live.first !== sealed.last + 1) {
    throw corrupt(files.live, 1, `it starts at entry ${live.first}, but the sealed journal ${files.sealed} ends at entry ${sealed.last}`);
  }
  return { ...(sealed ? { sealed } : {}), ...(live ? { live } : {}) };
}

function parseLine(line: string): { seq?: number; key: string; change: Change } | string {
  let body = line;
  let seq: number | undefined;
  if (!line.startsWith('{')) {
    const m = NUMBERED.exec(line);
    if (!m) return 'it is not a journal line';
    seq = Number(m[1]);
    body = m[3]!;
    if (checksum(seq, body) !== m[2]) return 'its checksum does not match its content';
  }
  let r: { k?: unknown; d?: unknown; x?: unknown; v?: unknown };
  try {
    r = JSON.parse(body) as typeof r;
  } catch {
    return 'it is not valid JSON';
  }
  if (typeof r !== 'object' || r === null || typeof r.k !== 'string') return 'it names no key';
  if (r.d === 1) return { seq, key: r.k, change: null };
  if (!('v' in r) || (r.x !== undefined && typeof r.x !== 'number')) return 'it holds no value';
  return { seq, key: r.k, change: cachedOf(r.v, r.x as number | undefined) };
}

function corrupt(file: string, line: number, why: string): StoreError {
  return new StoreError(
    'STORE_CORRUPT',
    `the journal ${file} is damaged at line ${line}: ${why}. The store did not start and left the file untouched: ` +
      'restore DATA_DIR from a backup, or move the file out of DATA_DIR to start without the changes in it',
  );
}
