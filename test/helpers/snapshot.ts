import path from 'node:path';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { formatProblem } from '../../src/knowledge/problems.js';
import type { KnowledgeSnapshot } from '../../src/knowledge/snapshot.js';
import { REPO_ROOT } from './knowledge-dir.js';

export async function loadSnapshot(dir: string): Promise<KnowledgeSnapshot> {
  const result = await loadKnowledge(dir);
  if (!result.ok) throw new Error(`invalid knowledge in ${dir}:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.snapshot;
}

export const SMALL_KNOWLEDGE = path.join(REPO_ROOT, 'test/fixtures/knowledge-small');
export const SHIPPED_KNOWLEDGE = path.join(REPO_ROOT, 'knowledge');
