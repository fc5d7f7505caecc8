import { AppError } from '@shared/errors/appError';
import { projectStays, type MovementEvent } from '@shared/domain/elderlyCare/projection';
import type { StayData } from '@shared/domain/elderlyCare/stay';
import { invalid } from '@shared/validation/fieldErrors';
import type { DeskDatabase } from '../../database';
import type { Writer } from '../../writePath';
import { elderlyTables, live } from './tables';

/**
 * Brings a resident's stored stays in line with the replay of their movements, inside
 * the caller's write() transaction. Order matters for the one-stay-at-a-time rule the
 * write path checks on each put: stays that stop counting are voided first, then
 * changed stays are written (closings before reopenings), then new stays created. So a
 * bed change closes the old stay before the new one exists, and its reversal voids the
 * new stay before the old one reopens.
 */
export async function syncStays(
  w: Writer,
  db: DeskDatabase,
  residentId: string,
  movements: readonly MovementEvent[],
): Promise<Map<string, StayData>> {
  const projected = projectStays(movements);
  if (!projected.ok) throw invalid('elderlyMovement', [projected.error]);
  const after = projected.stays;
  const stored = live(
    await elderlyTables(db).stays.where('residentId').equals(residentId).toArray(),
  );
  const storedIds = new Set(stored.map((s) => s.id));

  for (const s of stored) {
    if (s.state !== 'void' && !after.has(s.id)) {
      await w.update('elderlyStay', s.id, s.version, { state: 'void' });
    }
  }
  const changed = stored
    .filter((s) => after.has(s.id))
    .sort((a, b) => rank(after.get(a.id)) - rank(after.get(b.id)));
  for (const s of changed) {
    const next = after.get(s.id);
    if (next) await w.update('elderlyStay', s.id, s.version, next);
  }
  for (const [id, stay] of after) {
    if (!storedIds.has(id)) await w.create('elderlyStay', stay, id);
  }
  return after;
}

/** Closed stays are written before open ones. */
const rank = (stay: StayData | undefined) => (stay?.state === 'closed' ? 0 : 1);

/** A resident's whole movement log, in the caller's transaction when there is one. */
export async function movementLog(db: DeskDatabase, residentId: string) {
  const rows = await elderlyTables(db).movements.where('residentId').equals(residentId).toArray();
  return live(rows);
}

export function notFound(what: string, id: string): AppError {
  return new AppError({ code: 'not_found', message: `No ${what} with id ${id}.` });
}
