import type { StoredRecord } from '@shared/records/envelope';
import type { PayeeAccountData } from '@shared/rolls/payeeAccount';
import type { DeskDatabase } from '../../database';
import { requireRole } from '../../permissions';
import { payeeAccountsTable } from '../../tables/rollTables';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';

export type StoredPayeeAccount = StoredRecord<PayeeAccountData>;

/** A person's account in use: the newest live one (ids are time-ordered), as a roll picks it. */
export async function accountOfPerson(
  db: DeskDatabase,
  personId: string,
): Promise<StoredPayeeAccount | undefined> {
  const rows = await payeeAccountsTable(db).where('personId').equals(personId).toArray();
  return rows
    .filter((r) => !r.deleted)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .at(-1);
}

/** Records a person's account, or corrects it (a correction needs its reason). */
export async function savePayeeAccount(
  db: DeskDatabase,
  ctx: WriteContext,
  data: Omit<PayeeAccountData, 'note'> & { note?: string },
  existing?: { id: string; version: number; reason: string },
): Promise<StoredPayeeAccount> {
  requireRole(ctx, ['registrar', 'supervisor'], 'record bank accounts');
  return write(db, ctx, (w) =>
    existing
      ? w.update(
          'payeeAccount',
          existing.id,
          existing.version,
          { note: '', ...data },
          {
            reason: existing.reason,
          },
        )
      : w.create('payeeAccount', data),
  );
}
