/**
 * A programme is configuration over shared machinery (issue #13): its workflow (states,
 * actions, roles, guards, and which shared dates each step writes), its facts schema
 * (what its application collects beyond the household, income and assets every case
 * has), its calculator, its checks, its rule keys (every number, with effective dates,
 * in ruleBook.ts), its form sections and its papers. The engine (caseEngine.ts) plans
 * steps and recomputes amounts from a module alone, the same at the desk and at HQ.
 * A fifth programme is one module folder and one line in registry.ts.
 */
import type { z } from 'zod';
import type { StandardPeriod } from '../benefit/dibaoBenefit';
import type { WorkingCalendar } from '../calendar/workingDays';
import type { AssistanceCaseData, BenefitSnapshot } from '../domain/assistanceCase';
import type { OfficeSettings } from '../domain/settings';
import type { FieldError } from '../errors/appError';
import type { WorkflowDefinition } from '../workflow/stateMachine';
import type { RosterEnrolment } from './rosterEnrolment';
import type { RuleBook, RuleSpec } from './ruleBook';

/**
 * The shared dates a step may write, declared per action (`marks`), so the engine's one
 * step writer serves every programme:
 * - accepted / unaccepted: acceptedOn = today / null (受理 starts the decision limit);
 * - noticeStarted / noticeCleared: noticeStartedOn = today / null (公示);
 * - decided: decidedOn = today (a refusal);
 * - approved: decidedOn = today; a monthly programme pays from the next month (paymentFrom)
 *   and is reviewed by its review rule (reviewDue);
 * - ended: endedOn = today; a monthly programme pays to the end of this month (paymentTo);
 * - helpedFirst: helpedFirstOn = today, paperworkDue counted on the calendar (先行救助);
 * - reviewStarted: reviewStartedOn = today (the date a review computes the benefit for);
 * - reviewed: reviewedOn = today and the next reviewDue by the programme's review rule;
 * - phaseOut: phaseOutUntil = the last month of the 渐退期 (rule `<id>.phaseOutMonths`);
 * - reassessmentDue: reviewDue = today + rule `<id>.reassessWorkingDays` working days (a
 *   reported change of condition brings a re-assessment due: 特困).
 * - enrolled (名册转入, rosterEnrolment.ts): decidedOn = the roster's approval day (else
 *   today), paymentFrom = the roster's month (the step's guard bounds it), reviewDue by the
 *   review rule from decidedOn. Only the roster import takes such a step: the case panel
 *   does not offer it.
 */
export type StepMark =
  | 'accepted'
  | 'unaccepted'
  | 'noticeStarted'
  | 'noticeCleared'
  | 'decided'
  | 'approved'
  | 'ended'
  | 'helpedFirst'
  | 'reviewStarted'
  | 'reviewed'
  | 'phaseOut'
  | 'reassessmentDue'
  | 'enrolled';

/** What a guard reads: the case as it stands and the day's facts, on the checker's calendar. */
export interface CaseStepContext {
  today: string;
  case: AssistanceCaseData;
  /** Last day of the 公示 recomputed on this calendar, null before it started. */
  noticeEnd: string | null;
  /** Whether the county has delegated 审核确认 to the office today. */
  confirmationDelegated: boolean;
  rules: RuleBook;
  /** What a 名册转入 step brings from the roster (its op's paymentFrom and decidedOn). */
  enrolment?: RosterEnrolment | null;
}

export type PaymentMode = 'monthly' | 'once' | 'none';

export type PaperKind = 'noticeList' | 'refusal' | 'approvalForm' | 'authorisation';

/** The reference data a calculator reads (the same records at the desk and at HQ). */
export interface CalcReference {
  standards: readonly (StandardPeriod & { id: string; amountFen: number })[];
  rules: RuleBook;
  settings: Pick<
    OfficeSettings,
    | 'minPaymentPercentOfStandard'
    | 'rounding'
    | 'edgeMultiplierPermille'
    | 'assetLimitMonthsOfStandard'
  >;
}

export interface ProgrammeModule {
  id: string;
  workflow: WorkflowDefinition<string, string, CaseStepContext> & {
    /** The shared dates each action writes (see StepMark); absent: none. */
    marks: Readonly<Record<string, readonly StepMark[]>>;
  };
  /** A new case starts here. */
  initialStatus: string;
  /** While the decision limit runs (受理 up to the decision). */
  decisionPendingStatuses: readonly string[];
  /** A month in one of these statuses is paid (monthly programmes). */
  paidStatuses: readonly string[];
  /** Whether the programme posts a 公示 (its length: settings.noticeWorkingDays). */
  hasNotice: boolean;
  payment: PaymentMode;
  /** The programme's own facts (`programmeFacts` of the case); `{}`-shaped for 低保. */
  factsSchema: z.ZodType<Record<string, unknown>>;
  /** Facts a new application starts with. */
  defaultFacts(): Record<string, unknown>;
  /** The form's sections, in order (the renderer maps each to its component). */
  formSections: readonly string[];
  /** Every number the module reads, with its unit, bounds and first-run sample. */
  rules: Readonly<Record<string, RuleSpec>>;
  /**
   * The amount for `date` (the application date when saved, a month's first day on a
   * roll): the same function at the desk's form, its save, HQ's check and the roll.
   */
  calculate(data: AssistanceCaseData, date: string, ref: CalcReference): BenefitSnapshot;
  /** The programme's own checks of a case's facts (beyond the schemas). */
  checks(data: AssistanceCaseData, today: string): FieldError[];
  /**
   * Checks of a case against the household's other cases of the programme (临时救助:
   * repeated help within a window), on every write of the case — the desk's write path
   * and HQ's merged record alike. Absent: none.
   */
  householdCaseChecks?(
    data: AssistanceCaseData & { id: string },
    others: readonly (AssistanceCaseData & { id: string })[],
    rules: RuleBook,
  ): FieldError[];
  papers: readonly PaperKind[];
  /**
   * Months from a decision or review to the next review (动态管理: yearly for stable
   * households, six-monthly where income is unstable — the module's rules say which).
   */
  reviewIntervalMonths(data: AssistanceCaseData, rules: RuleBook, today: string): number;
  /**
   * A one-off programme's payment of a case (payment 'once'): its amount and the roll
   * month it is due in ('roll'), or that it was handed over already ('handedOver': 先行救助,
   * in cash with a receipt, never paid again by the bank); null while nothing is due.
   */
  oneOffPayment?(c: AssistanceCaseData): {
    amountFen: number;
    mode: 'handedOver' | 'roll';
    month: string;
    paidOn: string | null;
  } | null;
  /** Programmes a person may not be paid from in the same month as this one (特困 ↔ 低保). */
  excludes: readonly string[];
}

/** The calendar and settings a step is planned with (desk: its own; HQ: the county's). */
export interface CaseEngineEnv {
  today: string;
  calendar: WorkingCalendar;
  settings: Pick<OfficeSettings, 'decisionLimitWorkingDays' | 'noticeWorkingDays'>;
  confirmationDelegated: boolean;
  rules: RuleBook;
}
