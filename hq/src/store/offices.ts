import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '@shared/errors/appError';
import { officeIdSchema } from '@shared/domain/settings';
import { fieldErrorsFromZod } from '@shared/validation/fieldErrors';
import type { PublicKeys } from '@shared/sync/protocol';
import type { HqTables } from '../db/schema';
import { checkDeviceKeys } from './deviceKeys';

export const officeStream = (officeId: string) => `office:${officeId}`;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function addOffice(
  db: Kysely<HqTables>,
  office: { id: string; name: string },
  now: Date,
) {
  const id = officeIdSchema.safeParse(office.id);
  if (!id.success) {
    // The shared rule's own code (必填, the letter O for zero, ...), as at the desk.
    throw new AppError({
      code: 'validation',
      message: 'Not an office code: 9 digits of the township, or letters, digits, "_", "-".',
      fieldErrors: fieldErrorsFromZod(id.error).map((e) => ({ ...e, path: 'id' })),
    });
  }
  const code = id.data;
  await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('offices')
      .select('id')
      .where('id', '=', code)
      .executeTakeFirst();
    if (existing) {
      throw new AppError({ code: 'duplicate', message: `Office ${code} already exists.` });
    }
    await trx
      .insertInto('offices')
      .values({ ...office, id: code, created_at: now.toISOString() })
      .execute();
    await trx
      .insertInto('streams')
      .values({ id: officeStream(code), seq: 0 })
      .execute();
  });
}

export async function listOffices(db: Kysely<HqTables>) {
  return db.selectFrom('offices').selectAll().orderBy('id').execute();
}

/**
 * A one-time code a supervisor types at the desk to enroll it. Only its hash is kept;
 * it expires, and works once.
 */
export async function createEnrollmentCode(
  db: Kysely<HqTables>,
  officeId: string,
  now: Date,
  validHours = 72,
): Promise<string> {
  const office = await db
    .selectFrom('offices')
    .select('id')
    .where('id', '=', officeId)
    .executeTakeFirst();
  if (!office) throw new AppError({ code: 'not_found', message: `No office ${officeId}.` });
  const code = randomBytes(6)
    .toString('hex')
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, '$1-');
  await db
    .insertInto('enrollment_codes')
    .values({
      code_hash: sha256(normalizeCode(code)),
      office_id: officeId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + validHours * 3_600_000).toISOString(),
      used_at: null,
    })
    .execute();
  return code;
}

function normalizeCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export interface EnrolledDevice {
  deviceId: string;
  token: string;
  officeId: string;
  officeName: string;
}

export async function enrollDevice(
  db: Kysely<HqTables>,
  request: {
    code: string;
    deviceId: string;
    officeId: string;
    deviceName: string;
    publicKeys?: PublicKeys | null;
  },
  now: Date,
): Promise<EnrolledDevice> {
  await checkDeviceKeys(request.publicKeys ?? null);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('enrollment_codes')
      .selectAll()
      .where('code_hash', '=', sha256(normalizeCode(request.code)))
      .executeTakeFirst();
    if (!row || row.used_at !== null || row.expires_at < now.toISOString()) {
      throw new AppError({
        code: 'unauthenticated',
        message: 'The enrollment code is wrong, used or expired.',
        fieldErrors: [{ path: 'code', code: 'enroll.code_invalid' }],
      });
    }
    if (row.office_id !== request.officeId) {
      throw new AppError({
        code: 'forbidden',
        message: 'The code belongs to another office than the desk is set up for.',
        fieldErrors: [{ path: 'officeId', code: 'enroll.office_mismatch' }],
      });
    }
    const office = await trx
      .selectFrom('offices')
      .selectAll()
      .where('id', '=', row.office_id)
      .executeTakeFirstOrThrow();
    const deviceId = request.deviceId;
    const taken = await trx
      .selectFrom('devices')
      .select('id')
      .where('id', '=', deviceId)
      .executeTakeFirst();
    if (taken) {
      throw new AppError({
        code: 'duplicate',
        message: 'This device is already enrolled; a lost credential needs a new device id.',
        fieldErrors: [{ path: 'deviceId', code: 'enroll.device_taken' }],
      });
    }
    const secret = randomBytes(32).toString('base64url');
    const spent = await trx
      .updateTable('enrollment_codes')
      .set({ used_at: now.toISOString() })
      .where('code_hash', '=', row.code_hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    // Two enrollments racing with one code: only the one that spent it goes on.
    if (Number(spent.numUpdatedRows) !== 1) {
      throw new AppError({
        code: 'unauthenticated',
        message: 'The enrollment code is wrong, used or expired.',
        fieldErrors: [{ path: 'code', code: 'enroll.code_invalid' }],
      });
    }
    await trx
      .insertInto('devices')
      .values({
        id: deviceId,
        office_id: office.id,
        name: request.deviceName,
        token_hash: sha256(secret),
        public_key: request.publicKeys?.signing ?? null,
        encryption_key: request.publicKeys?.encryption ?? null,
        enrolled_at: now.toISOString(),
        last_seq: 0,
        revoked: 0,
      })
      .execute();
    return {
      deviceId,
      token: `${deviceId}.${secret}`,
      officeId: office.id,
      officeName: office.name,
    };
  });
}

export interface AuthenticatedDevice {
  id: string;
  officeId: string;
}

/** The device a bearer token belongs to, or null (unknown, wrong secret, revoked). */
export async function authenticateDevice(
  db: Kysely<HqTables>,
  token: string,
): Promise<AuthenticatedDevice | null> {
  const dot = token.indexOf('.');
  if (dot <= 0) return null;
  const deviceId = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  const device = await db
    .selectFrom('devices')
    .selectAll()
    .where('id', '=', deviceId)
    .executeTakeFirst();
  if (!device || device.revoked) return null;
  const expected = Buffer.from(device.token_hash, 'hex');
  const actual = Buffer.from(sha256(secret), 'hex');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return { id: device.id, officeId: device.office_id };
}
