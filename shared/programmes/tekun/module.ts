/**
 * 特困人员救助供养 as a programme module (docs/programmes.md, "特困人员救助供养"): the 低保
 * frame plus re-assessment (workflow.ts), its facts (facts.ts), the self-care level by
 * rule (selfCare.ts), its checks (checks.ts; eligibility.ts for what needs the person and
 * the elderly-care records), its amount (calculate.ts) and its numbers (rules.ts).
 */
import { decisionPendingStatuses } from '../../workflow/dibaoDeadlines';
import type { ProgrammeModule } from '../types';
import { calculateTekun } from './calculate';
import { tekunChecks } from './checks';
import { defaultTekunFacts, tekunFactsSchema } from './facts';
import { tekunRules } from './rules';
import { tekunWorkflow } from './workflow';

export const tekunModule: ProgrammeModule = {
  id: 'tekun',
  workflow: tekunWorkflow,
  initialStatus: 'draft',
  decisionPendingStatuses,
  paidStatuses: ['active', 'under_review', 'reassessment'],
  hasNotice: true,
  payment: 'monthly',
  factsSchema: tekunFactsSchema,
  defaultFacts: defaultTekunFacts,
  formSections: ['household', 'tekunEligibility', 'tekunSelfCare', 'tekunSupport'],
  rules: tekunRules,
  calculate: calculateTekun,
  checks: tekunChecks,
  papers: ['noticeList', 'refusal', 'approvalForm', 'authorisation'],
  reviewIntervalMonths: (data, rules, today) =>
    rules.value('tekun.reviewMonths', today, data.areaCode),
  excludes: ['dibao'],
};
