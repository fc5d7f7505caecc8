import { personsByIdNumbers } from '../persons';
import { duplicateIdProblems } from '@shared/import/householdGroups';
import { volunteerRoster, type VolunteerField } from '@shared/import/volunteerRoster';
import { cellsOf, type ColumnMapping, type RowProblem } from '@shared/import/types';
import type { DeskDatabase } from '../../database';
import { requireRole } from '../../permissions';
import { volunteersTable } from '../../tables/communityTables';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';
import { readRowsInChunks } from './chunks';
import { ImportCancelled, rowFailure, type ImportProgress } from './importRun';
import type { RosterSheet } from './readSheet';

/** The registered person each good row names, and the rows already volunteers (skipped). */
export interface VolunteerDryRun {
  problems: RowProblem[];
  persons: Map<number, { personId: string; name: string }>;
  already: Set<number>;
  /** None: a volunteer roster offers no link or skip (a volunteer already is skipped). */
  matches: ReadonlyMap<number, never>;
}

/**
 * Reads every row of a volunteer roster and writes nothing: the row checks, the person
 * each names (by ID number; none is an error: register their household first), a
 * person already a volunteer (skipped, a warning), a volunteer number another holds,
 * and the same ID or number twice in the file.
 */
export async function dryRunVolunteers(
  db: DeskDatabase,
  sheet: RosterSheet,
  mapping: ColumnMapping<VolunteerField>,
  today: string,
  onProgress: (p: ImportProgress) => void = () => undefined,
): Promise<VolunteerDryRun> {
  const problems: RowProblem[] = [];
  const persons = new Map<number, { personId: string; name: string }>();
  const already = new Set<number>();
  const ids: { row: number; idNumber: string }[] = [];
  const numbers: { row: number; idNumber: string }[] = [];
  const refuse = (row: number, p: Omit<RowProblem, 'row'>) => problems.push({ row, ...p });
  await readRowsInChunks(
    { sheet, mapping, today },
    volunteerRoster,
    problems,
    async (rows) => {
      const good = rows.map(({ row, value }) => ({
        row,
        idNumber: value.idNumber,
        number: value.volunteer.volunteerNumber.toUpperCase(),
        name: value.volunteer.name,
      }));
      for (const g of good) {
        ids.push({ row: g.row, idNumber: g.idNumber });
        numbers.push({ row: g.row, idNumber: g.number });
      }
      const found = await personsByIdNumbers(
        db,
        good.map((g) => g.idNumber),
      );
      const byId = new Map(found.map((p) => [p.idNumber, p]));
      const volunteers = await volunteersTable(db)
        .where('personId')
        .anyOf(found.map((p) => p.id))
        .filter((v) => !v.deleted)
        .toArray();
      const volunteerOf = new Set(volunteers.map((v) => v.personId));
      const holders = await volunteersTable(db)
        .where('volunteerNumber')
        .anyOf(good.map((g) => g.number))
        .filter((v) => !v.deleted)
        .toArray();
      const holderOf = new Map(holders.map((v) => [v.volunteerNumber, v]));
      for (const g of good) {
        const person = byId.get(g.idNumber);
        if (!person) {
          refuse(g.row, {
            group: 'not_in_registry',
            field: 'idNumber',
            code: 'import.not_registered',
            severity: 'error',
          });
          continue;
        }
        persons.set(g.row, { personId: person.id, name: person.name });
        if (person.name !== g.name) {
          const params = { name: person.name };
          refuse(g.row, {
            group: 'value',
            field: 'name',
            code: 'import.name_differs',
            params,
            severity: 'warning',
          });
        }
        if (volunteerOf.has(person.id)) {
          already.add(g.row);
          const params = { name: person.name };
          refuse(g.row, {
            group: 'in_registry',
            field: 'idNumber',
            code: 'import.already_volunteer',
            params,
            severity: 'warning',
          });
          continue;
        }
        const holder = holderOf.get(g.number);
        if (holder) {
          const params = { name: holder.name };
          refuse(g.row, {
            group: 'duplicate',
            field: 'volunteerNumber',
            code: 'community.volunteer_number_taken',
            params,
            severity: 'error',
          });
        }
      }
    },
    onProgress,
  );
  problems.push(
    ...duplicateIdProblems(ids),
    ...duplicateIdProblems(numbers, 'volunteerNumber', 'import.duplicate_number'),
  );
  return {
    problems: problems.sort((a, b) => a.row - b.row),
    persons,
    already,
    matches: new Map<number, never>(),
  };
}

/** The rows the commit writes: every good row whose person is not a volunteer yet. */
export function volunteerRows(dry: VolunteerDryRun): number[] {
  return [...dry.persons.keys()].filter((row) => !dry.already.has(row)).sort((a, b) => a - b);
}

/**
 * Registers every planned volunteer in ONE write() transaction (each with its queue
 * entry and the write path's checks: one volunteer per person, one holder per number);
 * a failing row or a cancel leaves nothing. Refuses while the dry run has errors.
 */
export async function commitVolunteers(
  db: DeskDatabase,
  ctx: WriteContext,
  input: { sheet: RosterSheet; mapping: ColumnMapping<VolunteerField>; dry: VolunteerDryRun },
  options: { onProgress?: (p: ImportProgress) => void; signal?: AbortSignal } = {},
): Promise<{ volunteers: number }> {
  requireRole(ctx, ['supervisor'], 'import rosters');
  const { sheet, mapping, dry } = input;
  if (dry.problems.some((p) => p.severity === 'error')) {
    throw rowFailure(-1, { code: 'import.has_errors' });
  }
  const rows = volunteerRows(dry);
  return write(db, ctx, async (w) => {
    let done = 0;
    for (const row of rows) {
      if (options.signal?.aborted) throw new ImportCancelled();
      const { value } = volunteerRoster.readRow(
        cellsOf(sheet.rows[row] ?? [], mapping),
        row,
        w.today,
      );
      const person = dry.persons.get(row);
      if (!value || !person) throw rowFailure(row, { code: 'import.row_changed' });
      try {
        const registered = await w.get('person', person.personId);
        if (!registered || registered.deleted)
          throw rowFailure(row, { code: 'import.row_changed' });
        // The name is the registry's, as the volunteer form copies it.
        await w.create('volunteer', {
          ...value.volunteer,
          personId: registered.id,
          name: registered.name,
        });
      } catch (error) {
        throw rowFailure(row, error);
      }
      done++;
      if (done % 200 === 0 || done === rows.length)
        options.onProgress?.({ done, total: rows.length });
    }
    return { volunteers: done };
  });
}
