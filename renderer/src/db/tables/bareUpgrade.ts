import type { Transaction } from 'dexie';
import { sealedField } from '../atRest/rowCodec';

/**
 * Rewrites the rows of `table` in a schema upgrade's own transaction, as IndexedDB holds
 * them (the transaction's object store, below Dexie's middleware). An upgrade runs before
 * the data key is loaded in a browser (the login brings it), and the at-rest middleware
 * refuses a write without it: an upgrade through Dexie's tables could not open a store
 * from before encryption before anyone logged in. The upgrades before encryption (v16)
 * only ever meet plain rows, and leave them plain for the first sealing; a sealed row
 * (only in a store rebuilt at an old version around sealed rows) is left as it is. A
 * later upgrade that changes only clear fields outside the seal's binding (v17's derived
 * `nameHead`) changes sealed rows too (`sealedRows`).
 *
 * `change` gets each row and returns the row to store (its primary key unchanged: unlike
 * Dexie's modify, a changed key is not moved), or undefined to leave it.
 */
export function modifyBare(
  tx: Transaction,
  table: string,
  change: (row: Record<string, unknown>) => Record<string, unknown> | undefined,
  { sealedRows = false }: { sealedRows?: boolean } = {},
): Promise<void> {
  const store = tx.idbtrans.objectStore(table);
  return new Promise((resolve, reject) => {
    const request = store.openCursor();
    request.onerror = () => reject(request.error ?? new Error(`${table} cursor failed`));
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) {
        resolve();
        return;
      }
      try {
        const row = cursor.value as Record<string, unknown>;
        const changed = !sealedRows && sealedField in row ? undefined : change(row);
        if (changed !== undefined) cursor.update(changed);
        cursor.continue();
      } catch (error) {
        // The open fails with the cause, not a bare abort (a backup's upgrade says why).
        reject(error instanceof Error ? error : new Error(String(error)));
        tx.idbtrans.abort();
      }
    };
  });
}
