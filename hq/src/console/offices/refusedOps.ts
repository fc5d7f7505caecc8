import type { Kysely } from 'kysely';
import type { FieldError } from '@shared/errors/appError';
import type { OpResult } from '@shared/sync/protocol';
import type { HqTables } from '../../db/schema';

/** How HQ stores a refusal's result (applied_ops.result is the OpResult as JSON). */
const refusedResult = '%"status":"rejected"%';

/** The most refusals an office page lists (newest first). */
export const refusalPage = 200;

export interface RefusedOp {
  opId: string;
  deviceId: string;
  deviceName: string;
  seq: number;
  at: string;
  code: string;
  message: string;
  fieldErrors: Pick<FieldError, 'path' | 'code' | 'params'>[];
}

/** Refused ops per office, counted in the database. */
export async function refusedCounts(db: Kysely<HqTables>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('applied_ops')
    .innerJoin('devices', 'devices.id', 'applied_ops.device_id')
    .select(['devices.office_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('applied_ops.result', 'like', refusedResult)
    .groupBy('devices.office_id')
    .execute();
  return new Map(rows.map((r) => [r.office_id, Number(r.n)]));
}

/**
 * The office's refused ops, newest first: which desk, when, and HQ's reason as it
 * answered the desk (its code and the fields it names; opRefusal.ts and the authority
 * checks give them).
 */
export async function refusedOps(db: Kysely<HqTables>, officeId: string): Promise<RefusedOp[]> {
  const rows = await db
    .selectFrom('applied_ops')
    .innerJoin('devices', 'devices.id', 'applied_ops.device_id')
    .select([
      'applied_ops.op_id',
      'applied_ops.device_id',
      'applied_ops.seq',
      'applied_ops.result',
      'applied_ops.applied_at',
      'devices.name',
    ])
    .where('devices.office_id', '=', officeId)
    .where('applied_ops.result', 'like', refusedResult)
    .orderBy('applied_ops.applied_at', 'desc')
    .orderBy('applied_ops.seq', 'desc')
    .limit(refusalPage)
    .execute();
  return rows.map((row) => {
    const result = JSON.parse(row.result) as OpResult;
    const reason = result.status === 'rejected' ? result.reason : { code: 'internal', message: '' };
    return {
      opId: row.op_id,
      deviceId: row.device_id,
      deviceName: row.name,
      seq: Number(row.seq),
      at: row.applied_at,
      code: reason.code,
      message: reason.message,
      fieldErrors: reason.fieldErrors ?? [],
    };
  });
}
