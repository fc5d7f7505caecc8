import type { DeskDatabase, RevisionRow } from '../../renderer/src/db/database';

/** The kept row of one superseded version of a record (row ids also carry its clock). */
export async function revisionOf(
  db: DeskDatabase,
  kind: string,
  recordId: string,
  version: number,
): Promise<RevisionRow | undefined> {
  const rows = await db.revisions.where('[kind+recordId]').equals([kind, recordId]).toArray();
  return rows.find((r) => r.version === version);
}
