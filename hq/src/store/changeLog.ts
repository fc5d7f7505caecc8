import type { Kysely, Transaction } from 'kysely';
import type { HqTables } from '../db/schema';
import { insertRows } from '../sync/bulkInsert';

type Db = Kysely<HqTables> | Transaction<HqTables>;

/** Sequence columns are 32-bit on PostgreSQL: a position past this is past every change. */
export const maxStoredSeq = 2_147_483_647;
export const storableSeq = (seq: number) => Math.min(seq, maxStoredSeq);

/**
 * Takes the stream's row lock for the rest of the transaction. Every write to an
 * office's records happens under it, so two HQ processes over one PostgreSQL never
 * merge against a stale record, and sequence numbers are handed out in commit order
 * (a desk's cursor can never skip a change that commits later with a smaller number).
 * Returns the stream's current sequence number, which no one else can move meanwhile.
 */
export async function lockStream(trx: Transaction<HqTables>, stream: string): Promise<number> {
  const row = await trx
    .updateTable('streams')
    .set((eb) => ({ seq: eb.ref('seq') }))
    .where('id', '=', stream)
    .returning('seq')
    .executeTakeFirst();
  if (!row) throw new Error(`Unknown stream ${stream}.`);
  return Number(row.seq);
}

export interface ChangeRow {
  kind: string;
  recordId: string;
  /** The record as desks store it, or that already as JSON text (`snapshotJson`). */
  snapshot: Record<string, unknown> | string;
  opId: string | null;
  reason?: string | null;
}

/** Appends changes to a stream (caller holds its lock); returns their sequence numbers. */
export async function appendChanges(
  trx: Transaction<HqTables>,
  stream: string,
  rows: ChangeRow[],
  now: Date,
): Promise<number[]> {
  if (rows.length === 0) return [];
  const updated = await trx
    .updateTable('streams')
    .set((eb) => ({ seq: eb('seq', '+', rows.length) }))
    .where('id', '=', stream)
    .returning('seq')
    .executeTakeFirstOrThrow();
  const last = Number(updated.seq);
  const seqs = rows.map((_, i) => last - rows.length + 1 + i);
  await trx
    .insertInto('changes')
    .values(
      rows.map((row, i) => ({
        stream,
        seq: seqs[i] ?? 0,
        kind: row.kind,
        record_id: row.recordId,
        snapshot: snapshotText(row.snapshot),
        op_id: row.opId,
        reason: row.reason ?? null,
        created_at: now.toISOString(),
      })),
    )
    .execute();
  return seqs;
}

/** A change numbered by the caller, with the time it was made. */
export type NumberedChange = ChangeRow & { seq: number; at: Date };

const changeColumns = [
  'stream',
  'seq',
  'kind',
  'record_id',
  'snapshot',
  'op_id',
  'reason',
  'created_at',
] as const;

/** Rows per multi-row insert: 8 columns × 500 is well under both databases' limits. */
const rowsPerInsert = 500;

/**
 * Writes changes already numbered by a caller that holds the stream's lock and counted
 * from `lockStream`'s answer (a push batch numbers its changes in memory and writes them
 * together), then moves the stream's counter to `lastSeq`.
 */
export async function insertNumberedChanges(
  trx: Transaction<HqTables>,
  stream: string,
  rows: NumberedChange[],
  lastSeq: number,
): Promise<void> {
  if (rows.length === 0) return;
  for (let i = 0; i < rows.length; i += rowsPerInsert) {
    const values = rows
      .slice(i, i + rowsPerInsert)
      .map((row) => [
        stream,
        row.seq,
        row.kind,
        row.recordId,
        snapshotText(row.snapshot),
        row.opId,
        row.reason ?? null,
        row.at.toISOString(),
      ]);
    await insertRows(trx, 'changes', changeColumns, values);
  }
  await trx.updateTable('streams').set({ seq: lastSeq }).where('id', '=', stream).execute();
}

const snapshotText = (snapshot: ChangeRow['snapshot']) =>
  typeof snapshot === 'string' ? snapshot : JSON.stringify(snapshot);

export async function currentSeq(db: Db, stream: string): Promise<number> {
  const row = await db
    .selectFrom('streams')
    .select('seq')
    .where('id', '=', stream)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** A change as stored: its snapshot still the JSON text HQ wrote. */
export interface StoredChange {
  seq: number;
  kind: string;
  snapshot: string;
  reason: string | null;
  opId: string | null;
}

export async function readChangeRows(
  db: Db,
  stream: string,
  after: number,
  limit: number,
): Promise<StoredChange[]> {
  const rows = await db
    .selectFrom('changes')
    .select(['seq', 'kind', 'snapshot', 'reason', 'op_id'])
    .where('stream', '=', stream)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    seq: Number(row.seq),
    kind: row.kind,
    snapshot: row.snapshot,
    reason: row.reason ?? null,
    opId: row.op_id ?? null,
  }));
}

export async function readChanges(db: Db, stream: string, after: number, limit: number) {
  const rows = await readChangeRows(db, stream, after, limit);
  return rows.map((row) => ({
    seq: row.seq,
    kind: row.kind,
    record: JSON.parse(row.snapshot) as Record<string, unknown>,
    ...(row.reason ? { reason: row.reason } : {}),
    ...(row.opId ? { opId: row.opId } : {}),
  }));
}
