import type { DischargeReason, MovementType } from '@shared/domain/elderlyCare/enums';
import {
  effectiveMovements,
  openStayOf,
  projectStays,
} from '@shared/domain/elderlyCare/projection';
import { requireElderlyRole } from '@shared/domain/elderlyCare/roles';
import type { FieldError } from '@shared/errors/appError';
import { invalid } from '@shared/validation/fieldErrors';
import type { DeskDatabase } from '../../database';
import { write, type Writer } from '../../writePath';
import type { WriteContext } from '../../writeContext';
import { movementLog, notFound, syncStays } from './staysSync';
import { elderlyTables, live, type Movement } from './tables';

/**
 * Movements (入住变动): each is ONE write() that appends the event and rewrites the
 * resident's stays from the replayed log, so a bed change closes one stay and opens
 * another in the same transaction, and a refused event leaves nothing behind.
 */
export interface MovementInput {
  residentId: string;
  type: Exclude<MovementType, 'reversal'>;
  date: string;
  /** reserve / admit / change_bed: the bed moved into. */
  bedId?: string;
  /** change_bed: the bed the form saw the resident in; a stale form is refused. */
  fromBedId?: string;
  dischargeReason?: DischargeReason;
  destination?: string;
  note?: string;
}

const movesIntoBed = (type: MovementType) =>
  type === 'reserve' || type === 'admit' || type === 'change_bed';

const refuse = (error: FieldError) => invalid('elderlyMovement', [error]);

export async function recordMovement(db: DeskDatabase, ctx: WriteContext, input: MovementInput) {
  return write(db, ctx, (w) => recordMovementIn(w, db, input));
}

/** The body of recordMovement, for callers that write more in the same transaction. */
export async function recordMovementIn(
  w: Writer,
  db: DeskDatabase,
  input: MovementInput,
): Promise<Movement> {
  requireElderlyRole(w.ctx.actor.role, 'record');
  const resident = await w.get('elderlyResident', input.residentId);
  if (!resident || resident.deleted) throw notFound('resident', input.residentId);
  const log = await movementLog(db, resident.id);
  // Events are recorded in the order they happened: no slipping one under the last.
  const last = effectiveMovements(log).at(-1);
  if (last && input.date < last.date) {
    throw refuse({ path: 'date', code: 'elderly.date_before_last', params: { date: last.date } });
  }
  const before = projectStays(log);
  const open = before.ok ? openStayOf(before.stays)?.[1] : undefined;
  const bedId = movesIntoBed(input.type) ? input.bedId : open?.bedId;
  if (!bedId) {
    throw refuse(
      movesIntoBed(input.type)
        ? { path: 'bedId', code: 'field.required' }
        : { path: 'type', code: 'elderly.not_in_bed' },
    );
  }
  const bed = await w.get('elderlyBed', bedId);
  if (!bed || bed.deleted) throw notFound('bed', bedId);
  const movement = await w.create('elderlyMovement', {
    residentId: resident.id,
    institutionId: bed.institutionId,
    type: input.type,
    date: input.date,
    bedId,
    fromBedId: input.type === 'change_bed' ? (input.fromBedId ?? open?.bedId ?? null) : null,
    dischargeReason: input.type === 'discharge' ? (input.dischargeReason ?? null) : null,
    destination: input.destination ?? '',
    reversesId: null,
    reason: input.note ?? '',
    actorName: w.ctx.actor.name,
  });
  await syncStays(w, db, resident.id, [...log, movement]);
  return movement;
}

/**
 * Undoes the resident's latest event still in force by appending a reversal with its
 * reason; the event stays in the log, marked reversed. One at a time, newest first,
 * so each reversal returns the stays to a state that really existed.
 */
export async function reverseMovement(
  db: DeskDatabase,
  ctx: WriteContext,
  movementId: string,
  reason: string,
): Promise<Movement> {
  return write(db, ctx, async (w) => {
    requireElderlyRole(ctx.actor.role, 'reverse');
    const target = await w.get('elderlyMovement', movementId);
    if (!target || target.deleted) throw notFound('movement', movementId);
    if (target.type === 'reversal') {
      throw refuse({ path: 'reversesId', code: 'elderly.reverse_reversal' });
    }
    const log = await movementLog(db, target.residentId);
    const effective = effectiveMovements(log);
    if (!effective.some((m) => m.id === target.id)) {
      throw refuse({ path: 'reversesId', code: 'elderly.already_reversed' });
    }
    if (effective.at(-1)?.id !== target.id) {
      throw refuse({ path: 'reversesId', code: 'elderly.reverse_latest_only' });
    }
    const reversal = await w.create('elderlyMovement', {
      residentId: target.residentId,
      institutionId: target.institutionId,
      type: 'reversal',
      date: w.today,
      bedId: target.bedId,
      fromBedId: null,
      dischargeReason: null,
      destination: '',
      reversesId: target.id,
      reason,
      actorName: ctx.actor.name,
    });
    await syncStays(w, db, target.residentId, [...log, reversal]);
    return reversal;
  });
}

/** A resident's events as recorded (reversed ones included, for the history). */
export async function movementsOfResident(db: DeskDatabase, residentId: string) {
  return (await movementLog(db, residentId)).sort((a, b) => a.hlc.localeCompare(b.hlc));
}

/** Every event that touched a bed, oldest first. */
export async function movementsOfBed(db: DeskDatabase, bedId: string): Promise<Movement[]> {
  const rows = await elderlyTables(db).movements.where('bedIds').equals(bedId).toArray();
  return live(rows).sort((a, b) => a.hlc.localeCompare(b.hlc));
}

/** The id of the event a reversal would undo now, if any (the newest in force). */
export function reversibleId(log: readonly Movement[]): string | undefined {
  return effectiveMovements(log).at(-1)?.id;
}
