import type { ActivityData, ActivityInput } from '@shared/domain/community/activity';
import type { StoredRecord } from '@shared/records/envelope';
import type { DeskDatabase } from '../../database';
import { activitiesTable } from '../../tables/communityTables';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';

export type Activity = StoredRecord<ActivityData>;

export async function createActivity(
  db: DeskDatabase,
  ctx: WriteContext,
  input: ActivityInput,
): Promise<Activity> {
  return write(db, ctx, (w) => w.create('volunteerActivity', input));
}

/** A correction of an activity: a new version with its reason, the old one kept. */
export async function correctActivity(
  db: DeskDatabase,
  ctx: WriteContext,
  id: string,
  baseVersion: number,
  input: ActivityInput,
  reason: string,
): Promise<Activity> {
  return write(db, ctx, (w) =>
    w.update('volunteerActivity', id, baseVersion, input as ActivityData, { reason }),
  );
}

export async function getActivity(db: DeskDatabase, id: string): Promise<Activity | undefined> {
  const a = await activitiesTable(db).get(id);
  return a && !a.deleted ? a : undefined;
}

/** Activities, most recent date first. */
export async function listActivities(db: DeskDatabase, limit = 200): Promise<Activity[]> {
  return activitiesTable(db)
    .orderBy('date')
    .reverse()
    .filter((a) => !a.deleted)
    .limit(limit)
    .toArray();
}
