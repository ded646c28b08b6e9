import { parentPort } from 'node:worker_threads';
import { readAndValidate } from './load.js';
import { analyseNames } from './search.js';

/**
 * Worker thread: reads and validates a knowledge folder (YAML parsing is most of a reload's work) and
 * sends back plain data, so the main thread keeps answering while a large knowledge base is reloaded.
 */
parentPort?.on('message', (request: { id: number; dir: string }) => {
  readAndValidate(request.dir).then(
    // the names' language analysis is done here too, so the main thread only fills in the index maps
    (result) => parentPort?.postMessage({ id: request.id, result, analysed: result.ok ? analyseNames(result.knowledge.concepts) : undefined }),
    (err: unknown) => parentPort?.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
