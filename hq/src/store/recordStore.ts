import type { Kysely, Transaction } from 'kysely';
import type { HqTables } from '../db/schema';
import type { RecordState } from '../sync/merge';

type Db = Kysely<HqTables> | Transaction<HqTables>;

/** The office that owns shared reference data (standards, calendars). */
export const referenceOwner = 'reference';

export async function loadRecord(db: Db, kind: string, id: string): Promise<RecordState | null> {
  const row = await db
    .selectFrom('records')
    .selectAll()
    .where('kind', '=', kind)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    kind: row.kind,
    id: row.id,
    officeId: row.office_id,
    version: Number(row.version),
    hlc: row.hlc,
    deleted: Boolean(row.deleted),
    data: JSON.parse(row.data) as Record<string, unknown>,
    fieldMeta: JSON.parse(row.field_meta) as RecordState['fieldMeta'],
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export async function saveRecord(db: Db, state: RecordState, isNew: boolean): Promise<void> {
  const row = {
    office_id: state.officeId,
    version: state.version,
    hlc: state.hlc,
    deleted: state.deleted ? 1 : 0,
    data: JSON.stringify(state.data),
    field_meta: JSON.stringify(state.fieldMeta),
    created_at: state.createdAt,
    created_by: state.createdBy,
    updated_at: state.updatedAt,
    updated_by: state.updatedBy,
  };
  if (isNew) {
    await db
      .insertInto('records')
      .values({ kind: state.kind, id: state.id, ...row })
      .execute();
  } else {
    await db
      .updateTable('records')
      .set(row)
      .where('kind', '=', state.kind)
      .where('id', '=', state.id)
      .execute();
  }
}

/** The record as desks store it: data fields plus the envelope (shared/records/envelope). */
export function snapshotOf(state: RecordState): Record<string, unknown> {
  return {
    ...state.data,
    id: state.id,
    officeId: state.officeId,
    version: state.version,
    hlc: state.hlc,
    createdAt: state.createdAt,
    createdBy: state.createdBy,
    updatedAt: state.updatedAt,
    updatedBy: state.updatedBy,
    deleted: state.deleted,
  };
}

/** Which office owns each record id (for the request-level 403 check). */
export async function ownersOf(db: Db, keys: { kind: string; id: string }[]) {
  const owners = new Map<string, string>();
  for (const key of keys) {
    const row = await db
      .selectFrom('records')
      .select('office_id')
      .where('kind', '=', key.kind)
      .where('id', '=', key.id)
      .executeTakeFirst();
    if (row) owners.set(`${key.kind}:${key.id}`, row.office_id);
  }
  return owners;
}
