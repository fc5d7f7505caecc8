import { caseRoster, type CaseRosterField } from '@shared/import/caseRoster';
import { personsByIdNumbers } from '../persons';
import { duplicateIdProblems } from '@shared/import/householdGroups';
import type { ColumnMapping, RowProblem } from '@shared/import/types';
import { noStepDates } from '@shared/domain/assistanceCase';
import { isOpenCase } from '@shared/programmes/caseEngine';
import { programmeModule } from '@shared/programmes/registry';
import type { DeskDatabase } from '../../database';
import { requireRole } from '../../permissions';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';
import { writeCaseStep } from '../cases';
import { readRowsInChunks } from './chunks';
import {
  caseReference,
  judgeCaseRow,
  plannedBenefit,
  yuan,
  type PlannedCase,
} from './caseRowChecks';
import { ImportCancelled, rowFailure, type ImportProgress } from './importRun';
import type { RosterSheet } from './readSheet';

export type { PlannedCase } from './caseRowChecks';

export interface CaseDryRun {
  problems: RowProblem[];
  cases: Map<number, PlannedCase>;
  matches: ReadonlyMap<number, never>;
}

/**
 * Reads every row of an active-cases roster and writes nothing: the row checks, the
 * household by its head's ID number (none, or not its head: an error), whom it covers,
 * an open case of any programme already (an error), the county's window and the
 * roster's month judged by the step's own guard (an error), and the calculator's amount
 * beside the sheet's (a difference is a warning: the calculator's is paid).
 */
export async function dryRunCases(
  db: DeskDatabase,
  sheet: RosterSheet,
  mapping: ColumnMapping<CaseRosterField>,
  today: string,
  onProgress: (p: ImportProgress) => void = () => undefined,
): Promise<CaseDryRun> {
  const ref = await caseReference(db);
  const problems: RowProblem[] = [];
  const cases = new Map<number, PlannedCase>();
  const heads: { row: number; idNumber: string }[] = [];
  const covered: { row: number; idNumber: string }[] = [];
  await readRowsInChunks(
    { sheet, mapping, today },
    caseRoster,
    problems,
    async (good) => {
      for (const { row, value } of good) heads.push({ row, idNumber: value.headIdNumber });
      const headsFound = await personsByIdNumbers(
        db,
        good.map((g) => g.value.headIdNumber),
      );
      const personByIdNumber = new Map(headsFound.map((p) => [p.idNumber, p]));
      const householdIds = [
        ...new Set(headsFound.map((p) => p.householdId).filter((h) => h !== null)),
      ];
      const households = await db.households.bulkGet(householdIds);
      const householdById = new Map(
        households.flatMap((h) => (h && !h.deleted ? [[h.id, h] as const] : [])),
      );
      const members = await db.persons
        .where('householdId')
        .anyOf(householdIds)
        .filter((p) => !p.deleted)
        .toArray();
      const memberIds = members.map((p) => p.id);
      const openCases = [
        ...(await db.cases.where('householdId').anyOf(householdIds).toArray()),
        ...(await db.cases.where('coveredPersonIds').anyOf(memberIds).toArray()),
      ].filter((c) => !c.deleted && isOpenCase(c));
      for (const { row, value } of good) {
        const head = personByIdNumber.get(value.headIdNumber);
        const household = head?.householdId ? householdById.get(head.householdId) : undefined;
        const judged = judgeCaseRow(
          row,
          value,
          {
            head,
            household,
            members: members.filter((m) => household && m.householdId === household.id),
            openCases,
          },
          ref,
          today,
        );
        problems.push(...judged.problems);
        for (const idNumber of judged.covered) covered.push({ row, idNumber });
        if (judged.planned) cases.set(row, judged.planned);
      }
    },
    onProgress,
  );
  problems.push(
    ...duplicateIdProblems(heads, 'headIdNumber'),
    ...duplicateIdProblems(covered, 'coveredIds', 'import.duplicate_covered'),
  );
  return {
    problems: problems.sort((a, b) => a.row - b.row),
    cases,
    matches: new Map<number, never>(),
  };
}

/** The rows the commit writes, in sheet order. */
export function caseRows(dry: CaseDryRun): number[] {
  return [...dry.cases.keys()].sort((a, b) => a - b);
}

/**
 * Opens every planned case as a draft and takes the step 名册转入 on it, all in ONE
 * write() transaction (each record with its queue entry, the step with its history
 * event); the amount is the calculator's. A failing row or a cancel leaves nothing.
 */
export async function commitCases(
  db: DeskDatabase,
  ctx: WriteContext,
  input: { sheet: RosterSheet; mapping: ColumnMapping<CaseRosterField>; dry: CaseDryRun },
  options: { onProgress?: (p: ImportProgress) => void; signal?: AbortSignal } = {},
): Promise<{ cases: number }> {
  requireRole(ctx, ['supervisor'], 'import rosters');
  const { dry } = input;
  if (dry.problems.some((p) => p.severity === 'error')) {
    throw rowFailure(-1, { code: 'import.has_errors' });
  }
  const ref = await caseReference(db);
  const rows = caseRows(dry);
  return write(db, ctx, async (w) => {
    let done = 0;
    for (const row of rows) {
      if (options.signal?.aborted) throw new ImportCancelled();
      const planned = dry.cases.get(row);
      if (!planned) throw rowFailure(row, { code: 'import.row_changed' });
      try {
        const application = { ...planned.application, applicationDate: w.today };
        const benefit = plannedBenefit(planned, w.today, ref);
        const draft = await w.create('assistanceCase', {
          ...application,
          benefit,
          status: programmeModule(application.programme).initialStatus,
          statusChangedAt: ctx.now().toISOString(),
          ...noStepDates,
        });
        await writeCaseStep(
          w,
          ctx,
          draft.id,
          draft.version,
          {
            action: 'enrol_from_roster',
            // The old roster's amount stays on record beside the one computed and paid.
            opinion:
              planned.sheetAmountFen === null
                ? '名册转入'
                : `名册转入（原名册月保障金额 ${yuan(planned.sheetAmountFen)} 元）`,
            enrolment: planned.enrolment,
          },
          ref.step,
        );
      } catch (error) {
        throw rowFailure(row, error);
      }
      done++;
      if (done % 200 === 0 || done === rows.length)
        options.onProgress?.({ done, total: rows.length });
    }
    return { cases: done };
  });
}
