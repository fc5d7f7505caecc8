import { personsByIdNumbers } from '../persons';
import { dateOf } from '@shared/domain/community/localTime';
import { duplicateIdProblems } from '@shared/import/householdGroups';
import {
  serviceKey,
  volunteerHoursRoster,
  type VolunteerHoursField,
  type VolunteerHoursRow,
} from '@shared/import/volunteerHoursRoster';
import { cellsOf, type ColumnMapping, type RowProblem } from '@shared/import/types';
import type { DeskDatabase } from '../../database';
import { requireRole } from '../../permissions';
import {
  activitiesTable,
  volunteerServicesTable,
  volunteersTable,
} from '../../tables/communityTables';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';
import { readRowsInChunks } from './chunks';
import { ImportCancelled, rowFailure, type ImportProgress } from './importRun';
import type { RosterSheet } from './readSheet';

/** Per good row: the volunteer it names and the office's activity of that name that day. */
export interface HoursTarget {
  volunteerId: string;
  activityId: string | null;
}

export interface VolunteerHoursDryRun {
  problems: RowProblem[];
  targets: Map<number, HoursTarget>;
  /** Rows whose volunteer, day and activity the store already holds (skipped). */
  recorded: Set<number>;
  matches: ReadonlyMap<number, never>;
}

type Good = { row: number; value: VolunteerHoursRow };

/**
 * Reads every row of a volunteer-hours roster and writes nothing: the row checks, the
 * volunteer each names (by volunteer number and/or the person's ID number; none, or two
 * that disagree, is an error), a day before the volunteer joined (not yet a volunteer),
 * the same volunteer, day and activity twice in the file (an error) or already in the
 * store (a warning: skipped, so a sheet overlapping last month's imports once).
 */
export async function dryRunVolunteerHours(
  db: DeskDatabase,
  sheet: RosterSheet,
  mapping: ColumnMapping<VolunteerHoursField>,
  today: string,
  onProgress: (p: ImportProgress) => void = () => undefined,
): Promise<VolunteerHoursDryRun> {
  const problems: RowProblem[] = [];
  const targets = new Map<number, HoursTarget>();
  const recorded = new Set<number>();
  const keys: { row: number; idNumber: string }[] = [];
  const refuse = (row: number, p: Omit<RowProblem, 'row'>) => problems.push({ row, ...p });
  await readRowsInChunks(
    { sheet, mapping, today },
    volunteerHoursRoster,
    problems,
    async (good) => {
      const lookups = await chunkLookups(db, good);
      for (const { row, value } of good) {
        const byNumber = value.volunteerNumber
          ? lookups.byNumber.get(value.volunteerNumber)
          : undefined;
        const byId = value.idNumber ? lookups.byIdNumber.get(value.idNumber) : undefined;
        if ((value.volunteerNumber && !byNumber) || (value.idNumber && !byId)) {
          const field = value.volunteerNumber && !byNumber ? 'volunteerNumber' : 'idNumber';
          refuse(row, {
            group: 'not_in_registry',
            field,
            code: 'import.not_volunteer',
            severity: 'error',
          });
          continue;
        }
        if (byNumber && byId && byNumber.id !== byId.id) {
          const params = { name: byNumber.name, other: byId.name };
          refuse(row, {
            group: 'value',
            field: 'volunteerNumber',
            code: 'import.volunteer_mismatch',
            params,
            severity: 'error',
          });
          continue;
        }
        const volunteer = byNumber ?? byId;
        if (!volunteer) continue;
        if (volunteer.name !== value.name) {
          refuse(row, {
            group: 'value',
            field: 'name',
            code: 'import.name_differs',
            params: { name: volunteer.name },
            severity: 'warning',
          });
        }
        if (value.serviceDate < volunteer.joinedOn) {
          refuse(row, {
            group: 'date',
            field: 'serviceDate',
            code: 'import.before_joined',
            params: { name: volunteer.name, date: volunteer.joinedOn },
            severity: 'error',
          });
          continue;
        }
        const key = serviceKey(volunteer.id, value.serviceDate, value.activity);
        keys.push({ row, idNumber: key });
        if (lookups.stored.has(key)) {
          recorded.add(row);
          refuse(row, {
            group: 'in_registry',
            field: 'serviceDate',
            code: 'import.service_recorded',
            params: { name: volunteer.name, date: value.serviceDate },
            severity: 'warning',
          });
        }
        const activityId = lookups.activities.get(`${value.serviceDate}|${value.activity}`);
        targets.set(row, { volunteerId: volunteer.id, activityId: activityId ?? null });
      }
    },
    onProgress,
  );
  problems.push(...duplicateIdProblems(keys, 'serviceDate', 'import.duplicate_service'));
  return {
    problems: problems.sort((a, b) => a.row - b.row),
    targets,
    recorded,
    matches: new Map<number, never>(),
  };
}

/**
 * One chunk's reads, each an index query for the chunk's keys only (never the whole
 * table): volunteers by number and by person, the services those volunteers already
 * have, the office's activities on the chunk's days.
 */
async function chunkLookups(db: DeskDatabase, good: readonly Good[]) {
  const numbers = [...new Set(good.map((g) => g.value.volunteerNumber).filter(Boolean))];
  const idNumbers = [...new Set(good.map((g) => g.value.idNumber).filter(Boolean))];
  const live = <T extends { deleted: boolean }>(r: T) => !r.deleted;
  const byNumberList = await volunteersTable(db)
    .where('volunteerNumber')
    .anyOf(numbers)
    .filter(live)
    .toArray();
  const persons = await personsByIdNumbers(db, idNumbers);
  const idOfPerson = new Map(persons.map((p) => [p.id, p.idNumber]));
  const byPersonList = await volunteersTable(db)
    .where('personId')
    .anyOf([...idOfPerson.keys()])
    .filter(live)
    .toArray();
  const byNumber = new Map(byNumberList.map((v) => [v.volunteerNumber, v]));
  const byIdNumber = new Map(byPersonList.map((v) => [idOfPerson.get(v.personId) ?? '', v]));
  const volunteerIds = [...new Set([...byNumberList, ...byPersonList].map((v) => v.id))];
  const days = [...new Set(good.map((g) => g.value.serviceDate))].sort();
  const services = await servicesOf(db, volunteerIds, days[0] ?? '', days.at(-1) ?? '');
  const stored = new Set(
    services.flatMap((s) => [
      serviceKey(s.volunteerId, dateOf(s.startAt), s.activityName),
      // An imported row's 备注 follows its content: the activity is what precedes it.
      serviceKey(s.volunteerId, dateOf(s.startAt), s.content.replace(/（备注：.*）$/s, '')),
    ]),
  );
  const activityList = await activitiesTable(db).where('date').anyOf(days).filter(live).toArray();
  const activities = new Map(activityList.map((a) => [`${a.date}|${a.name.trim()}`, a.id]));
  return { byNumber, byIdNumber, stored, activities };
}

/** Whether the volunteer has a live service on the day under this activity or content. */
async function alreadyRecorded(
  db: DeskDatabase,
  volunteerId: string,
  day: string,
  activityName: string,
): Promise<boolean> {
  const key = serviceKey(volunteerId, day, activityName);
  const sameDay = await volunteerServicesTable(db)
    .where('startAt')
    .between(`${day}T00:00`, `${day}T23:59`, true, true)
    .filter((s) => s.volunteerId === volunteerId && !s.deleted && !s.voided)
    .toArray();
  return sameDay.some(
    (s) =>
      serviceKey(s.volunteerId, day, s.activityName) === key ||
      serviceKey(s.volunteerId, day, s.content.replace(/（备注：.*）$/s, '')) === key,
  );
}

/**
 * The live services of these volunteers that may fall on the chunk's days: by the days'
 * range or by the volunteers, whichever holds fewer records (counted on the index, not
 * read) — a month's sheet reads that month, a sheet of a few volunteers' years reads
 * theirs, never the whole ledger per chunk.
 */
async function servicesOf(db: DeskDatabase, volunteerIds: string[], first: string, last: string) {
  const table = volunteerServicesTable(db);
  if (volunteerIds.length === 0) return [];
  const inDays = () =>
    table.where('startAt').between(`${first}T00:00`, `${last}T23:59`, true, true);
  const ofVolunteers = () => table.where('volunteerId').anyOf(volunteerIds);
  const [byDays, byVolunteers] = await Promise.all([inDays().count(), ofVolunteers().count()]);
  const ids = new Set(volunteerIds);
  const rows =
    byDays < byVolunteers
      ? await inDays()
          .filter((s) => ids.has(s.volunteerId))
          .toArray()
      : await ofVolunteers().toArray();
  return rows.filter((s) => !s.deleted && !s.voided);
}

/** The rows the commit writes: every good row not already in the store. */
export function volunteerHoursRows(dry: VolunteerHoursDryRun): number[] {
  return [...dry.targets.keys()].filter((row) => !dry.recorded.has(row)).sort((a, b) => a - b);
}

/**
 * Records every planned stretch of service in ONE write() transaction, each as the
 * volunteer-hours dialog records it (the volunteer's name and the activity's copied, the
 * recorder stamped from the logged-in user), each with its queue entry; a failing row or
 * a cancel leaves nothing. Refuses while the dry run has errors.
 */
export async function commitVolunteerHours(
  db: DeskDatabase,
  ctx: WriteContext,
  input: {
    sheet: RosterSheet;
    mapping: ColumnMapping<VolunteerHoursField>;
    dry: VolunteerHoursDryRun;
  },
  options: { onProgress?: (p: ImportProgress) => void; signal?: AbortSignal } = {},
): Promise<{ services: number; hours: number }> {
  requireRole(ctx, ['supervisor'], 'import rosters');
  const { sheet, mapping, dry } = input;
  if (dry.problems.some((p) => p.severity === 'error')) {
    throw rowFailure(-1, { code: 'import.has_errors' });
  }
  const rows = volunteerHoursRows(dry);
  const recordedBy = {
    userId: ctx.actor.userId,
    name: ctx.actor.name,
    at: ctx.now().toISOString(),
  };
  return write(db, ctx, async (w) => {
    let done = 0;
    let minutes = 0;
    for (const row of rows) {
      if (options.signal?.aborted) throw new ImportCancelled();
      const cells = cellsOf(sheet.rows[row] ?? [], mapping);
      const { value } = volunteerHoursRoster.readRow(cells, row, w.today);
      const target = dry.targets.get(row);
      if (!value || !target) throw rowFailure(row, { code: 'import.row_changed' });
      try {
        const volunteer = await w.get('volunteer', target.volunteerId);
        if (!volunteer || volunteer.deleted || value.serviceDate < volunteer.joinedOn) {
          throw rowFailure(row, { code: 'import.row_changed' });
        }
        const activity = target.activityId
          ? await w.get('volunteerActivity', target.activityId)
          : undefined;
        // Recorded since the check (by hand, or pulled from a colleague): the sheet's row
        // would count the hours twice. Nothing is written; 检查 again skips it.
        if (await alreadyRecorded(db, volunteer.id, value.serviceDate, value.activity)) {
          throw rowFailure(row, { code: 'import.row_changed' });
        }
        await w.create('volunteerService', {
          volunteerId: volunteer.id,
          volunteerName: volunteer.name,
          activityId: activity && !activity.deleted ? activity.id : null,
          activityName: activity && !activity.deleted ? activity.name : '',
          content: value.content,
          place: '',
          startAt: value.startAt,
          endAt: value.endAt,
          travelMinutes: 0,
          recordedBy,
          voided: false,
        });
      } catch (error) {
        throw rowFailure(row, error);
      }
      done++;
      minutes += value.minutes;
      if (done % 200 === 0 || done === rows.length)
        options.onProgress?.({ done, total: rows.length });
    }
    return { services: done, hours: Math.round((minutes / 60) * 100) / 100 };
  });
}
