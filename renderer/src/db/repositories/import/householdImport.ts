import type { Relation } from '@shared/domain/household';
import type { PersonData } from '@shared/domain/person';
import { parseRelationCell } from '@shared/import/cells';
import {
  duplicateIdProblems,
  householdStructureProblems,
  planHouseholds,
  type PlannedHousehold,
  type RowKey,
} from '@shared/import/householdGroups';
import {
  householdKeyOf,
  householdRoster,
  type HouseholdField,
} from '@shared/import/householdRoster';
import { cellsOf, type ColumnMapping, type RowProblem } from '@shared/import/types';
import { newRecordId } from '@shared/records/ids';
import type { DeskDatabase } from '../../database';
import { loadSettings } from '../settings';
import { write, type Writer } from '../../writePath';
import type { WriteContext } from '../../writeContext';
import { requireRole } from '../../permissions';
import { inChunks } from './chunks';
import { ImportCancelled, rowFailure, type ImportProgress } from './importRun';
import type { RosterSheet } from './readSheet';

/** A person of the sheet the registry already holds (by ID number). */
export interface RegistryMatch {
  personId: string;
  name: string;
  /** Their household now (null: none, so they may join the imported one). */
  householdId: string | null;
}

/** What the dry run found: every problem, the registry matches, the row keys. */
export interface HouseholdDryRun {
  problems: RowProblem[];
  matches: Map<number, RegistryMatch>;
  keys: RowKey[];
}

export type MatchChoice = 'link' | 'skip';

/**
 * Reads every row and writes nothing: the row checks (shared/import), the household
 * structure, duplicates within the file, persons already registered, villages the
 * office does not have. Chunked, so 100,000 rows keep the window responsive.
 */
export async function dryRunHouseholds(
  db: DeskDatabase,
  sheet: RosterSheet,
  mapping: ColumnMapping<HouseholdField>,
  today: string,
  onProgress: (p: ImportProgress) => void = () => undefined,
): Promise<HouseholdDryRun> {
  const problems: RowProblem[] = [];
  const keys: RowKey[] = [];
  const ids: { row: number; idNumber: string }[] = [];
  const matches = new Map<number, RegistryMatch>();
  const villages = await officeVillages(db);
  await inChunks(
    sheet.rows.length,
    async (start, end) => {
      const valid: { row: number; idNumber: string }[] = [];
      for (let row = start; row < end; row++) {
        const cells = cellsOf(sheet.rows[row] ?? [], mapping);
        const { value, problems: own } = householdRoster.readRow(cells, row, today);
        problems.push(...own);
        const relation = parseRelationCell(cells.relation);
        keys.push({
          row,
          householdKey: householdKeyOf(cells),
          isHead: relation.ok && relation.value === 'self',
        });
        if (value) {
          valid.push({ row, idNumber: value.person.idNumber });
          if (value.village && villages.size > 0 && !villages.has(value.village)) {
            problems.push({
              row,
              group: 'unknown_village',
              field: 'village',
              code: 'import.unknown_village',
              params: { village: value.village },
              severity: 'warning',
            });
          }
        }
      }
      ids.push(...valid);
      await findRegistered(db, valid, problems, matches);
    },
    onProgress,
  );
  problems.push(...duplicateIdProblems(ids), ...householdStructureProblems(keys));
  return { problems: sortProblems(problems), matches, keys };
}

async function findRegistered(
  db: DeskDatabase,
  rows: { row: number; idNumber: string }[],
  problems: RowProblem[],
  matches: Map<number, RegistryMatch>,
) {
  if (rows.length === 0) return;
  const found = await db.persons
    .where('idNumber')
    .anyOf(rows.map((r) => r.idNumber))
    .filter((p) => !p.deleted)
    .toArray();
  const byId = new Map(found.map((p) => [p.idNumber, p]));
  for (const { row, idNumber } of rows) {
    const person = byId.get(idNumber);
    if (!person) continue;
    matches.set(row, { personId: person.id, name: person.name, householdId: person.householdId });
    problems.push({
      row,
      group: 'in_registry',
      field: 'idNumber',
      code: person.householdId ? 'import.in_registry_household' : 'import.in_registry',
      params: { name: person.name },
      severity: 'warning',
    });
  }
}

/** The villages of the office's registered households (none yet: no village is unknown). */
async function officeVillages(db: DeskDatabase): Promise<Set<string>> {
  const villages = new Set<string>();
  await db.households.each((h) => {
    if (!h.deleted && h.villageName) villages.add(h.villageName);
  });
  return villages;
}

function sortProblems(problems: RowProblem[]): RowProblem[] {
  return problems.sort((a, b) => a.row - b.row);
}

/**
 * The rows that will not be written: every person already registered whom the user
 * did not choose to link (one already in a household can only be skipped).
 */
export function skippedRows(
  dry: HouseholdDryRun,
  choices: ReadonlyMap<number, MatchChoice>,
): Set<number> {
  const skipped = new Set<number>();
  for (const [row, match] of dry.matches) {
    if (match.householdId !== null || choices.get(row) !== 'link') skipped.add(row);
  }
  return skipped;
}

/** The households the commit writes and the problems the choices make (a skipped head). */
export function householdPlan(dry: HouseholdDryRun, choices: ReadonlyMap<number, MatchChoice>) {
  return planHouseholds(dry.keys, skippedRows(dry, choices));
}

/** Why a person already registered joins a household the import registers. */
export const joinedOnImport = '名册导入时加入家庭';

/**
 * Writes the planned households in ONE write() transaction: each person and household
 * with its queue entry, validated as a hand-entered one (schema, rules, invariants). A
 * failing row or a cancel throws, and the transaction leaves nothing behind. Refuses
 * while the dry run has errors.
 */
export async function commitHouseholds(
  db: DeskDatabase,
  ctx: WriteContext,
  input: {
    sheet: RosterSheet;
    mapping: ColumnMapping<HouseholdField>;
    dry: HouseholdDryRun;
    choices: ReadonlyMap<number, MatchChoice>;
  },
  options: { onProgress?: (p: ImportProgress) => void; signal?: AbortSignal } = {},
): Promise<{ households: number; persons: number; linked: number }> {
  requireRole(ctx, ['supervisor'], 'import rosters');
  const { sheet, mapping, dry, choices } = input;
  const plan = householdPlan(dry, choices);
  if ([...dry.problems, ...plan.problems].some((p) => p.severity === 'error')) {
    throw rowFailure(-1, { code: 'import.has_errors' });
  }
  const settings = await loadSettings(db);
  const areaCode = settings?.areaCode ?? '';
  const total = plan.households.reduce((n, h) => n + h.rows.length, 0);
  return write(db, ctx, async (w) => {
    const counts = { households: 0, persons: 0, linked: 0 };
    let done = 0;
    let reported = 0;
    for (const household of plan.households) {
      if (options.signal?.aborted) throw new ImportCancelled();
      await writeHousehold(w, sheet, mapping, dry, household, areaCode, counts);
      done += household.rows.length;
      if (done - reported >= 200 || done === total) {
        reported = done;
        options.onProgress?.({ done, total });
      }
    }
    return counts;
  });
}

async function writeHousehold(
  w: Writer,
  sheet: RosterSheet,
  mapping: ColumnMapping<HouseholdField>,
  dry: HouseholdDryRun,
  planned: PlannedHousehold,
  areaCode: string,
  counts: { households: number; persons: number; linked: number },
) {
  const householdId = newRecordId();
  const members: { personId: string; relation: Relation; name: string }[] = [];
  let head: { village: string; hukouType: 'urban' | 'rural'; address: string } | null = null;
  for (const row of planned.rows) {
    const { value } = householdRoster.readRow(
      cellsOf(sheet.rows[row] ?? [], mapping),
      row,
      w.today,
    );
    if (!value) throw rowFailure(row, { code: 'import.row_changed' });
    head ??= value;
    const match = dry.matches.get(row);
    try {
      if (match) {
        const existing = await w.get('person', match.personId);
        if (!existing || existing.deleted) throw rowFailure(row, { code: 'import.row_changed' });
        await w.update(
          'person',
          existing.id,
          existing.version,
          { householdId },
          { reason: joinedOnImport },
        );
        counts.linked++;
        members.push({ personId: existing.id, relation: value.relation, name: existing.name });
      } else {
        const person = await w.create('person', { ...value.person, householdId } as PersonData);
        counts.persons++;
        members.push({ personId: person.id, relation: value.relation, name: person.name });
      }
    } catch (error) {
      throw rowFailure(row, error);
    }
  }
  const first = members[0];
  if (!first || !head) return;
  try {
    await w.create(
      'household',
      {
        headPersonId: first.personId,
        headName: first.name,
        members: members.map((m) => ({ personId: m.personId, relation: m.relation })),
        areaCode,
        hukouType: head.hukouType,
        villageName: head.village,
        address: head.address,
      },
      householdId,
    );
  } catch (error) {
    throw rowFailure(planned.rows[0] ?? -1, error);
  }
  counts.households++;
}
