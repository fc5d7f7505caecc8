import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { AppError } from '@shared/errors/appError';
import type { CaseEventData } from '@shared/domain/caseEvent';
import type { HqTables } from '../../db/schema';
import { liveCases, liveRecords, officeNames } from './caseRows';
import { approvedStatuses } from './countySteps';

export interface TownshipConfirmed {
  caseId: string;
  officeId: string;
  programme: string;
  applicantName: string;
  /** The confirming step: its action, who took it (a township role), when. */
  action: string;
  actorName: string;
  actorRole: string;
  at: string;
}

/**
 * Cases confirmed at the township under delegation: a step reached one of the module's
 * approved statuses (an action marked 'approved') and its actor was not the county.
 */
export async function townshipConfirmed(db: Kysely<HqTables>): Promise<TownshipConfirmed[]> {
  const cases = new Map((await liveCases(db)).map((c) => [`${c.officeId}/${c.id}`, c]));
  const events = await liveRecords<CaseEventData>(db, 'caseEvent');
  const found = new Map<string, TownshipConfirmed>();
  for (const e of events) {
    const c = cases.get(`${e.officeId}/${e.data.caseId}`);
    if (!c || e.data.actorRole === 'county') continue;
    if (!approvedStatuses(c.data.programme).has(e.data.to)) continue;
    found.set(`${c.officeId}/${c.id}`, {
      caseId: c.id,
      officeId: c.officeId,
      programme: c.data.programme,
      applicantName: c.data.applicantName,
      action: e.data.action,
      actorName: e.data.actorName,
      actorRole: e.data.actorRole,
      at: e.data.at,
    });
  }
  return [...found.values()].sort((a, b) => a.caseId.localeCompare(b.caseId));
}

/** The sample size of a draw: the share of the population, rounded up (0 of none). */
export const sampleSize = (population: number, percent: number): number =>
  Math.ceil((population * percent) / 100);

/** 抽查: draws a random sample at the configured share and keeps it with who and when. */
export async function drawSpotCheck(
  db: Kysely<HqTables>,
  percent: number,
  drawnBy: string,
  now: Date,
) {
  const population = await townshipConfirmed(db);
  if (population.length === 0) {
    throw new AppError({
      code: 'validation',
      message: 'No township-confirmed case to draw from.',
      fieldErrors: [{ path: 'population', code: 'console.spot_check_empty' }],
    });
  }
  const pool = [...population];
  const size = sampleSize(pool.length, percent);
  // Fisher–Yates on a CSPRNG: nobody can predict which cases a draw takes.
  for (let i = pool.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [pool[i], pool[j]] = [pool[j] as TownshipConfirmed, pool[i] as TownshipConfirmed];
  }
  const sample = pool.slice(0, size);
  const id = uuidv7();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('spot_checks')
      .values({
        id,
        drawn_at: now.toISOString(),
        drawn_by: drawnBy,
        percent,
        population: population.length,
      })
      .execute();
    await trx
      .insertInto('spot_check_cases')
      .values(sample.map((s) => ({ check_id: id, case_id: s.caseId, office_id: s.officeId })))
      .execute();
  });
  return { id, population: population.length, percent, caseIds: sample.map((s) => s.caseId) };
}

/** Every draw, newest first, with its cases as they stand now. */
export async function listSpotChecks(db: Kysely<HqTables>) {
  const [checks, picked, confirmed, names] = await Promise.all([
    db.selectFrom('spot_checks').selectAll().orderBy('id', 'desc').limit(50).execute(),
    db.selectFrom('spot_check_cases').selectAll().execute(),
    townshipConfirmed(db),
    officeNames(db),
  ]);
  const byCase = new Map(confirmed.map((c) => [`${c.officeId}/${c.caseId}`, c]));
  return checks.map((check) => ({
    id: check.id,
    drawnAt: check.drawn_at,
    drawnBy: check.drawn_by,
    percent: check.percent,
    population: check.population,
    cases: picked
      .filter((p) => p.check_id === check.id)
      .map((p) => ({
        caseId: p.case_id,
        officeId: p.office_id,
        officeName: names.get(p.office_id) ?? p.office_id,
        confirmed: byCase.get(`${p.office_id}/${p.case_id}`) ?? null,
      })),
  }));
}
