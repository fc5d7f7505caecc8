import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { HqTables } from '../db/schema';
import { insertRows, replaceOnConflict } from '../sync/bulkInsert';
import { fieldMetaText, parseFieldMeta } from '../sync/fieldMetaText';
import type { RecordState } from '../sync/merge';

type Db = Kysely<HqTables> | Transaction<HqTables>;

/** The office that owns shared reference data (standards, calendars); desks check it. */
export { referenceOwner } from '@shared/records/envelope';

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
  return row ? stateOf(row) : null;
}

/** Map key of an office's record in `loadRecords`' answer. */
export const recordKey = (officeId: string, kind: string, id: string) =>
  `${officeId}\u0000${kind}\u0000${id}`;

/**
 * An office's records for many keys, one query per kind and 500 ids (a push batch
 * touches thousands of records: one read each was a large share of applying it).
 * Keyed by `recordKey`; ids HQ does not hold are absent.
 */
export async function loadRecords(
  db: Db,
  officeId: string,
  keys: { kind: string; id: string }[],
): Promise<Map<string, RecordState>> {
  const idsByKind = new Map<string, Set<string>>();
  for (const key of keys)
    idsByKind.set(key.kind, (idsByKind.get(key.kind) ?? new Set()).add(key.id));
  const found = new Map<string, RecordState>();
  for (const [kind, idSet] of idsByKind) {
    const ids = [...idSet];
    for (let i = 0; i < ids.length; i += idsPerQuery) {
      const rows = await db
        .selectFrom('records')
        .selectAll()
        .where('office_id', '=', officeId)
        .where('kind', '=', kind)
        .where('id', 'in', ids.slice(i, i + idsPerQuery))
        .execute();
      for (const row of rows) found.set(recordKey(row.office_id, row.kind, row.id), stateOf(row));
    }
  }
  return found;
}

function stateOf(row: Selectable<HqTables['records']>): RecordState {
  return {
    kind: row.kind,
    id: row.id,
    officeId: row.office_id,
    version: Number(row.version),
    hlc: row.hlc,
    deleted: Boolean(row.deleted),
    data: JSON.parse(row.data) as Record<string, unknown>,
    fieldMeta: parseFieldMeta(row.field_meta),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export async function saveRecord(db: Db, state: RecordState, isNew: boolean): Promise<void> {
  const { kind: _kind, id: _id, ...row } = rowOf(state);
  if (isNew) {
    await db.insertInto('records').values(rowOf(state)).execute();
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

/** Rows per multi-row write: 12 columns × 400 stays under SQLite's 32,766 parameters. */
const rowsPerWrite = 400;

const recordColumns = [
  'kind',
  'id',
  'office_id',
  'version',
  'hlc',
  'deleted',
  'data',
  'field_meta',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
] as const;
const replaceRecord = replaceOnConflict(['office_id', 'kind', 'id'], recordColumns);

/**
 * Writes record states, new or held, with multi-row upserts (one statement per 400
 * records instead of one per record). Each key must appear once: the caller keeps only
 * the last state of a record it changed several times.
 */
export async function saveRecords(db: Db, states: RecordState[]): Promise<void> {
  for (let i = 0; i < states.length; i += rowsPerWrite) {
    const rows = states.slice(i, i + rowsPerWrite).map((state) => {
      const row = rowOf(state);
      return recordColumns.map((column) => row[column]);
    });
    await insertRows(db, 'records', recordColumns, rows, replaceRecord);
  }
}

function rowOf(state: RecordState): Insertable<HqTables['records']> {
  return {
    kind: state.kind,
    id: state.id,
    office_id: state.officeId,
    version: state.version,
    hlc: state.hlc,
    deleted: state.deleted ? 1 : 0,
    data: dataText(state.data),
    field_meta: fieldMetaText(state.fieldMeta),
    created_at: state.createdAt,
    created_by: state.createdBy,
    updated_at: state.updatedAt,
    updated_by: state.updatedBy,
  };
}

/** The record as desks store it: data fields plus the envelope (shared/records/envelope). */
export function snapshotOf(state: RecordState): Record<string, unknown> {
  return { ...state.data, ...envelopeOf(state) };
}

/** The meta fields every stored record carries, as HQ sends them. */
function envelopeOf(state: RecordState) {
  return {
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
 * JSON of a record's data, made once per data object: the record's row and its change
 * in the log both carry it. A state's data is never changed in place (a merge copies
 * it), so the text stays right for as long as the object lives.
 */
const dataTexts = new WeakMap<Record<string, unknown>, string>();
function dataText(data: Record<string, unknown>): string {
  let text = dataTexts.get(data);
  if (text === undefined) {
    text = JSON.stringify(data);
    dataTexts.set(data, text);
  }
  return text;
}

/**
 * `JSON.stringify(snapshotOf(state))`, from the data's text plus the envelope's rather
 * than by copying and writing out the data again. Data holding an envelope key (no
 * kind's schema has one) takes the plain way, where the envelope's value wins.
 */
export function snapshotJson(state: RecordState): string {
  const envelope = envelopeOf(state);
  if (Object.keys(envelope).some((key) => Object.hasOwn(state.data, key))) {
    return JSON.stringify({ ...state.data, ...envelope });
  }
  const envelopeText = JSON.stringify(envelope);
  const data = dataText(state.data);
  return data === '{}' ? envelopeText : `${data.slice(0, -1)},${envelopeText.slice(1)}`;
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

/** Every record of these kinds an office (or `referenceOwner`) holds, tombstones included. */
export async function loadRecordsOfKinds(
  db: Db,
  officeId: string,
  kinds: string[],
): Promise<RecordState[]> {
  const rows = await db
    .selectFrom('records')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('kind', 'in', kinds)
    .execute();
  return rows.map(stateOf);
}

/**
 * The states a record had, oldest first, as its change-log snapshots tell them. For the
 * rare look back at an account whose role or standing changed after an op was made.
 */
export async function recordHistory(
  db: Db,
  stream: string,
  kind: string,
  id: string,
): Promise<Record<string, unknown>[]> {
  const rows = await db
    .selectFrom('changes')
    .select(['snapshot'])
    .where('stream', '=', stream)
    .where('kind', '=', kind)
    .where('record_id', '=', id)
    .orderBy('seq')
    .execute();
  return rows.map((row) => JSON.parse(row.snapshot) as Record<string, unknown>);
}
