import type { Kysely } from 'kysely';
import { AppError } from '@shared/errors/appError';
import type { HqTables } from '../db/schema';

export interface DeviceListing {
  id: string;
  name: string;
  enrolledAt: string;
  lastSeq: number;
  revoked: boolean;
  packageKeys: boolean;
}

/** An office's desks, for the county to see which to revoke after a loss. */
export async function listDevices(
  db: Kysely<HqTables>,
  officeId: string,
): Promise<DeviceListing[]> {
  const rows = await db
    .selectFrom('devices')
    .select(['id', 'name', 'enrolled_at', 'last_seq', 'revoked', 'public_key'])
    .where('office_id', '=', officeId)
    .orderBy('enrolled_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    enrolledAt: row.enrolled_at,
    lastSeq: Number(row.last_seq),
    revoked: Boolean(row.revoked),
    packageKeys: row.public_key !== null,
  }));
}

/**
 * Stops trusting a desk: its token no longer authenticates and packages signed by its
 * key are refused (`package.unknown_signer`). For a lost or reinstalled desk — import
 * whatever package it exported before this. What it already sent stays at HQ.
 */
export async function revokeDevice(db: Kysely<HqTables>, deviceId: string): Promise<void> {
  const result = await db
    .updateTable('devices')
    .set({ revoked: 1 })
    .where('id', '=', deviceId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new AppError({ code: 'not_found', message: `No device ${deviceId}.` });
  }
}
