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
