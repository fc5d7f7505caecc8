/**
 * The checks of a 特困 case's own facts, beyond their schema, the same at the desk's write
 * path and at HQ (ProgrammeModule.checks: the case alone) — and the rule-dependent one
 * (`selfCareLevelIssues`), which whoever holds the rule book runs (the form, HQ).
 *
 * 特困 supports one person: the case covers its applicant alone (`tekun.applicant_only`);
 * others of the household apply in their own right (低保 or their own 特困 case).
 */
import type { AssistanceCaseData } from '../../domain/assistanceCase';
import type { FieldError } from '../../errors/appError';
import { notInFuture } from '../../validation/dates';
import type { RuleBook } from '../ruleBook';
import { tekunFactsSchema, type TekunFacts } from './facts';
import { assessedCareLevel, failedItemCount } from './selfCare';

export function tekunChecks(data: AssistanceCaseData, today: string): FieldError[] {
  const issues: FieldError[] = [];
  if (data.coveredPersonIds.length !== 1 || data.coveredPersonIds[0] !== data.applicantPersonId) {
    issues.push({ path: 'coveredPersonIds', code: 'tekun.applicant_only' });
  }
  const parsed = tekunFactsSchema.safeParse(data.programmeFacts);
  if (!parsed.success) return issues; // the schema check names it
  return [...issues, ...factIssues(parsed.data, today)];
}

function factIssues(facts: TekunFacts, today: string): FieldError[] {
  const issues: FieldError[] = [];
  const at = (p: string) => `programmeFacts.${p}`;
  if (!facts.noWorkCapacity) {
    issues.push({ path: at('noWorkCapacity'), code: 'tekun.work_capacity' });
  }
  if (!facts.noIncomeSource) {
    issues.push({ path: at('noIncomeSource'), code: 'tekun.income_source' });
  }
  if (facts.supporter.status === 'unable' && facts.supporter.note === '') {
    issues.push({ path: at('supporter.note'), code: 'tekun.supporter_note_required' });
  }
  issues.push(...notInFuture(facts.selfCare.assessedOn, today, at('selfCare.assessedOn')));
  if (facts.support.form === 'home') {
    issues.push(...notInFuture(facts.support.agreementDate, today, at('support.agreementDate')));
  }
  return issues;
}

/**
 * The level the case records is the one its six items give under the rule in force on
 * the assessment's date: `tekun.care_level_mismatch` naming both and the rule.
 */
export function selfCareLevelIssues(data: AssistanceCaseData, rules: RuleBook): FieldError[] {
  const parsed = tekunFactsSchema.safeParse(data.programmeFacts);
  if (!parsed.success) return [];
  const { selfCare } = parsed.data;
  const computed = assessedCareLevel(selfCare, rules, data.areaCode);
  if (computed === selfCare.level) return [];
  return [
    {
      path: 'programmeFacts.selfCare.level',
      code: 'tekun.care_level_mismatch',
      params: {
        sent: selfCare.level,
        computed,
        failed: failedItemCount(selfCare.items),
        rule: 'tekun.selfCare',
      },
    },
  ];
}
