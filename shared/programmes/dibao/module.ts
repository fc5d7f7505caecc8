/**
 * 最低生活保障 (低保) as a programme module: the example a new programme copies
 * (docs/architecture.md, "Adding a programme"). Its workflow is workflow.ts, its
 * calculator S×N−I is shared/benefit (dibaoBenefit.ts), its numbers are the office
 * settings and the published standards; it collects no facts beyond the shared case.
 */
import { z } from 'zod';
import { benefitInputOf, computeCaseBenefit } from '../../benefit/caseBenefit';
import { reviewMonthsOf, reviewRuleSpecs } from '../../dynamics/reviewRule';
import { rosterEnrolmentRuleSpecs } from '../rosterEnrolment';
import type { ProgrammeModule } from '../types';
import { decisionPendingStatuses } from '../../workflow/dibaoDeadlines';
import { dibaoWorkflow } from './workflow';

export const dibaoModule: ProgrammeModule = {
  id: 'dibao',
  workflow: dibaoWorkflow,
  initialStatus: 'draft',
  decisionPendingStatuses,
  paidStatuses: ['active', 'under_review', 'phasing_out'],
  hasNotice: true,
  payment: 'monthly',
  // 动态管理: whether the household's income is unstable (reviewed every 6 months).
  factsSchema: z.object({ incomeUnstable: z.boolean().optional() }).strict(),
  defaultFacts: () => ({}),
  formSections: ['household', 'members', 'income', 'assets'],
  rules: {
    // 动态管理: stable households yearly, unstable income every six months.
    ...reviewRuleSpecs('dibao'),
    'dibao.phaseOutMonths': { unit: 'months', min: 0, max: 24, sample: 6 },
    // 名册转入期: the county's window for the roster import of cases already paid.
    ...rosterEnrolmentRuleSpecs,
  },
  calculate: (data, date, ref) =>
    computeCaseBenefit({ ...benefitInputOf(data), date }, [...ref.standards], ref.settings),
  checks: () => [],
  papers: ['noticeList', 'refusal', 'approvalForm', 'authorisation'],
  reviewIntervalMonths: (data, rules, today) => reviewMonthsOf('dibao', data, rules, today),
  excludes: ['tekun'],
};
