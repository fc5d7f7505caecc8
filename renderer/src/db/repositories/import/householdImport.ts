import { personsByIdNumbers } from '../persons';
import { parseRelationCell } from '@shared/import/cells';
import {
  duplicateIdProblems,
  householdStructureProblems,
  planHouseholds,
  type RowKey,
} from '@shared/import/householdGroups';
import {
  householdKeyOf,
  householdRoster,
  type HouseholdField,
} from '@shared/import/householdRoster';
import { cellsOf, type ColumnMapping, type RowProblem } from '@shared/import/types';
import type { DeskDatabase } from '../../database';
import { inChunks } from './chunks';
import type { ImportProgress } from './importRun';
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
  const found = await personsByIdNumbers(
    db,
    rows.map((r) => r.idNumber),
  );
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
