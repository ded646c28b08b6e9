import { createMemoryStore } from '../../../src/storage/memory-store.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('memory store', async () => {
  let t = 1_000_000;
  return { store: createMemoryStore({ now: () => t }), advance: (ms) => void (t += ms), cleanup: async () => {} };
});
