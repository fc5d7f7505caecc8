import {
  atRestMetaKey,
  withRowMac,
  type AtRestMetaRow,
} from '../../renderer/src/db/atRest/atRestRow';
import type { DeskDatabase } from '../../renderer/src/db/database';

/**
 * The store's at-rest row as an open with the key leaves it after finding the row removed
 * outside the desk (renderer/src/db/atRest/storeKeys.ts; atRestRow.test.ts makes it so
 * for real): the finding kept under the row's MAC for the next login to log.
 */
export async function rowFoundRemoved(db: DeskDatabase): Promise<void> {
  const keys = db.atRest.keys;
  const row = (await db.meta.get(atRestMetaKey)) as AtRestMetaRow;
  if (!keys || !row?.value) throw new Error('no at-rest row');
  const altered = [{ what: 'removed' as const, at: '2026-12-06T08:00:00.000Z' }];
  await db.meta.put({
    key: atRestMetaKey,
    value: withRowMac(keys, db.name, { ...row.value, altered }),
  });
}
