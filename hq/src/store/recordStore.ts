import type { Kysely, Transaction } from 'kysely';
import type { HqTables } from '../db/schema';
import type { RecordState } from '../sync/merge';

type Db = Kysely<HqTables> | Transaction<HqTables>;

/** The office that owns shared reference data (standards, calendars). */
export const referenceOwner = 'reference';

/** An office's record (records are per office: fixed ids such as the settings repeat). */
export async function loadRecord(
  db: Db,
  officeId: string,
  kind: string,
  id: string,
): Promise<RecordState | null> {
  const row = await db
    .selectFrom('records')
    .selectAll()
    .where('office_id', '=', officeId)
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
      .where('office_id', '=', state.officeId)
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

/**
 * Desks make every record id as a UUIDv7, except the fixed id of a record each office
 * has exactly one of (its settings): those repeat across offices by design.
 */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether any of these record ids is held by another office (for the request-level
 * 403 check). A UUID is unique by construction, so another office holding it means the
 * request names a record that is not the device's office's; fixed ids are per office.
 */
export async function heldByAnotherOffice(
  db: Db,
  officeId: string,
  keys: { kind: string; id: string }[],
): Promise<boolean> {
  // One query per kind and 500 ids (a package may name 100,000 records), not one per id.
  const idsByKind = new Map<string, Set<string>>();
  for (const key of keys) {
    if (!uuidPattern.test(key.id)) continue;
    idsByKind.set(key.kind, (idsByKind.get(key.kind) ?? new Set()).add(key.id));
  }
  for (const [kind, idSet] of idsByKind) {
    const ids = [...idSet];
    for (let i = 0; i < ids.length; i += idsPerQuery) {
      const row = await db
        .selectFrom('records')
        .select('office_id')
        .where('kind', '=', kind)
        .where('id', 'in', ids.slice(i, i + idsPerQuery))
        .where('office_id', '<>', officeId)
        .limit(1)
        .executeTakeFirst();
      if (row) return true;
    }
  }
  return false;
}

/** Ids per `in (…)` list: well under SQLite's and PostgreSQL's parameter limits. */
const idsPerQuery = 500;

/** The offices holding a record id (a case id is a UUID: one office, or none). */
export async function officesHolding(db: Db, kind: string, id: string): Promise<string[]> {
  const rows = await db
    .selectFrom('records')
    .select('office_id')
    .where('kind', '=', kind)
    .where('id', '=', id)
    .execute();
  return rows.map((row) => row.office_id);
}
