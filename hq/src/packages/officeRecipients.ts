import type { Kysely } from 'kysely';
import { AppError } from '@shared/errors/appError';
import { keyId } from '@shared/package/keys';
import type { HqTables } from '../db/schema';

/** A desk of the office that can open a package HQ writes for it. */
export interface OfficeRecipient {
  deviceId: string;
  keyId: string;
  publicKey: string;
  cursor: { office: number; reference: number };
}

/**
 * Every trusted desk of the office with an encryption key: a package for the office is
 * sealed for all of them, so whichever desk the supervisor carries it to can open it.
 */
export async function officeRecipients(
  db: Kysely<HqTables>,
  officeId: string,
): Promise<OfficeRecipient[]> {
  const rows = await db
    .selectFrom('devices')
    .select(['id', 'encryption_key', 'cursor_office', 'cursor_reference'])
    .where('office_id', '=', officeId)
    .where('revoked', '=', 0)
    .where('encryption_key', 'is not', null)
    .orderBy('id')
    .execute();
  const recipients: OfficeRecipient[] = [];
  for (const row of rows) {
    const publicKey = row.encryption_key ?? '';
    recipients.push({
      deviceId: row.id,
      keyId: await keyId(publicKey),
      publicKey,
      cursor: { office: Number(row.cursor_office), reference: Number(row.cursor_reference) },
    });
  }
  if (recipients.length === 0) {
    throw new AppError({
      code: 'validation',
      message: `No desk of office ${officeId} is enrolled with package keys: no desk could open a package.`,
      fieldErrors: [{ path: 'officeId', code: 'package.no_recipients' }],
    });
  }
  return recipients;
}
