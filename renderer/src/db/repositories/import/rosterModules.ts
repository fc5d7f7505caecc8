import { householdColumns, type HouseholdField } from '@shared/import/householdRoster';
import type { ColumnMapping, RosterColumn, RowProblem } from '@shared/import/types';
import { volunteerColumns, type VolunteerField } from '@shared/import/volunteerRoster';
import { residentColumns, type ResidentField } from '@shared/import/residentRoster';
import { caseRosterColumns, type CaseRosterField } from '@shared/import/caseRoster';
import {
  volunteerHoursColumns,
  type VolunteerHoursField,
} from '@shared/import/volunteerHoursRoster';
import type { DeskDatabase } from '../../database';
import type { WriteContext } from '../../writeContext';
import {
  dryRunHouseholds,
  householdPlan,
  type HouseholdDryRun,
  type MatchChoice,
  type RegistryMatch,
} from './householdImport';
import { commitHouseholds } from './householdCommit';
import type { ImportProgress } from './importRun';
import type { RosterSheet } from './readSheet';
import {
  commitVolunteers,
  dryRunVolunteers,
  volunteerRows,
  type VolunteerDryRun,
} from './volunteerImport';
import {
  commitResidents,
  dryRunResidents,
  residentRows,
  type ResidentDryRun,
} from './residentImport';
import {
  commitVolunteerHours,
  dryRunVolunteerHours,
  volunteerHoursRows,
  type VolunteerHoursDryRun,
} from './volunteerHoursImport';
import { caseRows, commitCases, dryRunCases, type CaseDryRun } from './caseImport';

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

const households: RosterModule = {
  type: 'households',
  columns: householdColumns,
  dryRun: (db, sheet, mapping, today, onProgress) =>
    dryRunHouseholds(db, sheet, mapping as ColumnMapping<HouseholdField>, today, onProgress),
  plan(dry, choices) {
    const plan = householdPlan(dry as HouseholdDryRun, choices);
    const persons = plan.households.reduce((n, h) => n + h.rows.length, 0);
    return {
      problems: plan.problems,
      counts: { households: plan.households.length, persons },
      rows: persons,
    };
  },
  commit: (db, ctx, input, options) =>
    commitHouseholds(
      db,
      ctx,
      {
        ...input,
        mapping: input.mapping as ColumnMapping<HouseholdField>,
        dry: input.dry as HouseholdDryRun,
      },
      options,
    ),
};

const volunteers: RosterModule = {
  type: 'volunteers',
  columns: volunteerColumns,
  dryRun: async (db, sheet, mapping, today, onProgress) => ({
    ...(await dryRunVolunteers(
      db,
      sheet,
      mapping as ColumnMapping<VolunteerField>,
      today,
      onProgress,
    )),
    matches: new Map(),
  }),
  plan(dry) {
    const count = volunteerRows(dry as VolunteerDryRun).length;
    return { problems: [], counts: { volunteers: count }, rows: count };
  },
  commit: (db, ctx, input, options) =>
    commitVolunteers(
      db,
      ctx,
      {
        sheet: input.sheet,
        mapping: input.mapping as ColumnMapping<VolunteerField>,
        dry: input.dry as VolunteerDryRun,
      },
      options,
    ),
};

const volunteerHours: RosterModule = {
  type: 'volunteerHours',
  columns: volunteerHoursColumns,
  dryRun: (db, sheet, mapping, today, onProgress) =>
    dryRunVolunteerHours(
      db,
      sheet,
      mapping as ColumnMapping<VolunteerHoursField>,
      today,
      onProgress,
    ),
  plan(dry) {
    const count = volunteerHoursRows(dry as VolunteerHoursDryRun).length;
    return { problems: [], counts: { services: count }, rows: count };
  },
  commit: (db, ctx, input, options) =>
    commitVolunteerHours(
      db,
      ctx,
      {
        sheet: input.sheet,
        mapping: input.mapping as ColumnMapping<VolunteerHoursField>,
        dry: input.dry as VolunteerHoursDryRun,
      },
      options,
    ),
};

const residents: RosterModule = {
  type: 'residents',
  columns: residentColumns,
  dryRun: (db, sheet, mapping, today, onProgress) =>
    dryRunResidents(db, sheet, mapping as ColumnMapping<ResidentField>, today, onProgress),
  plan(dry) {
    const count = residentRows(dry as ResidentDryRun).length;
    return { problems: [], counts: { residents: count }, rows: count };
  },
  commit: (db, ctx, input, options) =>
    commitResidents(
      db,
      ctx,
      {
        sheet: input.sheet,
        mapping: input.mapping as ColumnMapping<ResidentField>,
        dry: input.dry as ResidentDryRun,
      },
      options,
    ),
};

// 在保对象名册: each row a draft brought to 在保 by the step 名册转入 (caseImport.ts).
const cases: RosterModule = {
  type: 'cases',
  columns: caseRosterColumns,
  dryRun: (db, sheet, mapping, today, onProgress) =>
    dryRunCases(db, sheet, mapping as ColumnMapping<CaseRosterField>, today, onProgress),
  plan(dry) {
    const count = caseRows(dry as CaseDryRun).length;
    return { problems: [], counts: { cases: count }, rows: count };
  },
  commit: (db, ctx, input, options) =>
    commitCases(
      db,
      ctx,
      {
        sheet: input.sheet,
        mapping: input.mapping as ColumnMapping<CaseRosterField>,
        dry: input.dry as CaseDryRun,
      },
      options,
    ),
};

export const rosterModules: Record<RosterType, RosterModule> = {
  households,
  volunteers,
  volunteerHours,
  residents,
  cases,
};
