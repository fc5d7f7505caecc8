/**
 * The rules for a change to a 低保 case, the same at the desk and at HQ: a case is
 * created only as a draft, its status and step dates change only through a workflow
 * step, its facts only before 公示 (as a correction with its reason), and its benefit is always S×N−I of its own figures
 * under the standard in force (recomputed by whoever checks, never taken on trust).
 */
import type { BenefitRules } from '../benefit/caseBenefit';
import { moduleOf } from '../programmes/caseEngine';
import { isProgramme, programmeModules, programmeRuleBook } from '../programmes/registry';
import type { RuleBook } from '../programmes/ruleBook';
import type { StandardPeriod } from '../benefit/dibaoBenefit';
import type { AppErrorData, FieldError } from '../errors/appError';
import type { AssistanceCaseData, BenefitSnapshot } from '../domain/assistanceCase';
import { applicationStatuses, benefitDateOf, reviewStatuses } from '../dynamics/benefitDate';
import { isApplicantNameRefresh } from './copyRefresh';
import { personCopyIssues, type RegistryNames } from './personCopies';

export type { RegistryNames } from './personCopies';
import { stepFields } from '../programmes/caseEngine';
import { helpedFirstEditIssues } from '../programmes/temporary/helpedFirst';

/**
 * The application facts may be corrected (an update with its reason; the case keeps its
 * revisions) while the case is with the township, before its 公示: what is posted and
 * what the county reviews is the file. During 公示 or the county's review a correction
 * needs the explicit step back (重新调查); after the decision only a review (复核,
 * 'under_review': members, income and the amount, computed for the review's date) or an
 * approved recomputation under a new standard (shared/dynamics/recomputation.ts).
 */
export const editableCaseStatuses: readonly string[] = [
  ...applicationStatuses,
  ...reviewStatuses,
  // 特困 重新评估: the new six-item assessment is a correction of the facts (tekun/workflow.ts).
  'reassessment',
];

const stepFieldSet = new Set<string>(stepFields);

/** What a new case must look like: a draft with none of the steps' dates. */
export function caseCreateIssues(fields: Record<string, unknown>): FieldError[] {
  const issues: FieldError[] = [];
  const expected =
    typeof fields.programme === 'string' && isProgramme(fields.programme)
      ? programmeModules[fields.programme].initialStatus
      : 'draft';
  if (fields.status !== expected) {
    issues.push({ path: 'status', code: 'workflow.initial_state', params: { expected } });
  }
  for (const field of stepFields.filter((f) => f !== 'status' && f !== 'statusChangedAt')) {
    if (fields[field] !== null && fields[field] !== undefined) {
      issues.push({ path: field, code: 'workflow.step_field' });
    }
  }
  return issues;
}

/** What a plain edit is checked against: the case as it stands. */
export interface CaseEditBase {
  status: string;
  acceptedOn: string | null;
  noticeStartedOn: string | null;
  /** 临时救助: the day help was handed over first, which fixes its amount and kind. */
  helpedFirstOn?: string | null;
  programmeFacts?: unknown;
  /** The case it continues (动态管理), judged when the case was opened. */
  previousCaseId?: string | null;
  householdId?: string;
  /** Whom the case was decided for: fixed once decided (a new head is a successor case). */
  applicantPersonId?: string;
}

/**
 * A plain edit (not a step) may not touch the workflow's fields, nor a case past its
 * township stage — except the applicant's name following the registry, at any status
 * (`applicantNow`: the person's current name, copyRefresh.ts); a corrected application
 * date may not fall after a step already dated (受理, 公示).
 */
export function caseEditIssues(
  current: CaseEditBase,
  fields: Record<string, unknown>,
  applicantNow?: string,
): FieldError[] {
  if (isApplicantNameRefresh(fields, applicantNow)) return [];
  // A case stays in its programme: another programme is another application.
  if ('programme' in fields) return [{ path: 'programme', code: 'case.programme_fixed' }];
  const owned = Object.keys(fields).filter((f) => stepFieldSet.has(f));
  if (owned.length > 0) return owned.map((path) => ({ path, code: 'workflow.step_field' }));
  if (!editableCaseStatuses.includes(current.status)) {
    return [{ path: 'status', code: 'case.not_editable', params: { status: current.status } }];
  }
  // The successor link is judged when the case is opened (closed for it in the same
  // transaction, same household): a correction never sets or moves it, nor the household.
  const link = current.previousCaseId ?? null;
  const relinks =
    ('previousCaseId' in fields && (fields.previousCaseId ?? null) !== link) ||
    (link !== null && 'householdId' in fields && fields.householdId !== current.householdId);
  if (relinks) return [{ path: 'previousCaseId', code: 'dynamics.successor_link_fixed' }];
  // A review (复核, 特困's 重新评估) corrects members, income and the amount of a decided
  // case, never whom it was decided for: another applicant is another application.
  const decided = !applicationStatuses.includes(current.status);
  if (
    decided &&
    current.applicantPersonId !== undefined &&
    'applicantPersonId' in fields &&
    fields.applicantPersonId !== current.applicantPersonId
  ) {
    return [{ path: 'applicantPersonId', code: 'case.applicant_fixed' }];
  }
  const helped = helpedFirstEditIssues(current, fields);
  if (helped.length > 0) return helped;
  const applied = fields.applicationDate;
  const firstStep = [current.acceptedOn, current.noticeStartedOn].find((d) => d !== null);
  if (typeof applied === 'string' && firstStep && applied > firstStep) {
    return [
      { path: 'applicationDate', code: 'case.application_after_step', params: { date: firstStep } },
    ];
  }
  return [];
}

/** A case's applicant: `case.applicant_unknown`, `case.applicant_name_not_registry`. */
export function applicantCopyIssues(
  sent: { applicantName: unknown },
  registry: RegistryNames | undefined,
): FieldError[] {
  return personCopyIssues(sent.applicantName, registry, {
    person: 'applicantPersonId',
    unknown: 'case.applicant_unknown',
    path: 'applicantName',
    name: 'case.applicant_name_not_registry',
  });
}

/**
 * Everyone a case covers is a live registered member of the case's household (the
 * benefit is S×N−I: N ghosts or strangers would raise it). `householdOf`: each covered
 * person's householdId as whoever checks holds it (undefined: no live person).
 * `case.covered_not_member`, params.personId: the first who is not.
 */
export function coveredPersonsIssues(
  householdId: unknown,
  householdOf: ReadonlyMap<string, string | null | undefined>,
): FieldError[] {
  for (const [personId, theirs] of householdOf) {
    if (theirs === undefined || theirs !== householdId) {
      return [{ path: 'coveredPersonIds', code: 'case.covered_not_member', params: { personId } }];
    }
  }
  return [];
}

/** A step's op may carry only the fields a step writes. */
export function stepOpIssues(fields: Record<string, unknown>): FieldError[] {
  return Object.keys(fields)
    .filter((f) => !stepFieldSet.has(f))
    .map((path) => ({ path, code: 'workflow.step_field' }));
}

const checkedFigures = [
  'computedForDate',
  'benefitFen',
  'standardFen',
  'coveredCount',
  'countedIncomeFen',
  'classification',
] as const;

/**
 * The case's benefit recomputed with `standards` and `rules` for `date` (by default the
 * case's own benefit date, shared/dynamics/benefitDate.ts — never the date a desk sent);
 * null when the figures the case carries are those, else the refusal naming each figure
 * that differs (both values) — `benefit.mismatch` — or `benefit.no_standard`.
 */
export function benefitRefusal(
  data: AssistanceCaseData,
  standards: (StandardPeriod & { id: string; amountFen: number })[],
  settings: BenefitRules,
  rules: RuleBook = programmeRuleBook([]),
  date: string = benefitDateOf(data),
): AppErrorData | null {
  const computed = moduleOf(data).calculate(data, date, {
    standards,
    settings,
    rules,
  });
  if (computed.classification === 'no_standard') {
    return {
      code: 'validation',
      message: `No benefit standard is in force for area ${data.areaCode}, ${data.category}, on ${date}.`,
      fieldErrors: [
        {
          path: 'benefit',
          code: 'benefit.no_standard',
          params: { areaCode: data.areaCode, date },
        },
      ],
    };
  }
  const differs = checkedFigures.filter((f) => computed[f] !== data.benefit[f]);
  // The amount's parts (特困: basic living and care) are the module's too, not the desk's.
  const partsText = (s: BenefitSnapshot) => s.parts.map((p) => `${p.code} ${p.fen}`).join(', ');
  if (differs.length === 0 && partsText(computed) !== partsText(data.benefit)) {
    return {
      code: 'validation',
      message: `The benefit's parts do not match: ${partsText(data.benefit)} sent, ${partsText(computed)} computed.`,
      fieldErrors: [
        {
          path: 'benefit.parts',
          code: 'benefit.mismatch',
          params: { sent: partsText(data.benefit), computed: partsText(computed) },
        },
      ],
    };
  }
  if (differs.length === 0) return null;
  const figure = (snapshot: BenefitSnapshot, f: (typeof checkedFigures)[number]) => snapshot[f];
  return {
    code: 'validation',
    message: `The benefit does not match its figures: ${differs
      .map(
        (f) =>
          `${f} ${String(figure(data.benefit, f))} sent, ${String(figure(computed, f))} computed`,
      )
      .join('; ')}.`,
    fieldErrors: differs.map((f) => ({
      path: `benefit.${f}`,
      code: 'benefit.mismatch',
      params: { sent: figure(data.benefit, f), computed: figure(computed, f) },
    })),
    details: { sentFen: data.benefit.benefitFen, computedFen: computed.benefitFen },
  };
}
