import { personsByIdNumbers } from '../persons';
import { staysOverlap, type StayData } from '@shared/domain/elderlyCare/stay';
import { duplicateIdProblems } from '@shared/import/householdGroups';
import { placeKey } from '@shared/import/residentCells';
import { residentRoster, type ResidentField } from '@shared/import/residentRoster';
import { cellsOf, type ColumnMapping, type RowProblem } from '@shared/import/types';
import type { DeskDatabase } from '../../database';
import { requireRole } from '../../permissions';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';
import { recordMovementIn } from '../elderlyCare/movements';
import { elderlyTables, live } from '../elderlyCare/tables';
import { readRowsInChunks } from './chunks';
import { ImportCancelled, rowFailure, type ImportProgress } from './importRun';
import type { RosterSheet } from './readSheet';
import { bedRefusal, loadPlaces } from './residentPlaces';

/** Per good row: the registered person and the bed the admission goes into. */
export interface ResidentTarget {
  personId: string;
  bedId: string;
}

export interface ResidentDryRun {
  problems: RowProblem[];
  targets: Map<number, ResidentTarget>;
  /** Rows whose person already is a resident (skipped: moves are the area's). */
  already: Set<number>;
  matches: ReadonlyMap<number, never>;
}

/** The stay an admission on `date` would open, to test against the bed's stays. */
const admissionStay = (date: string): StayData => ({
  residentId: '',
  bedId: '',
  institutionId: '',
  state: 'active',
  openedBy: 'admit',
  reservedOn: null,
  admittedOn: date,
  endedOn: null,
  endReason: null,
  leaves: [],
});

/**
 * Reads every row of a residents roster and writes nothing: the row checks, the person
 * (by ID number; none is an error: import their household first), a person already a
 * resident (skipped, a warning), the institution/building/room/bed by name (an unknown
 * one is an error naming it), a bed not in service that day, under repair, for the other
 * sex or held by someone from that day on, and one bed or one person twice in the file.
 */
export async function dryRunResidents(
  db: DeskDatabase,
  sheet: RosterSheet,
  mapping: ColumnMapping<ResidentField>,
  today: string,
  onProgress: (p: ImportProgress) => void = () => undefined,
): Promise<ResidentDryRun> {
  const problems: RowProblem[] = [];
  const targets = new Map<number, ResidentTarget>();
  const already = new Set<number>();
  const persons: { row: number; idNumber: string }[] = [];
  const beds: { row: number; idNumber: string }[] = [];
  const refuse = (row: number, p: Omit<RowProblem, 'row'>) => problems.push({ row, ...p });
  const places = await loadPlaces(db);
  const t = elderlyTables(db);
  await readRowsInChunks(
    { sheet, mapping, today },
    residentRoster,
    problems,
    async (good) => {
      for (const { row, value } of good) {
        persons.push({ row, idNumber: value.idNumber });
        beds.push({ row, idNumber: placeKey(value.place) });
      }
      const found = await personsByIdNumbers(
        db,
        good.map((g) => g.value.idNumber),
      );
      const personOf = new Map(found.map((p) => [p.idNumber, p]));
      const residents = live(
        await t.residents
          .where('personId')
          .anyOf(found.map((p) => p.id))
          .toArray(),
      );
      const residentOf = new Set(residents.map((r) => r.personId));
      const named = new Map(good.map((g) => [g.row, places.find(g.value.place)]));
      const bedIds = [...named.values()].flatMap((n) => ('bed' in n ? [n.bed.bed.id] : []));
      const stays = live(await t.stays.where('bedId').anyOf(bedIds).toArray());
      const residentNames = new Map(
        live(
          await t.residents
            .where('id')
            .anyOf(stays.map((s) => s.residentId))
            .toArray(),
        ).map((r) => [r.id, r.personName]),
      );
      for (const { row, value } of good) {
        const person = personOf.get(value.idNumber);
        if (!person) {
          refuse(row, {
            group: 'not_in_registry',
            field: 'idNumber',
            code: 'import.not_registered',
            severity: 'error',
          });
          continue;
        }
        if (person.name !== value.name) {
          refuse(row, {
            group: 'value',
            field: 'name',
            code: 'import.name_differs',
            params: { name: person.name },
            severity: 'warning',
          });
        }
        if (residentOf.has(person.id)) {
          already.add(row);
          refuse(row, {
            group: 'in_registry',
            field: 'idNumber',
            code: 'import.already_resident',
            params: { name: person.name },
            severity: 'warning',
          });
          continue;
        }
        const place = named.get(row);
        if (!place) continue;
        if ('problem' in place) {
          refuse(row, place.problem);
          continue;
        }
        const refusal = bedRefusal(place.bed, person.sex, value.admittedOn);
        if (refusal) {
          refuse(row, refusal);
          continue;
        }
        const holder = stays.find(
          (s) => s.bedId === place.bed.bed.id && staysOverlap(s, admissionStay(value.admittedOn)),
        );
        if (holder) {
          refuse(row, {
            group: 'bed',
            field: 'bed',
            code: 'elderly.bed_taken',
            params: { ...place.bed.label, name: residentNames.get(holder.residentId) ?? '' },
            severity: 'error',
          });
          continue;
        }
        targets.set(row, { personId: person.id, bedId: place.bed.bed.id });
      }
    },
    onProgress,
  );
  problems.push(
    ...duplicateIdProblems(persons),
    ...duplicateIdProblems(beds, 'bed', 'import.duplicate_bed'),
  );
  return {
    problems: problems.sort((a, b) => a.row - b.row),
    targets,
    already,
    matches: new Map<number, never>(),
  };
}

/** The rows the commit admits: every good row whose person is not a resident yet. */
export function residentRows(dry: ResidentDryRun): number[] {
  return [...dry.targets.keys()].filter((row) => !dry.already.has(row)).sort((a, b) => a - b);
}

/**
 * Admits every planned resident in ONE write() transaction, each as the area's new
 * resident form with a placement writes it: the resident (name, sex and birth date the
 * registry's), the admission assessment when the sheet gives a level, and the 'admit'
 * movement with its stay — every record with its queue entry and the write path's
 * checks (one resident per person, a bed holds one, one bed per resident). A failing
 * row or a cancel leaves nothing. Refuses while the dry run has errors.
 */
export async function commitResidents(
  db: DeskDatabase,
  ctx: WriteContext,
  input: { sheet: RosterSheet; mapping: ColumnMapping<ResidentField>; dry: ResidentDryRun },
  options: { onProgress?: (p: ImportProgress) => void; signal?: AbortSignal } = {},
): Promise<{ residents: number }> {
  requireRole(ctx, ['supervisor'], 'import rosters');
  const { sheet, mapping, dry } = input;
  if (dry.problems.some((p) => p.severity === 'error')) {
    throw rowFailure(-1, { code: 'import.has_errors' });
  }
  const rows = residentRows(dry);
  return write(db, ctx, async (w) => {
    let done = 0;
    for (const row of rows) {
      if (options.signal?.aborted) throw new ImportCancelled();
      const cells = cellsOf(sheet.rows[row] ?? [], mapping);
      const { value } = residentRoster.readRow(cells, row, w.today);
      const target = dry.targets.get(row);
      if (!value || !target) throw rowFailure(row, { code: 'import.row_changed' });
      try {
        const person = await w.get('person', target.personId);
        if (!person || person.deleted) throw rowFailure(row, { code: 'import.row_changed' });
        const resident = await w.create('elderlyResident', {
          personId: person.id,
          personName: person.name,
          sex: person.sex,
          birthDate: person.birthDate,
          fundingCategory: value.fundingCategory,
          emergencyContact: value.emergencyContact,
          note: value.note,
        });
        if (value.level) {
          await w.create('elderlyAssessment', {
            residentId: resident.id,
            date: value.admittedOn,
            assessor: value.assessor,
            level: value.level,
            reason: 'admission',
            note: '',
          });
        }
        await recordMovementIn(w, db, {
          residentId: resident.id,
          type: 'admit',
          bedId: target.bedId,
          date: value.admittedOn,
        });
      } catch (error) {
        throw rowFailure(row, error);
      }
      done++;
      if (done % 10 === 0 || done === rows.length)
        options.onProgress?.({ done, total: rows.length });
    }
    return { residents: done };
  });
}
