import type { Kysely } from 'kysely';
import type { HqTables } from '../db/schema';

/**
 * The last op seq HQ holds of a device. A desk restored from an older backup moves its
 * new ops past it instead of reusing a seq HQ already holds under another op
 * (docs/backup.md, "Sequence numbers after a restore"); pull pages and return files say it.
 */
export async function deviceLastSeq(db: Kysely<HqTables>, deviceId: string): Promise<number> {
  const row = await db
    .selectFrom('devices')
    .select('last_seq')
    .where('id', '=', deviceId)
    .executeTakeFirst();
  return Number(row?.last_seq ?? 0);
}

/** A pull page (one JSON object, as pullPageJson builds it) with `deviceSeq` added. */
export async function withDeviceSeq(
  db: Kysely<HqTables>,
  deviceId: string,
  pageJson: string,
): Promise<string> {
  const seq = await deviceLastSeq(db, deviceId);
  return `${pageJson.slice(0, pageJson.lastIndexOf('}'))},"deviceSeq":${seq}}`;
}
