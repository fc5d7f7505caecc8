import type { Transaction } from 'kysely';
import type { OpResult } from '@shared/sync/protocol';
import type { QueueEntry } from '@shared/sync/queueEntry';
import type { HqTables } from '../db/schema';

/** The result HQ gave an op id, and the device that sent it. */
export interface SeenOp {
  deviceId: string;
  result: OpResult;
}

/** Op ids per query: well under SQLite's and PostgreSQL's parameter limits. */
const chunk = 500;

/**
 * The results HQ already holds for a batch's op ids, read once for the whole batch
 * (keyed by `storedForm`), instead of one query per op.
 */
export async function seenOps(
  trx: Transaction<HqTables>,
  ops: QueueEntry[],
): Promise<Map<string, SeenOp>> {
  const ids = [...new Set(ops.map((op) => op.opId))];
  const seen = new Map<string, SeenOp>();
  for (let i = 0; i < ids.length; i += chunk) {
    const rows = await trx
      .selectFrom('applied_ops')
      .select(['op_id', 'device_id', 'result'])
      .where('op_id', 'in', ids.slice(i, i + chunk))
      .execute();
    for (const row of rows) {
      seen.set(storedForm(row.op_id), {
        deviceId: row.device_id,
        result: JSON.parse(row.result) as OpResult,
      });
    }
  }
  return seen;
}

/**
 * Text as the database gives it back: both drivers store UTF-8, so a lone surrogate
 * in an op id comes back as U+FFFD. Keys compare in this form, as the database's own
 * `where op_id = …` did.
 */
export function storedForm(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
