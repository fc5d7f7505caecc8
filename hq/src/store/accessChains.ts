import type { Kysely, Transaction } from 'kysely';
import type { ChainBreak } from '@shared/accessChain/seal';
import { newRecordId } from '@shared/records/ids';
import type { HqTables } from '../db/schema';

type Db = Kysely<HqTables> | Transaction<HqTables>;

/** A desk's chain as HQ holds it: its key (null until presented) and last entry. */
export interface HeldChain {
  key: string | null;
  head: { seq: number; seal: string } | null;
}

export async function heldChain(db: Db, deviceId: string): Promise<HeldChain> {
  const row = await db
    .selectFrom('devices')
    .select(['chain_key', 'chain_seq', 'chain_seal'])
    .where('id', '=', deviceId)
    .executeTakeFirst();
  return {
    key: row?.chain_key ?? null,
    head:
      row?.chain_seq !== null && row?.chain_seq !== undefined && row.chain_seal !== null
        ? { seq: Number(row.chain_seq), seal: row.chain_seal }
        : null,
  };
}

export async function saveChainHead(
  db: Db,
  deviceId: string,
  head: { seq: number; seal: string },
): Promise<void> {
  await db
    .updateTable('devices')
    .set({ chain_seq: head.seq, chain_seal: head.seal })
    .where('id', '=', deviceId)
    .execute();
}

export async function recordChainBreaks(
  db: Db,
  device: { id: string; officeId: string },
  breaks: readonly ChainBreak[],
  now: Date,
): Promise<void> {
  if (breaks.length === 0) return;
  await db
    .insertInto('access_chain_breaks')
    .values(
      breaks.map((b) => ({
        id: newRecordId(),
        office_id: device.officeId,
        device_id: device.id,
        kind: b.kind,
        seq: b.seq,
        missing_from: b.missing?.from ?? null,
        missing_to: b.missing?.to ?? null,
        found_at: now.toISOString(),
      })),
    )
    .execute();
}

/**
 * The key a desk presents (with a push, or in a package's manifest): kept when HQ has
 * none for the desk; a different one is a break ('key_changed', once per key change
 * noticed) and is never taken — a desk cannot restart its chain by changing keys.
 */
export async function presentChainKey(
  db: Db,
  device: { id: string; officeId: string },
  key: string | undefined,
  now: Date,
): Promise<void> {
  if (!key) return;
  const held = await heldChain(db, device.id);
  if (held.key === null) {
    // Only while none is held: two requests presenting keys at once (two HQs over one
    // PostgreSQL, a pull beside a push) cannot replace the first one taken.
    const taken = await db
      .updateTable('devices')
      .set({ chain_key: key })
      .where('id', '=', device.id)
      .where('chain_key', 'is', null)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 1) return;
    // Another key got there first (or there is no such device): judge this one against it.
    if ((await heldChain(db, device.id)).key === null) return;
    return presentChainKey(db, device, key, now);
  }
  if (held.key === key) return;
  const seq = held.head?.seq ?? 0;
  const already = await db
    .selectFrom('access_chain_breaks')
    .select('id')
    .where('device_id', '=', device.id)
    .where('kind', '=', 'key_changed')
    .where('seq', '=', seq)
    .executeTakeFirst();
  if (!already) await recordChainBreaks(db, device, [{ kind: 'key_changed', seq }], now);
}

/**
 * The head a desk reports of itself (a pull's report, a package's manifest): behind what
 * HQ already holds of its chain means entries HQ has are gone from the desk — the chain
 * was cut back (an old backup restored over it, or its log removed). Reported once per
 * head seen.
 */
export async function reportedChainHead(
  db: Db,
  device: { id: string; officeId: string },
  reported: number | undefined,
  now: Date,
): Promise<void> {
  if (reported === undefined) return;
  const held = await heldChain(db, device.id);
  if (!held.head || reported >= held.head.seq) return;
  const already = await db
    .selectFrom('access_chain_breaks')
    .select('id')
    .where('device_id', '=', device.id)
    .where('kind', '=', 'truncated')
    .where('seq', '=', reported)
    .executeTakeFirst();
  if (!already) await recordChainBreaks(db, device, [{ kind: 'truncated', seq: reported }], now);
}

/**
 * A pull's report: the desk says it holds nothing unsent (`queued` 0, counted with its
 * head after the push) yet its chain goes past the last entry HQ holds — the newest
 * entries were removed before they were sent, and nothing after them shows the gap yet.
 * Recorded as the removal the next entry would show (the same range is never recorded
 * twice: see `alreadyRemoved`). Not for packages: a look written while one is made may
 * be past its contents.
 */
export async function reportedChainTail(
  db: Db,
  device: { id: string; officeId: string },
  report: { queued: number; accessChainSeq?: number | undefined } | undefined,
  now: Date,
): Promise<void> {
  if (!report || report.queued !== 0 || report.accessChainSeq === undefined) return;
  const held = await heldChain(db, device.id);
  const from = (held.head?.seq ?? 0) + 1;
  const to = report.accessChainSeq;
  if (held.key === null || to < from) return;
  if (await alreadyRemoved(db, device.id, { from, to })) return;
  await recordChainBreaks(db, device, [{ kind: 'removed', seq: to, missing: { from, to } }], now);
}

/** Whether HQ recorded these numbers as removed already (by a report or by an entry). */
export async function alreadyRemoved(
  db: Db,
  deviceId: string,
  missing: { from: number; to: number },
): Promise<boolean> {
  const row = await db
    .selectFrom('access_chain_breaks')
    .select('id')
    .where('device_id', '=', deviceId)
    .where('kind', '=', 'removed')
    .where('missing_from', '=', missing.from)
    .where('missing_to', '=', missing.to)
    .executeTakeFirst();
  return row !== undefined;
}

export interface ChainBreakRow {
  deviceId: string;
  kind: string;
  seq: number;
  missing: { from: number; to: number } | null;
  foundAt: string;
}

/** The breaks found in an office's desks' chains, newest first. */
export async function chainBreaksOf(db: Db, officeId: string): Promise<ChainBreakRow[]> {
  const rows = await db
    .selectFrom('access_chain_breaks')
    .selectAll()
    .where('office_id', '=', officeId)
    .orderBy('found_at', 'desc')
    .orderBy('seq', 'desc')
    .execute();
  return rows.map((r) => ({
    deviceId: r.device_id,
    kind: r.kind,
    seq: Number(r.seq),
    missing:
      r.missing_from !== null && r.missing_to !== null
        ? { from: Number(r.missing_from), to: Number(r.missing_to) }
        : null,
    foundAt: r.found_at,
  }));
}
