import { formatHlc, parseHlc, tickHlc } from '@shared/clock/hlc';
import type { DeskDatabase } from './database';

/**
 * Per-device counters kept in the meta table and advanced only inside a write
 * transaction, so they move together with the records and queue entries they stamp.
 */
const seqKey = 'deviceSeq';
const hlcKey = 'hlc';

export async function nextDeviceSeq(db: DeskDatabase): Promise<number> {
  const row = await db.meta.get(seqKey);
  const next = (typeof row?.value === 'number' ? row.value : 0) + 1;
  await db.meta.put({ key: seqKey, value: next });
  return next;
}

export async function nextHlc(db: DeskDatabase, nowMs: number, deviceId: string): Promise<string> {
  const row = await db.meta.get(hlcKey);
  const previous = typeof row?.value === 'string' ? parseHlc(row.value) : null;
  const next = formatHlc(tickHlc(previous, nowMs, deviceId));
  await db.meta.put({ key: hlcKey, value: next });
  return next;
}
