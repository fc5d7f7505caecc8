/**
 * Reads what the office's own papers are built from (户籍登记表, 花名册, 月度统计): live
 * records of this office only, the office's name from its settings.
 */
import type { Programme } from '@shared/domain/assistanceCase';
import { monthlyFigures, type FigureRow } from '@shared/figures/monthlyFigures';
import { buildHouseholdForm, type HouseholdFormPaper } from '@shared/papers/householdForm';
import { buildRoster, type RosterPaper } from '@shared/papers/roster';
import type { DeskDatabase } from '../../database';
import { paymentRollsTable, rollUnpaidTable } from '../../tables/rollTables';
import { casesOfHousehold } from '../caseQueries';
import { getHouseholdWithMembers } from '../households';
import { loadSettings } from '../settings';

const ownLive = <T extends { deleted?: boolean; officeId: string }>(rows: T[], office: string) =>
  rows.filter((r) => !r.deleted && r.officeId === office);

async function office(db: DeskDatabase) {
  const settings = await loadSettings(db);
  return { officeId: settings?.officeId ?? '', officeName: settings?.officeName ?? '' };
}

export async function householdFormRecords(
  db: DeskDatabase,
  householdId: string,
): Promise<HouseholdFormPaper | null> {
  const found = await getHouseholdWithMembers(db, householdId);
  if (!found) return null;
  const [cases, { officeName }] = await Promise.all([
    casesOfHousehold(db, householdId),
    office(db),
  ]);
  return buildHouseholdForm({
    household: found.household,
    persons: found.members.map((m) => m.person),
    cases: cases.map((c) => ({ id: c.id, data: c })),
    officeName,
  });
}

/** The roster of a programme for a month (shared/papers/roster.ts). */
export async function rosterRecords(
  db: DeskDatabase,
  programme: Programme,
  month: string,
): Promise<RosterPaper> {
  const { officeId, officeName } = await office(db);
  // The programme's cases (indexed), then only their households and heads: never the
  // whole registry.
  const [cases, rolls] = await Promise.all([
    db.cases.where('programme').equals(programme).toArray(),
    paymentRollsTable(db).where('[programme+month]').equals([programme, month]).toArray(),
  ]);
  const own = ownLive(cases, officeId);
  const households = await db.households.bulkGet([...new Set(own.map((c) => c.householdId))]);
  const liveHouseholds = ownLive(
    households.flatMap((h) => (h ? [h] : [])),
    officeId,
  );
  const heads = await db.persons.bulkGet([
    ...new Set([
      ...liveHouseholds.map((h) => h.headPersonId),
      ...own.map((c) => c.applicantPersonId),
    ]),
  ]);
  return buildRoster({
    programme,
    month,
    officeName,
    cases: own.map((c) => ({ id: c.id, data: c })),
    households: liveHouseholds,
    persons: heads.flatMap((p) => (p && !p.deleted ? [p] : [])),
    rolls: ownLive(rolls, officeId).map((r) => ({ id: r.id, data: r })),
  });
}

export interface OfficeFigures {
  officeId: string;
  officeName: string;
  month: string;
  /** One row per programme, registry order. */
  rows: FigureRow[];
}

/** The county's monthly figures (shared/figures/monthlyFigures.ts) for this office alone. */
export async function officeFigures(db: DeskDatabase, month: string): Promise<OfficeFigures> {
  const { officeId, officeName } = await office(db);
  const [cases, rolls, unpaid] = await Promise.all([
    db.cases.toArray(),
    paymentRollsTable(db).toArray(),
    rollUnpaidTable(db).toArray(),
  ]);
  const figures = monthlyFigures(
    {
      offices: [officeId],
      cases: ownLive(cases, officeId).map((c) => ({ id: c.id, officeId, data: c })),
      rolls: ownLive(rolls, officeId).map((r) => ({ id: r.id, officeId, data: r })),
      unpaid: ownLive(unpaid, officeId).map((u) => ({ id: u.id, officeId, data: u })),
    },
    month,
  );
  return { officeId, officeName, month, rows: figures.rows };
}
