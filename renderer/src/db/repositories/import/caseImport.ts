import { AppError } from '@shared/errors/appError';
import { caseRoster, type CaseRosterField, type CaseRosterRow } from '@shared/import/caseRoster';
import { duplicateIdProblems } from '@shared/import/householdGroups';
import { cellsOf, type ColumnMapping, type RowProblem } from '@shared/import/types';
import { noStepDates, type AssistanceCaseData } from '@shared/domain/assistanceCase';
import { calculateApplication, isOpenCase } from '@shared/programmes/caseEngine';
import { programmeModule } from '@shared/programmes/registry';
import {
  enrolmentWindow,
  rosterEnrolmentIssue,
  rosterEnrolmentKey,
} from '@shared/programmes/rosterEnrolment';
import type { CalcReference } from '@shared/programmes/types';
import type { DeskDatabase } from '../../database';
import { requireRole } from '../../permissions';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';
import { stepReference, writeCaseStep } from '../cases';
import { listStandards } from '../reference';
import { loadSettings } from '../settings';
import { inChunks } from './chunks';
import { ImportCancelled, rowFailure, type ImportProgress } from './importRun';
import type { RosterSheet } from './readSheet';

/** What one good row will write: the draft's facts (the step then makes it 在保). */
export interface PlannedCase {
  application: Omit<
    AssistanceCaseData,
    'benefit' | 'status' | 'statusChangedAt' | keyof typeof noStepDates
  >;
  enrolment: { paymentFrom: string; decidedOn: string | null };
}

export interface CaseDryRun {
  problems: RowProblem[];
  cases: Map<number, PlannedCase>;
  matches: ReadonlyMap<number, never>;
}

type Reference = Awaited<ReturnType<typeof caseReference>>;

async function caseReference(db: DeskDatabase) {
  const [step, standards, settings, windows] = await Promise.all([
    stepReference(db),
    listStandards(db),
    loadSettings(db),
    db.programmeRules.where('key').equals(rosterEnrolmentKey).toArray(),
  ]);
  if (!settings) throw new AppError({ code: 'not_found', message: 'Office settings are missing.' });
  const calc: CalcReference = { standards, settings, rules: step.rules };
  const published = windows.filter((r) => !r.deleted && r.value === 1);
  return { step, calc, published };
}

/**
 * The county's window as the report says it when closed on `today`: the next one it
 * published, else the last, else none.
 */
function closedWindowParams(
  ref: Reference,
  today: string,
): { code: string; params: Record<string, string> } {
  const sorted = [...ref.published].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const next = sorted.find((r) => r.effectiveFrom > today) ?? sorted.at(-1);
  return next
    ? {
        code: 'import.enrol_window_was',
        params: { today, from: next.effectiveFrom, to: next.effectiveTo ?? '' },
      }
    : { code: 'import.enrol_window_none', params: { today } };
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

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
  await inChunks(
    sheet.rows.length,
    async (start, end) => {
      const good: { row: number; value: CaseRosterRow }[] = [];
      for (let row = start; row < end; row++) {
        const { value, problems: own } = caseRoster.readRow(
          cellsOf(sheet.rows[row] ?? [], mapping),
          row,
          today,
        );
        problems.push(...own);
        if (!value) continue;
        good.push({ row, value });
        heads.push({ row, idNumber: value.headIdNumber });
      }
      const headsFound = await db.persons
        .where('idNumber')
        .anyOf(good.map((g) => g.value.headIdNumber))
        .filter((p) => !p.deleted)
        .toArray();
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
      const openCases = (await db.cases.where('householdId').anyOf(householdIds).toArray()).filter(
        (c) => !c.deleted && isOpenCase(c),
      );
      for (const { row, value } of good) {
        const refuse = (
          p: Omit<RowProblem, 'row' | 'severity'>,
          severity: RowProblem['severity'] = 'error',
        ) => problems.push({ row, severity, ...p });
        const head = personByIdNumber.get(value.headIdNumber);
        const household = head?.householdId ? householdById.get(head.householdId) : undefined;
        if (!head || !household) {
          refuse({
            group: 'not_in_registry',
            field: 'headIdNumber',
            code: head ? 'import.case_no_household' : 'import.not_registered',
          });
          continue;
        }
        if (household.headPersonId !== head.id) {
          refuse({
            group: 'value',
            field: 'headIdNumber',
            code: 'import.case_not_head',
            params: { name: head.name, head: household.headName },
          });
          continue;
        }
        if (head.name !== value.headName) {
          refuse(
            {
              group: 'value',
              field: 'headName',
              code: 'import.name_differs',
              params: { name: head.name },
            },
            'warning',
          );
        }
        if (value.programme === 'tekun') {
          refuse({
            group: 'value',
            field: 'programme',
            code: 'import.case_tekun_by_hand',
            params: { name: head.name },
          });
          continue;
        }
        const theirs = members.filter((m) => m.householdId === household.id);
        const listed =
          value.coveredIds.length > 0 ? value.coveredIds : theirs.map((m) => m.idNumber);
        const coveredPersons: typeof theirs = [];
        for (const idNumber of listed) {
          const member = theirs.find((m) => m.idNumber === idNumber);
          if (!member) {
            refuse({
              group: 'value',
              field: 'coveredIds',
              code: 'import.covered_not_member',
              params: { idNumber, head: head.name },
            });
            continue;
          }
          coveredPersons.push(member);
          covered.push({ row, idNumber });
        }
        if (coveredPersons.length !== listed.length) continue;
        if (!coveredPersons.some((p) => p.id === head.id)) {
          refuse({ group: 'value', field: 'coveredIds', code: 'case.applicant_not_covered' });
          continue;
        }
        if (value.coveredCount !== null && value.coveredCount !== coveredPersons.length) {
          refuse({
            group: 'value',
            field: 'coveredCount',
            code: 'import.covered_count_differs',
            params: { count: value.coveredCount, members: coveredPersons.length },
          });
          continue;
        }
        const open = openCases.find(
          (c) =>
            c.householdId === household.id ||
            c.coveredPersonIds.some((id) => coveredPersons.some((p) => p.id === id)),
        );
        if (open) {
          refuse({
            group: 'open_case',
            field: 'headIdNumber',
            code: 'import.case_open',
            params: { name: open.applicantName, programme: open.programme, status: open.status },
          });
          continue;
        }
        const application: PlannedCase['application'] = {
          programme: value.programme,
          programmeFacts: programmeModule(value.programme).defaultFacts(),
          householdId: household.id,
          applicantPersonId: head.id,
          applicantName: head.name,
          category: household.hukouType,
          areaCode: household.areaCode,
          coveredPersonIds: coveredPersons.map((p) => p.id),
          income: { wagesFen: value.incomeFen, businessFen: 0, propertyFen: 0, transferFen: 0 },
          deductionsFen: 0,
          assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
          applicationDate: today,
          previousCaseId: null,
          searchTokens: [],
        };
        const enrolment = { paymentFrom: value.paymentFrom, decidedOn: value.decidedOn };
        // The county's window and the roster's month: the step's own guard, as HQ runs it.
        const window = enrolmentWindow(ref.step.rules, today, household.areaCode);
        if (!window) {
          refuse({ group: 'window', field: 'paymentFrom', ...closedWindowParams(ref, today) });
          continue;
        }
        const stepIssue = rosterEnrolmentIssue({
          today,
          case: { ...application, status: 'draft' } as unknown as AssistanceCaseData,
          noticeEnd: null,
          confirmationDelegated: false,
          rules: ref.step.rules,
          enrolment,
        });
        if (stepIssue) {
          refuse({
            group: 'window',
            field: 'paymentFrom',
            code: stepIssue.code,
            params: stepIssue.params,
          });
          continue;
        }
        const benefit = calculateApplication(application, today, ref.calc);
        if (benefit.classification === 'no_standard') {
          refuse({ group: 'amount', field: 'amountYuan', code: 'case.no_standard' });
          continue;
        }
        if (value.amountFen !== null && value.amountFen !== benefit.benefitFen) {
          refuse(
            {
              group: 'amount',
              field: 'amountYuan',
              code: 'import.amount_differs',
              params: { sheet: yuan(value.amountFen), computed: yuan(benefit.benefitFen) },
            },
            'warning',
          );
        }
        cases.set(row, { application, enrolment });
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
        const benefit = calculateApplication(application, w.today, ref.calc);
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
          { action: 'enrol_from_roster', opinion: '名册转入', enrolment: planned.enrolment },
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
