/**
 * The bench's desk stores are sealed at rest as the app's are (docs/at-rest.md): each
 * database name gets its own random data key, as each desk has its own. Called once at
 * the top of every bench page and Node bench that opens a DeskDatabase.
 */
import { newDataKey } from '@shared/atRest/cipher';
import { setDataKeySource } from '../../renderer/src/db/atRest/keySource';

export function useBenchDataKeys(): void {
  const keys = new Map<string, Uint8Array>();
  setDataKeySource(({ databaseName }) => {
    let key = keys.get(databaseName);
    if (!key) {
      key = newDataKey();
      keys.set(databaseName, key);
    }
    return key;
  });
}
