/** The embedded store: lowdb files behind a journal. Its parts are in `lowdb/`; `lowdb/store.ts` puts them together. */
export { createLowdbStore, type Entry, type LowdbStore, type LowdbStoreOptions } from './lowdb/store.js';
