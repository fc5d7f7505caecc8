/**
 * What an open with the key found done to the store's at-rest row outside the desk
 * (atRest/atRestRow.ts: edited, or removed over sealed rows) goes into the access record
 * at the next login, one entry a finding, so that it is on the desk's sealed chain and
 * reaches HQ, which shows it beside the chain's breaks. The entries and the row without
 * its findings are written in one transaction: a finding is logged once, never lost.
 */
import type { DeskDatabase } from '../database';
import { atRestMetaKey, rowMac, withRowMac, type AtRestMetaRow } from '../atRest/atRestRow';
import type { WriteContext } from '../writeContext';
import { write } from '../writePath';

const foundWords = { edited: '改动', removed: '删除' } as const;

/** Writes the row's findings as access entries; returns how many. */
export async function logStoreAlterations(db: DeskDatabase, ctx: WriteContext): Promise<number> {
  const keys = db.atRest.keys;
  if (!keys) return 0;
  // Most logins: nothing found, and no write transaction is opened for it.
  const before = (await db.meta.get(atRestMetaKey)) as AtRestMetaRow;
  if (!before?.value?.altered?.length) return 0;
  return write(db, ctx, async (w) => {
    const row = (await db.meta.get(atRestMetaKey)) as AtRestMetaRow;
    const value = row?.value;
    // Only a row the desk wrote (its MAC checks): an open with the key rewrote any other.
    if (!value?.altered?.length || value.mac !== rowMac(keys, db.name, value)) return 0;
    const { altered, ...rest } = value;
    for (const finding of altered) {
      await w.create('accessLog', {
        action: 'store_altered',
        subjectKind: 'desk',
        subjectId: ctx.deviceId,
        maskedSubject: '',
        purpose: `本机数据库的加密记录在工作台之外被${foundWords[finding.what]}（${finding.at} 发现）`,
      });
    }
    await db.meta.put({ key: atRestMetaKey, value: withRowMac(keys, db.name, rest) });
    return altered.length;
  });
}
