import type { Kysely } from 'kysely';
import type { HqTables } from '../../db/schema';

/** One version of a reference record: what it said, when and by whom it was published. */
export interface ReferenceVersion<T> {
  /** Its place in the reference stream (the order desks receive it in). */
  seq: number;
  id: string;
  /** When HQ wrote it (ISO). */
  at: string;
  /** The publisher as the console names a user, "姓名（username）"; or 'county'/'hq'. */
  by: string;
  deleted: boolean;
  data: T;
}

const envelope = new Set<string>([
  'id',
  'officeId',
  'version',
  'hlc',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'deleted',
]);

/**
 * Every version of every reference record of a kind, oldest first: the change log's
 * snapshots (what desks received) with the publisher kept beside them
 * (reference_publishers); a change from before that table names its snapshot's author.
 */
export async function referenceVersions<T>(
  db: Kysely<HqTables>,
  kind: string,
): Promise<ReferenceVersion<T>[]> {
  const rows = await db
    .selectFrom('changes')
    .leftJoin('reference_publishers', 'reference_publishers.seq', 'changes.seq')
    .select([
      'changes.seq as seq',
      'changes.snapshot as snapshot',
      'changes.created_at as at',
      'reference_publishers.published_by as by',
    ])
    .where('changes.stream', '=', 'reference')
    .where('changes.kind', '=', kind)
    .orderBy('changes.seq')
    .execute();
  return rows.map((row) => {
    const snapshot = JSON.parse(row.snapshot) as Record<string, unknown>;
    const data = Object.fromEntries(Object.entries(snapshot).filter(([key]) => !envelope.has(key)));
    return {
      seq: Number(row.seq),
      id: String(snapshot.id),
      at: row.at,
      by: row.by ?? String(snapshot.updatedBy ?? ''),
      deleted: snapshot.deleted === true,
      data: data as T,
    };
  });
}

/** Each record's latest version (tombstones left out), in stream order. */
export function currentOf<T>(versions: readonly ReferenceVersion<T>[]): ReferenceVersion<T>[] {
  const latest = new Map<string, ReferenceVersion<T>>();
  for (const version of versions) latest.set(version.id, version);
  return [...latest.values()].filter((v) => !v.deleted);
}
