import type { HomeCareVisitData } from '@shared/domain/elderlyCare/homeCare';
import { requireElderlyRole } from '@shared/domain/elderlyCare/roles';
import type { DeskDatabase } from '../../database';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';
import { elderlyTables, live, type HomeCareVisit } from './tables';

/**
 * 社区居家养老 visits. The visited person is a registered person; the name is copied
 * so lists need no join. A correction keeps the superseded visit with its reason.
 */
export type VisitInput = Omit<HomeCareVisitData, 'durationMinutes' | 'notes'> & { notes?: string };

export async function recordVisit(db: DeskDatabase, ctx: WriteContext, input: VisitInput) {
  return write(db, ctx, (w) => {
    requireElderlyRole(ctx.actor.role, 'record');
    return w.create('elderlyHomeCareVisit', input);
  });
}

export async function correctVisit(
  db: DeskDatabase,
  ctx: WriteContext,
  visit: Pick<HomeCareVisit, 'id' | 'version'>,
  patch: Partial<VisitInput>,
  reason: string,
) {
  return write(db, ctx, (w) => {
    requireElderlyRole(ctx.actor.role, 'record');
    return w.update('elderlyHomeCareVisit', visit.id, visit.version, patch, { reason });
  });
}

/** One person's visits, newest first. */
export async function visitsOfPerson(db: DeskDatabase, personId: string) {
  const rows = await elderlyTables(db).visits.where('personId').equals(personId).toArray();
  return live(rows).sort((a, b) => b.startAt.localeCompare(a.startAt));
}

/** The office's latest visits, newest first (indexed by start). */
export async function recentVisits(db: DeskDatabase, limit = 200): Promise<HomeCareVisit[]> {
  return elderlyTables(db)
    .visits.orderBy('startAt')
    .reverse()
    .filter((v) => !v.deleted)
    .limit(limit)
    .toArray();
}

/** Superseded versions of a visit with why each was corrected, oldest first. */
export async function visitRevisions(db: DeskDatabase, visitId: string) {
  const rows = await db.revisions
    .where('[kind+recordId]')
    .equals(['elderlyHomeCareVisit', visitId])
    .toArray();
  return rows.sort((a, b) => a.version - b.version || a.supersededAt.localeCompare(b.supersededAt));
}
