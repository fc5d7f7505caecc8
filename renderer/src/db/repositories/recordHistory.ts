import { versionChanges, type FieldChange } from '@shared/domain/community/versionDiff';
import type { StoredRecord } from '@shared/records/envelope';
import type { KindData, RecordKind } from '@shared/records/kinds';
import { recordTable, type DeskDatabase } from '../database';

export interface RecordVersion<T> {
  version: number;
  record: StoredRecord<T>;
  /** When and by whom this version was written (its creation or its correction). */
  at: string;
  byUserId: string;
  byName: string;
  /** Why this version replaced the one before; null for the first version. */
  reason: string | null;
  /** What this version changed compared with the one before (everything for the first). */
  changes: FieldChange[];
  current: boolean;
}

/**
 * Every version of a record that is corrected, never overwritten: the superseded ones
 * from `revisions` (each with the reason of the correction that replaced it) and the
 * current one, oldest first. Names come from the desk's accounts; an account this desk
 * does not know (a record from another device) shows its id.
 */
export async function recordHistory<K extends RecordKind>(
  db: DeskDatabase,
  kind: K,
  id: string,
): Promise<RecordVersion<KindData[K]>[]> {
  const [rows, current] = await Promise.all([
    db.revisions.where('[kind+recordId]').equals([kind, id]).toArray(),
    recordTable(db, kind).get(id),
  ]);
  // Oldest first: by version, and a version number kept twice (see revisionId) by when
  // it was superseded.
  rows.sort((a, b) => a.version - b.version || a.supersededAt.localeCompare(b.supersededAt));
  const records = rows.map((r) => r.record as StoredRecord<KindData[K]>);
  if (current) records.push(current as StoredRecord<KindData[K]>);
  const reasonAfter = new Map(rows.map((r) => [r.record as object, r.reason]));
  const names = await userNames(
    db,
    records.map((r) => r.updatedBy),
  );
  return records.map((record, index) => ({
    version: record.version,
    record,
    at: record.updatedAt,
    byUserId: record.updatedBy,
    byName: names.get(record.updatedBy) ?? record.updatedBy,
    reason: index === 0 ? null : (reasonAfter.get(records[index - 1] as object) ?? null),
    changes: versionChanges(index === 0 ? null : (records[index - 1] ?? null), record),
    current: record === current,
  }));
}

async function userNames(db: DeskDatabase, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const users = await db.users.bulkGet(unique);
  return new Map(
    users.flatMap((u, i) => (u ? [[unique[i] ?? '', u.displayName] as [string, string]] : [])),
  );
}
