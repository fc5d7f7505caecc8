import type { Transaction } from 'kysely';
import { formatHlc, parseHlc, tickHlc } from '@shared/clock/hlc';
import type { HqTables } from '../db/schema';

/** HQ's hybrid logical clock (node 'hq'), for changes made at HQ; kept in hq_meta. */
export async function nextHqClock(trx: Transaction<HqTables>, now: Date): Promise<string> {
  const row = await trx
    .selectFrom('hq_meta')
    .select('value')
    .where('key', '=', 'hlc')
    .executeTakeFirst();
  const next = formatHlc(tickHlc(row ? parseHlc(row.value) : null, now.getTime(), 'hq'));
  if (row) await trx.updateTable('hq_meta').set({ value: next }).where('key', '=', 'hlc').execute();
  else await trx.insertInto('hq_meta').values({ key: 'hlc', value: next }).execute();
  return next;
}
