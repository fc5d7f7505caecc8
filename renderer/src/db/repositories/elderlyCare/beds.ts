import { AppError, type FieldError } from '@shared/errors/appError';
import type { BedData } from '@shared/domain/elderlyCare/institution';
import { requireElderlyRole } from '@shared/domain/elderlyCare/roles';
import { bedCountIssues, nextBedNumbers } from '@shared/domain/elderlyCare/roomBeds';
import type { DeskDatabase } from '../../database';
import { write, type Writer } from '../../writePath';
import type { WriteContext } from '../../writeContext';
import type { BedBatch, NewBedInput } from './institutions';
import { notFound } from './staysSync';
import { elderlyTables, live, type Bed, type Room } from './tables';

/**
 * Beds of a room: added (with the room, or later to a room that exists), corrected,
 * put under repair and back, retired. Each change of a saved bed is a correction with
 * a reason; the bed keeps every superseded version, which its record shows.
 */
/**
 * Adds beds to a room that exists (one whose beds failed, or one that grows), numbered
 * after the room's highest bed number; refused when the room would hold more than
 * `maxBedsPerRoom` beds in service.
 */
export async function addBedsToRoom(
  db: DeskDatabase,
  ctx: WriteContext,
  roomId: string,
  batch: BedBatch & { inServiceFrom: string },
) {
  return write(db, ctx, async (w) => {
    requireElderlyRole(ctx.actor.role, 'setup');
    const room = await elderlyTables(db).rooms.get(roomId);
    if (!room || room.deleted) throw notFound('elderlyRoom', roomId);
    const inRoom = live(await elderlyTables(db).beds.where('roomId').equals(roomId).toArray());
    const inService = inRoom.filter((b) => b.retiredOn === null);
    refuseIssues(bedCountIssues(batch.bedCount, inService.length));
    const numbers = nextBedNumbers(
      inRoom.map((b) => b.number),
      batch.bedCount ?? 0,
    );
    const beds = numbers.map((number) => ({
      number,
      bedType: batch.bedType,
      sexRule: batch.sexRule,
    }));
    return createBeds(w, room, beds, batch.inServiceFrom);
  });
}

export async function createBeds(
  w: Writer,
  room: Pick<Room, 'id' | 'institutionId' | 'buildingId'>,
  beds: readonly NewBedInput[],
  inServiceFrom: string,
): Promise<Bed[]> {
  const created: Bed[] = [];
  for (const [index, bed] of beds.entries()) {
    created.push(
      await withBedPath(index, () =>
        w.create('elderlyBed', {
          ...bed,
          institutionId: room.institutionId,
          buildingId: room.buildingId,
          roomId: room.id,
          inServiceFrom,
          retiredOn: null,
          maintenance: false,
          maintenanceReason: '',
          note: '',
        }),
      ),
    );
  }
  return created;
}

export function refuseIssues(issues: FieldError[]): void {
  if (issues.length > 0) {
    throw new AppError({
      code: 'validation',
      message: `Invalid bed count: ${issues.map((i) => i.code).join(', ')}.`,
      fieldErrors: issues,
    });
  }
}

/** Marks each bed's errors with its row, as the household form does for members. */
async function withBedPath<T>(index: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.fieldErrors.length > 0) {
      throw new AppError({
        ...error.toData(),
        fieldErrors: error.fieldErrors.map((e) => ({ ...e, path: `beds.${index}.${e.path}` })),
      });
    }
    throw error;
  }
}

/**
 * A correction of a bed's number, sex rule or note (type and start of service are
 * fixed) — and of the repair reason of a bed under repair, which a bed put under repair
 * before the reason was recorded lacks: without it every correction is refused.
 */
export async function editBed(
  db: DeskDatabase,
  ctx: WriteContext,
  bed: Pick<Bed, 'id' | 'version'>,
  patch: Partial<Pick<BedData, 'number' | 'sexRule' | 'note' | 'maintenanceReason'>>,
  reason: string,
) {
  return write(db, ctx, (w) => {
    requireElderlyRole(ctx.actor.role, 'setup');
    return w.update('elderlyBed', bed.id, bed.version, patch, { reason });
  });
}

/**
 * Takes a bed out of use for repairs (the repair reason is required and shown on the
 * board), or puts it back (`reason` then says what was done); refused while anyone
 * holds the bed. Either way the bed keeps its superseded version with the reason.
 */
export async function setBedMaintenance(
  db: DeskDatabase,
  ctx: WriteContext,
  bed: Pick<Bed, 'id' | 'version'>,
  maintenance: boolean,
  reason: string,
) {
  return write(db, ctx, (w) => {
    requireElderlyRole(ctx.actor.role, 'setup');
    const maintenanceReason = maintenance ? reason.trim() : '';
    if (maintenance && maintenanceReason === '') {
      refuseIssues([{ path: 'maintenanceReason', code: 'elderly.maintenance_reason_required' }]);
    }
    return w.update(
      'elderlyBed',
      bed.id,
      bed.version,
      { maintenance, maintenanceReason },
      { reason },
    );
  });
}

/** Retires a bed from `date` on (final); past figures still count it before that day. */
export async function retireBed(
  db: DeskDatabase,
  ctx: WriteContext,
  bed: Pick<Bed, 'id' | 'version'>,
  date: string,
  reason: string,
) {
  return write(db, ctx, (w) => {
    requireElderlyRole(ctx.actor.role, 'setup');
    return w.update(
      'elderlyBed',
      bed.id,
      bed.version,
      { retiredOn: date, maintenance: false, maintenanceReason: '' },
      { reason },
    );
  });
}
