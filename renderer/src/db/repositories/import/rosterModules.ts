import { caseRoster } from '@shared/import/caseRoster';
import { householdRoster } from '@shared/import/householdRoster';
import { residentRoster } from '@shared/import/residentRoster';
import type { ColumnMapping, RosterColumn, RowProblem } from '@shared/import/types';
import { volunteerHoursRoster } from '@shared/import/volunteerHoursRoster';
import { volunteerRoster } from '@shared/import/volunteerRoster';
import type { DeskDatabase } from '../../database';
import type { WriteContext } from '../../writeContext';
import { caseRows, commitCases, dryRunCases } from './caseImport';
import { commitHouseholds } from './householdCommit';
import {
  dryRunHouseholds,
  householdPlan,
  type HouseholdDryRun,
  type MatchChoice,
  type RegistryMatch,
} from './householdImport';
import type { ImportProgress } from './importRun';
import type { RosterSheet } from './readSheet';
import { commitResidents, dryRunResidents, residentRows } from './residentImport';
import {
  commitVolunteerHours,
  dryRunVolunteerHours,
  volunteerHoursRows,
} from './volunteerHoursImport';
import { commitVolunteers, dryRunVolunteers, volunteerRows } from './volunteerImport';

/**
 * The roster types the import screen offers, each one module: its columns, its dry run,
 * what its commit will write (after the user's link/skip choices) and its commit. A
 * further roster is one more entry here, its shared RosterDefinition and its
 * `<roster>Import.ts`.
 */
export const rosterTypes = [
  'households',
  'volunteers',
  'volunteerHours',
  'residents',
  'cases',
] as const;
export type RosterType = (typeof rosterTypes)[number];

export interface RosterDryRun {
  problems: RowProblem[];
  /** Rows naming a registered person the user may link or skip (households). */
  matches: ReadonlyMap<number, RegistryMatch>;
}

export interface CommitInput {
  sheet: RosterSheet;
  mapping: ColumnMapping;
  dry: RosterDryRun;
  choices: ReadonlyMap<number, MatchChoice>;
}

export interface CommitOptions {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
}

export interface RosterModule {
  type: RosterType;
  columns: readonly RosterColumn[];
  dryRun(
    db: DeskDatabase,
    sheet: RosterSheet,
    mapping: ColumnMapping,
    today: string,
    onProgress: (p: ImportProgress) => void,
  ): Promise<RosterDryRun>;
  /**
   * Problems the choices make, what the commit would write (the button's counts) and how
   * many sheet rows it writes (its progress counts rows).
   */
  plan(
    dry: RosterDryRun,
    choices: ReadonlyMap<number, MatchChoice>,
  ): { problems: RowProblem[]; counts: Record<string, number>; rows: number };
  commit(
    db: DeskDatabase,
    ctx: WriteContext,
    input: CommitInput,
    options: CommitOptions,
  ): Promise<Record<string, number>>;
}

/** What a roster's plan step returns: see RosterModule.plan. */
type RosterPlan = ReturnType<RosterModule['plan']>;

/**
 * One roster as a module: its shared definition (type and columns), its dry run, its
 * plan (what the commit writes after the choices) and its commit, each typed by the
 * roster's own fields and dry run; the screen's untyped mapping and dry run are
 * narrowed here, in one place.
 */
function rosterModule<F extends string, D extends RosterDryRun>(
  definition: { type: string; columns: readonly RosterColumn<F>[] },
  dryRun: (
    db: DeskDatabase,
    sheet: RosterSheet,
    mapping: ColumnMapping<F>,
    today: string,
    onProgress: (p: ImportProgress) => void,
  ) => Promise<D>,
  rowsOf: (dry: D, choices: ReadonlyMap<number, MatchChoice>) => RosterPlan,
  commit: (
    db: DeskDatabase,
    ctx: WriteContext,
    input: {
      sheet: RosterSheet;
      mapping: ColumnMapping<F>;
      dry: D;
      choices: ReadonlyMap<number, MatchChoice>;
    },
    options: CommitOptions,
  ) => Promise<Record<string, number>>,
): RosterModule {
  return {
    type: definition.type as RosterType,
    columns: definition.columns,
    dryRun: (db, sheet, mapping, today, onProgress) =>
      dryRun(db, sheet, mapping as ColumnMapping<F>, today, onProgress),
    plan: (dry, choices) => rowsOf(dry as D, choices),
    commit: (db, ctx, input, options) =>
      commit(
        db,
        ctx,
        { ...input, mapping: input.mapping as ColumnMapping<F>, dry: input.dry as D },
        options,
      ),
  };
}

/** The plan of a roster whose commit writes one record of `name` per row it lists. */
const counted =
  <D>(name: string, rows: (dry: D) => number[]) =>
  (dry: D): RosterPlan => {
    const count = rows(dry).length;
    return { problems: [], counts: { [name]: count }, rows: count };
  };

function householdRows(dry: HouseholdDryRun, choices: ReadonlyMap<number, MatchChoice>) {
  const plan = householdPlan(dry, choices);
  const persons = plan.households.reduce((n, h) => n + h.rows.length, 0);
  return {
    problems: plan.problems,
    counts: { households: plan.households.length, persons },
    rows: persons,
  };
}

export const rosterModules: Record<RosterType, RosterModule> = {
  households: rosterModule(householdRoster, dryRunHouseholds, householdRows, commitHouseholds),
  volunteers: rosterModule(
    volunteerRoster,
    dryRunVolunteers,
    counted('volunteers', volunteerRows),
    commitVolunteers,
  ),
  volunteerHours: rosterModule(
    volunteerHoursRoster,
    dryRunVolunteerHours,
    counted('services', volunteerHoursRows),
    commitVolunteerHours,
  ),
  residents: rosterModule(
    residentRoster,
    dryRunResidents,
    counted('residents', residentRows),
    commitResidents,
  ),
  // 在保对象名册: each row a draft brought to 在保 by the step 名册转入 (caseImport.ts).
  cases: rosterModule(caseRoster, dryRunCases, counted('cases', caseRows), commitCases),
};
