// The IndexedDB store that holds saved work (store/persist.ts), and the first read of it. A leaf
// module (idb-keyval only) so that the page can start that read before its other scripts have run
// (app/earlyStart.ts): on a fresh load the read then overlaps React's start-up instead of following it.

import { createStore, get } from 'idb-keyval';

export const KEY_SCENARIO = 'scenario';
export const KEY_RECENT = 'recent';

let db: ReturnType<typeof createStore> | null = null;
export function savedStore(): ReturnType<typeof createStore> {
  db ??= createStore('gateway-sim', 'state');
  return db;
}

let first: Promise<[unknown, unknown]> | null = null;

/**
 * The saved scenario and Recent list as stored (unchecked), read once: later calls get the same
 * promise. A blocked or broken IndexedDB rejects; persist.ts treats that as "nothing saved".
 */
export function readSavedOnce(): Promise<[unknown, unknown]> {
  first ??= Promise.all([get(KEY_SCENARIO, savedStore()), get(KEY_RECENT, savedStore())]);
  return first;
}
