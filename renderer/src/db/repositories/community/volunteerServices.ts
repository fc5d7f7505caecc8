import { AppError } from '@shared/errors/appError';
import type { VolunteerServiceData } from '@shared/domain/community/volunteerService';
import type { StoredRecord } from '@shared/records/envelope';
import type { DeskDatabase } from '../../database';
import { volunteerServicesTable } from '../../tables/communityTables';
import { write, type Writer } from '../../writePath';
import type { WriteContext } from '../../writeContext';

export type VolunteerService = StoredRecord<VolunteerServiceData>;

/** What the service form collects; volunteer, names and recorder are filled here. */
export interface VolunteerServiceFields {
  activityId: string | null;
  content: string;
  place: string;
  startAt: string;
  endAt: string;
  travelMinutes: number;
}

/** The activity's name as of this write, so the ledger shows it without a join. */
async function activityNameOf(w: Writer, activityId: string | null): Promise<string> {
  if (!activityId) return '';
  const activity = await w.get('volunteerActivity', activityId);
  if (!activity || activity.deleted) {
    throw new AppError({
      code: 'validation',
      message: 'No such activity.',
      fieldErrors: [{ path: 'activityId', code: 'community.activity_missing' }],
    });
  }
  return activity.name;
}

/**
 * Records a stretch of volunteer service. Who recorded it and when are stamped from
 * the logged-in user (national measures: the recorder is part of the record).
 */
export async function recordVolunteerService(
  db: DeskDatabase,
  ctx: WriteContext,
  volunteerId: string,
  fields: VolunteerServiceFields,
): Promise<VolunteerService> {
  return write(db, ctx, async (w) => {
    const volunteer = await w.get('volunteer', volunteerId);
    if (!volunteer || volunteer.deleted) {
      throw new AppError({
        code: 'validation',
        message: 'No such volunteer.',
        fieldErrors: [{ path: 'volunteerId', code: 'community.volunteer_missing' }],
      });
    }
    return w.create('volunteerService', {
      ...fields,
      volunteerId,
      volunteerName: volunteer.name,
      activityName: await activityNameOf(w, fields.activityId),
      recordedBy: { userId: ctx.actor.userId, name: ctx.actor.name, at: ctx.now().toISOString() },
      voided: false,
    });
  });
}

/** A correction: a new version with its reason; the original recorder stays on the record. */
export async function correctVolunteerService(
  db: DeskDatabase,
  ctx: WriteContext,
  id: string,
  baseVersion: number,
  fields: VolunteerServiceFields,
  reason: string,
): Promise<VolunteerService> {
  return write(db, ctx, async (w) => {
    const activityName = await activityNameOf(w, fields.activityId);
    return w.update('volunteerService', id, baseVersion, { ...fields, activityName }, { reason });
  });
}

/**
 * A record entered by mistake is voided, not deleted: it stops counting towards hours
 * and certificates, and its history (with the reason) stays readable.
 */
export async function voidVolunteerService(
  db: DeskDatabase,
  ctx: WriteContext,
  id: string,
  baseVersion: number,
  reason: string,
): Promise<VolunteerService> {
  return write(db, ctx, (w) =>
    w.update('volunteerService', id, baseVersion, { voided: true }, { reason }),
  );
}

export async function getVolunteerService(db: DeskDatabase, id: string) {
  const s = await volunteerServicesTable(db).get(id);
  return s && !s.deleted ? s : undefined;
}

/** A volunteer's service ledger, newest first (voided records included, marked). */
export async function servicesOfVolunteer(
  db: DeskDatabase,
  volunteerId: string,
): Promise<VolunteerService[]> {
  const records = await volunteerServicesTable(db)
    .where('volunteerId')
    .equals(volunteerId)
    .toArray();
  return records.filter((r) => !r.deleted).sort((a, b) => b.startAt.localeCompare(a.startAt));
}

/** All-time minutes of actual service per volunteer, for the ledger's totals column. */
export async function totalMinutesOf(
  db: DeskDatabase,
  volunteerIds: string[],
): Promise<Map<string, number>> {
  const records = await volunteerServicesTable(db)
    .where('volunteerId')
    .anyOf(volunteerIds)
    .toArray();
  const totals = new Map<string, number>(volunteerIds.map((id) => [id, 0]));
  for (const r of records) {
    if (r.deleted || r.voided) continue;
    totals.set(r.volunteerId, (totals.get(r.volunteerId) ?? 0) + r.serviceMinutes);
  }
  return totals;
}
