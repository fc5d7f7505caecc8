/**
 * The domain checks of any programme's case, the same at the desk's write path and at
 * HQ: the shared ones (dates, covered members) and the programme's own — its status is
 * one of its workflow's states, its facts match its schema, and its module's checks.
 */
import { caseDomainIssues, type AssistanceCaseData } from '../domain/assistanceCase';
import type { FieldError } from '../errors/appError';
import { fieldErrorsFromZod } from '../validation/fieldErrors';
import { isOpenCase } from './caseEngine';
import { isProgramme, programmeModules } from './registry';

export function programmeCaseIssues(data: AssistanceCaseData, today: string): FieldError[] {
  const issues = caseDomainIssues(data, today);
  if (!isProgramme(data.programme)) {
    return [...issues, { path: 'programme', code: 'case.programme_unknown' }];
  }
  const module = programmeModules[data.programme];
  if (!module.workflow.states.includes(data.status)) {
    issues.push({ path: 'status', code: 'case.status_unknown', params: { status: data.status } });
  }
  const facts = module.factsSchema.safeParse(data.programmeFacts);
  if (!facts.success) {
    const named = fieldErrorsFromZod(facts.error).map((e) => ({
      ...e,
      path: `programmeFacts.${e.path}`.replace(/\.$/, ''),
    }));
    return [...issues, ...named];
  }
  return [...issues, ...module.checks(data, today)];
}

type OpenCaseFacts = Pick<AssistanceCaseData, 'programme' | 'status' | 'coveredPersonIds'> & {
  id: string;
};

/**
 * One open case per person and programme: the first of `others` (live cases of the same
 * office) that is open in the case's programme and covers one of its covered persons.
 * The desk's write path and HQ ask this with the cases each holds.
 */
export function openCaseClash(
  c: OpenCaseFacts,
  others: readonly OpenCaseFacts[],
): { personId: string; caseId: string } | null {
  if (!isOpenCase(c)) return null;
  for (const personId of c.coveredPersonIds) {
    const clash = others.find(
      (o) =>
        o.id !== c.id &&
        o.programme === c.programme &&
        o.coveredPersonIds.includes(personId) &&
        isOpenCase(o),
    );
    if (clash) return { personId, caseId: clash.id };
  }
  return null;
}

type ExclusionFacts = OpenCaseFacts & Pick<AssistanceCaseData, 'decidedOn' | 'applicantName'>;

/**
 * A case in force: granted (its approving step wrote `decidedOn`) and not closed — approved
 * and not yet paid, paid, under review, in 渐退期, suspended or in 重新评估. A refusal is
 * closed, so `decidedOn` on an open case means a grant.
 */
export function isCaseInForce(c: Pick<ExclusionFacts, 'programme' | 'status' | 'decidedOn'>) {
  return isOpenCase(c) && c.decidedOn !== null;
}

/** Whether either programme's module excludes the other (特困 ↔ 低保). */
export function programmesExclude(a: string, b: string): boolean {
  if (!isProgramme(a) || !isProgramme(b)) return false;
  return programmeModules[a].excludes.includes(b) || programmeModules[b].excludes.includes(a);
}

/**
 * Whether this write is one the exclusion judges: it puts the case in force (the approving
 * step, 名册转入) or changes whom a case in force covers. A case already in force is not
 * judged again on other writes, so a suspension or a termination is never blocked by it.
 */
export function entersForce(
  before: Pick<ExclusionFacts, 'programme' | 'status' | 'decidedOn' | 'coveredPersonIds'> | null,
  after: Pick<ExclusionFacts, 'programme' | 'status' | 'decidedOn' | 'coveredPersonIds'>,
): boolean {
  if (!isCaseInForce(after)) return false;
  if (!before || !isCaseInForce(before)) return true;
  return after.coveredPersonIds.some((id) => !before.coveredPersonIds.includes(id));
}

/**
 * Programmes a person may not have at once (the modules' `excludes`, either direction): the
 * first of `others` in force, of a programme excluding the case's, covering one of its
 * covered persons. Asked when the case enters force (`entersForce`), at the desk's write
 * path and at HQ alike; a case of the other programme only applied for does not count —
 * whichever is granted first stands, and the other waits until it is ended.
 */
export function excludedProgrammeClash(
  c: ExclusionFacts,
  others: readonly ExclusionFacts[],
): { personId: string; caseId: string; programme: string; applicantName: string } | null {
  if (!isCaseInForce(c)) return null;
  for (const personId of c.coveredPersonIds) {
    const clash = others.find(
      (o) =>
        o.id !== c.id &&
        programmesExclude(c.programme, o.programme) &&
        o.coveredPersonIds.includes(personId) &&
        isCaseInForce(o),
    );
    if (clash) {
      return {
        personId,
        caseId: clash.id,
        programme: clash.programme,
        applicantName: clash.applicantName,
      };
    }
  }
  return null;
}

/** The field error of a clash, naming the person and the other case. */
export function excludedProgrammeError(
  clash: NonNullable<ReturnType<typeof excludedProgrammeClash>>,
  personName: string,
): FieldError {
  return {
    path: 'coveredPersonIds',
    code: 'case.excluded_programme',
    params: {
      name: personName,
      applicant: clash.applicantName,
      programme: clash.programme,
      caseId: clash.caseId,
    },
  };
}
