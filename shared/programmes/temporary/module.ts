/**
 * 临时救助 (temporary assistance) as a programme module (issue #13): its workflow
 * (workflow.ts: help first, the township's limit, the county above it, a one-off
 * payment), its facts (facts.ts), the amount in tiers of the 低保 standard (tiers.ts),
 * its checks (checks.ts), repeated help within a window (repeatHelp.ts) and its numbers
 * (rules.ts), its one-off payment for the rolls (payment.ts). docs/programmes.md,
 * "临时救助", says what was chosen where domain.md is silent.
 */
import { oneOffPaymentOf } from './payment';
import type { ProgrammeModule } from '../types';
import { temporaryChecks } from './checks';
import { defaultTemporaryFacts, temporaryFactsSchema } from './facts';
import { repeatHelpIssues } from './repeatHelp';
import { temporaryRules } from './rules';
import { computeTemporaryAmount } from './tiers';
import { temporaryDecisionPending, temporaryWorkflow } from './workflow';

export const temporaryModule: ProgrammeModule = {
  id: 'temporary',
  workflow: temporaryWorkflow,
  initialStatus: 'draft',
  decisionPendingStatuses: temporaryDecisionPending,
  // One-off: no month is "paid" by status; the payment is the `pay` step (endedOn).
  paidStatuses: [],
  hasNotice: false,
  payment: 'once',
  factsSchema: temporaryFactsSchema,
  defaultFacts: defaultTemporaryFacts,
  formSections: ['household', 'members', 'income', 'assets', 'temporary'],
  rules: temporaryRules,
  calculate: computeTemporaryAmount,
  checks: temporaryChecks,
  householdCaseChecks: repeatHelpIssues,
  papers: ['refusal', 'approvalForm', 'authorisation'],
  // A one-off help is not reviewed (no 'reviewed' step; 'approved' sets no reviewDue).
  reviewIntervalMonths: () => 0,
  excludes: [],
  oneOffPayment: oneOffPaymentOf,
};
