// Gives Node a real IndexedDB implementation so Dexie runs unmodified in unit tests.
import 'fake-indexeddb/auto';
import { newDataKey } from '@shared/atRest/cipher';
import { setDataKeySource } from '../../renderer/src/db/atRest/keySource';

// Every desk store in the tests is sealed, as in the app: each database name gets its own
// random data key (as each Electron profile has its own), kept for the process so a store
// reopened by name opens with its key.
const keys = new Map<string, Uint8Array>();

export function restoreTestKeySource(): void {
  setDataKeySource(({ databaseName }) => {
    let key = keys.get(databaseName);
    if (!key) {
      key = newDataKey();
      keys.set(databaseName, key);
    }
    return key;
  });
}

restoreTestKeySource();
