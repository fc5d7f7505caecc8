import type { PaymentRollData, RollUnpaidData } from '@shared/rolls/rollRecord';
import type { PayeeAccountData } from '@shared/rolls/payeeAccount';
import type { StoredRecord } from '@shared/records/envelope';
import type { DeskDatabase } from '../database';
import type { SchemaVersion } from '../schema';

/** Tables of the 资金发放 kinds, by kind (merged into tableOfKind). */
export const rollTables = {
  payeeAccount: 'payeeAccounts',
  paymentRoll: 'paymentRolls',
  rollUnpaid: 'rollUnpaid',
} as const;

/**
 * Schema version 12: payee bank accounts (found by person), payment rolls (by programme
 * and month) and the lines reported unpaid (by roll). Never edited once shipped.
 */
export const rollSchemaVersion: SchemaVersion = {
  version: 12,
  stores: {
    payeeAccounts: 'id, personId, updatedAt',
    paymentRolls: 'id, [programme+month], month, status, updatedAt',
    rollUnpaid: 'id, rollId',
  },
};

export const payeeAccountsTable = (db: DeskDatabase) =>
  db.table<StoredRecord<PayeeAccountData>, string>(rollTables.payeeAccount);
export const paymentRollsTable = (db: DeskDatabase) =>
  db.table<StoredRecord<PaymentRollData>, string>(rollTables.paymentRoll);
export const rollUnpaidTable = (db: DeskDatabase) =>
  db.table<StoredRecord<RollUnpaidData>, string>(rollTables.rollUnpaid);
