/**
 * Desk stores opened by tests (in Node) and by the bench (in Node and in its Chromium
 * pages) are sealed at rest as the app's are: each database name gets its own random
 * data key (as each Electron profile has its own), kept for the process (or page) so a
 * store reopened by name opens with its key.
 */
import { newDataKey } from '@shared/atRest/cipher';
import { setDataKeySource } from '../../renderer/src/db/atRest/keySource';

const keys = new Map<string, Uint8Array>();

export function useTestDataKeys(): void {
  setDataKeySource(({ databaseName }) => {
    let key = keys.get(databaseName);
    if (!key) {
      key = newDataKey();
      keys.set(databaseName, key);
    }
    return key;
  });
}
