import { figuresAsOf, type ElderlyFigures, type Period } from '@shared/domain/elderlyCare/figures';
import type { DeskDatabase } from '../../database';
import { loadElderlyCareSettings } from './settings';
import { elderlyTables, live } from './tables';

/**
 * Reads what the figures need — beds, stays, residents, assessments — for one
 * institution or the whole office, and computes them with the shared pure function,
 * so the numbers on screen are the numbers the tests check.
 */
export async function loadFigures(
  db: DeskDatabase,
  institutionId: string | null,
  date: string,
  period: Period,
): Promise<ElderlyFigures> {
  const t = elderlyTables(db);
  const [beds, stays, settings] = await Promise.all([
    institutionId
      ? t.beds.where('institutionId').equals(institutionId).toArray()
      : t.beds.toArray(),
    institutionId
      ? t.stays.where('institutionId').equals(institutionId).toArray()
      : t.stays.toArray(),
    loadElderlyCareSettings(db),
  ]);
  const liveStays = live(stays);
  const residentIds = [...new Set(liveStays.map((s) => s.residentId))];
  const [residents, assessments] = await Promise.all([
    t.residents.bulkGet(residentIds),
    t.assessments.where('residentId').anyOf(residentIds).toArray(),
  ]);
  return figuresAsOf(
    {
      beds: live(beds),
      stays: liveStays,
      residents: new Map(residents.flatMap((r) => (r && !r.deleted ? [[r.id, r] as const] : []))),
      assessments: live(assessments),
      settings,
    },
    date,
    period,
  );
}
