import type { Kysely } from 'kysely';
import type { HqTables } from '../db/schema';

/**
 * A pull page with the last op seq HQ holds of the asking device (`deviceSeq`): a desk
 * restored from an older backup moves its new ops past it instead of reusing a seq HQ
 * already holds under another op (docs/backup.md, "Sequence numbers after a restore").
 */
export async function withDeviceSeq(
  db: Kysely<HqTables>,
  deviceId: string,
  pageJson: string,
): Promise<string> {
  const row = await db
    .selectFrom('devices')
    .select('last_seq')
    .where('id', '=', deviceId)
    .executeTakeFirst();
  const seq = Number(row?.last_seq ?? 0);
  // The page is one JSON object built by pullPageJson: the field goes before its brace.
  return `${pageJson.slice(0, pageJson.lastIndexOf('}'))},"deviceSeq":${seq}}`;
}
