import type { Concept } from './schema.js';
import type { Dialogue } from './dialogue-schema.js';
import type { Problem } from './problems.js';
import type { SearchIndex } from './search.js';
import type { ValidDialogue } from './validate-dialogues.js';
import type { SmallTalk } from './smalltalk-schema.js';

/** One complete, validated, immutable version of the knowledge. A reload swaps whole snapshots. */
export interface KnowledgeSnapshot {
  /** Content hash of every knowledge file: equal files give an equal version. */
  readonly version: string;
  readonly concepts: readonly Concept[];
  readonly conceptsById: ReadonlyMap<string, Concept>;
  readonly index: SearchIndex;
  readonly dialogues: readonly Dialogue[];
  /** Each dialogue with the hash of its definition, so a run or session notices when its dialogue changed. */
  readonly dialoguesById: ReadonlyMap<string, ValidDialogue>;
  readonly warnings: readonly Problem[];
  /** Greetings, thanks and the like, with the bot's replies (knowledge/smalltalk.yaml). */
  readonly smalltalk: SmallTalk;
}

export type LoadResult =
  | { readonly ok: true; readonly snapshot: KnowledgeSnapshot }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly warnings: readonly Problem[] };
