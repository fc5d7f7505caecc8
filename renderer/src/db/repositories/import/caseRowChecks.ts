import { AppError } from '@shared/errors/appError';
import type { CaseRosterRow } from '@shared/import/caseRoster';
import type { RowProblem } from '@shared/import/types';
import type { noStepDates } from '@shared/domain/assistanceCase';
import { type AssistanceCaseData, type BenefitSnapshot } from '@shared/domain/assistanceCase';
import type { HouseholdData } from '@shared/domain/household';
import type { PersonData } from '@shared/domain/person';
import { calculateApplication } from '@shared/programmes/caseEngine';
import { programmeModule } from '@shared/programmes/registry';
import {
  enrolmentWindow,
  rosterEnrolmentIssue,
  rosterEnrolmentKey,
} from '@shared/programmes/rosterEnrolment';
import type { CalcReference } from '@shared/programmes/types';
import type { StoredRecord } from '@shared/records/envelope';
import type { DeskDatabase } from '../../database';
import { stepReference } from '../cases';
import { listStandards } from '../reference';
import { loadSettings } from '../settings';

/** What one good row will write: the draft's facts (the step then makes it 在保). */
export interface PlannedCase {
  application: Omit<
    AssistanceCaseData,
    'benefit' | 'status' | 'statusChangedAt' | keyof typeof noStepDates
  >;
  enrolment: { paymentFrom: string; decidedOn: string | null };
  /** The sheet's own amount, kept in the step's opinion for the record (never paid). */
  sheetAmountFen: number | null;
}

export type CaseReference = Awaited<ReturnType<typeof caseReference>>;

/** What the dry run and the commit read before they start: step env, calculator, windows. */
export async function caseReference(db: DeskDatabase) {
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

/** The amount the calculator gives the planned case on `date`. */
export function plannedBenefit(
  planned: PlannedCase,
  date: string,
  ref: CaseReference,
): BenefitSnapshot {
  const application = { ...planned.application, applicationDate: date };
  return calculateApplication(application, date, ref.calc);
}

/**
 * The county's window as the report says it when closed on `today`: the next one it
 * published, else the last, else that none was.
 */
function closedWindow(ref: CaseReference, today: string): Omit<RowProblem, 'row' | 'severity'> {
  const sorted = [...ref.published].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const next = sorted.find((r) => r.effectiveFrom > today) ?? sorted.at(-1);
  const params: Record<string, string> = next
    ? { today, from: next.effectiveFrom, to: next.effectiveTo ?? '' }
    : { today };
  const code = next ? 'import.enrol_window_was' : 'import.enrol_window_none';
  return { group: 'window', field: 'paymentFrom', code, params };
}

type Person = StoredRecord<PersonData>;

/** What the registry holds for one row, read by the dry run per chunk. */
export interface CaseRowFound {
  head: Person | undefined;
  household: StoredRecord<HouseholdData> | undefined;
  /** The household's live members. */
  members: readonly Person[];
  /** Open cases of any programme of the household or covering one of its members. */
  openCases: readonly StoredRecord<AssistanceCaseData>[];
}

export const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * One row judged against the registry, the county's window and the calculator: its
 * problems, the case it plans (null on an error) and the ID numbers it covers (for the
 * file's duplicates). The window closed is an error on every row.
 */
export function judgeCaseRow(
  row: number,
  value: CaseRosterRow,
  found: CaseRowFound,
  ref: CaseReference,
  today: string,
): { problems: RowProblem[]; planned: PlannedCase | null; covered: string[] } {
  const problems: RowProblem[] = [];
  const refuse = (p: Omit<RowProblem, 'row' | 'severity'>, severity: 'error' | 'warning') => {
    problems.push({ row, severity, ...p });
    return { problems, planned: null, covered: [] };
  };
  const { head, household } = found;
  if (!enrolmentWindow(ref.step.rules, today, household?.areaCode ?? null)) {
    return refuse(closedWindow(ref, today), 'error');
  }
  if (!head || !household) {
    const code = head ? 'import.case_no_household' : 'import.not_registered';
    return refuse({ group: 'not_in_registry', field: 'headIdNumber', code }, 'error');
  }
  if (household.headPersonId !== head.id) {
    const params = { name: head.name, head: household.headName };
    return refuse(
      { group: 'value', field: 'headIdNumber', code: 'import.case_not_head', params },
      'error',
    );
  }
  if (head.name !== value.headName) {
    const params = { name: head.name };
    refuse({ group: 'value', field: 'headName', code: 'import.name_differs', params }, 'warning');
  }
  if (value.programme === 'tekun') {
    const params = { name: head.name };
    return refuse(
      { group: 'value', field: 'programme', code: 'import.case_tekun_by_hand', params },
      'error',
    );
  }
  const listed =
    value.coveredIds.length > 0 ? value.coveredIds : found.members.map((m) => m.idNumber);
  const covered: Person[] = [];
  for (const idNumber of listed) {
    const member = found.members.find((m) => m.idNumber === idNumber);
    if (member) covered.push(member);
    else {
      const params = { idNumber, head: head.name };
      refuse(
        { group: 'value', field: 'coveredIds', code: 'import.covered_not_member', params },
        'error',
      );
    }
  }
  if (covered.length !== listed.length) return { problems, planned: null, covered: [] };
  if (!covered.some((p) => p.id === head.id)) {
    return refuse(
      { group: 'value', field: 'coveredIds', code: 'case.applicant_not_covered' },
      'error',
    );
  }
  if (value.coveredCount !== null && value.coveredCount !== covered.length) {
    const params = { count: value.coveredCount, members: covered.length };
    return refuse(
      { group: 'value', field: 'coveredCount', code: 'import.covered_count_differs', params },
      'error',
    );
  }
  const coveredIds = new Set(covered.map((p) => p.id));
  const open = found.openCases.find(
    (c) => c.householdId === household.id || c.coveredPersonIds.some((id) => coveredIds.has(id)),
  );
  if (open) {
    const params = { name: open.applicantName, programme: open.programme, status: open.status };
    return refuse(
      { group: 'open_case', field: 'headIdNumber', code: 'import.case_open', params },
      'error',
    );
  }
  const planned: PlannedCase = {
    application: {
      programme: value.programme,
      programmeFacts: programmeModule(value.programme).defaultFacts(),
      householdId: household.id,
      applicantPersonId: head.id,
      applicantName: head.name,
      category: household.hukouType,
      areaCode: household.areaCode,
      coveredPersonIds: covered.map((p) => p.id),
      income: { wagesFen: value.incomeFen, businessFen: 0, propertyFen: 0, transferFen: 0 },
      deductionsFen: 0,
      assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
      applicationDate: today,
      previousCaseId: null,
      searchTokens: [],
    },
    enrolment: { paymentFrom: value.paymentFrom, decidedOn: value.decidedOn },
    sheetAmountFen: value.amountFen,
  };
  // The roster's month: the step's own guard, as the commit and HQ will run it.
  const stepIssue = rosterEnrolmentIssue({
    today,
    case: { ...planned.application, status: 'draft' } as unknown as AssistanceCaseData,
    rules: ref.step.rules,
    enrolment: planned.enrolment,
  });
  if (stepIssue) {
    const { code, params } = stepIssue;
    return refuse({ group: 'window', field: 'paymentFrom', code, params }, 'error');
  }
  const benefit = plannedBenefit(planned, today, ref);
  if (benefit.classification === 'no_standard') {
    return refuse({ group: 'amount', field: 'amountYuan', code: 'case.no_standard' }, 'error');
  }
  if (value.amountFen !== null && value.amountFen !== benefit.benefitFen) {
    const params = { sheet: yuan(value.amountFen), computed: yuan(benefit.benefitFen) };
    refuse(
      { group: 'amount', field: 'amountYuan', code: 'import.amount_differs', params },
      'warning',
    );
  }
  return { problems, planned, covered: listed };
}
