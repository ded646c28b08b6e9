import { constants, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { readAndValidate } from './load.js';
import { analyseDescriptions } from './description-index.js';
import { analyseNames } from './search.js';

/**
 * Worker thread: reads and validates a knowledge folder (YAML parsing is most of a reload's work) and
 * sends back plain data, so the main thread keeps answering while a large knowledge base is reloaded.
 *
 * The thread runs at the lowest CPU priority (on Linux a thread has its own nice value, so the main thread
 * keeps its own): on a machine with few cores the worker otherwise competes with the main thread, and lookup
 * p99 during back-to-back reloads was 2.4–2.9x of quiet in a local trace (2.11x in a full `npm run bench`);
 * with this, 1.01–1.08x, and a reload of 1,000 concepts still took the same 245–249 ms on an idle machine.
 */
try {
  setPriority(constants.priority.PRIORITY_LOW);
} catch {
  // not allowed here (some containers): the worker runs at normal priority
}

parentPort?.on('message', (request: { id: number; dir: string }) => {
  readAndValidate(request.dir).then(
    // the language analysis of the names and descriptions is done here too, so the main thread only fills in the index maps
    (result) =>
      parentPort?.postMessage({
        id: request.id,
        result,
        analysed: result.ok ? analyseNames(result.knowledge.concepts) : undefined,
        described: result.ok ? analyseDescriptions(result.knowledge.concepts) : undefined,
      }),
    (err: unknown) => parentPort?.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
