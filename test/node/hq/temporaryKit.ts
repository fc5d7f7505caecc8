import { noStepDates } from '@shared/domain/assistanceCase';
import type { HouseholdWithMembers } from '../../../renderer/src/db/repositories/households';
import { temporaryModule } from '@shared/programmes/temporary/module';
import { temporaryWorkflow, type TemporaryAction } from '@shared/programmes/temporary/workflow';
import type { TemporaryFacts } from '@shared/programmes/temporary/facts';
import { transitionCase, type AssistanceCase } from '../../../renderer/src/db/repositories/cases';
import { listStandards, loadRuleBook } from '../../../renderer/src/db/repositories/reference';
import { loadSettings } from '../../../renderer/src/db/repositories/settings';
import { write } from '../../../renderer/src/db/writePath';
import type { SyncDesk } from '../../support/syncDesks';

/**
 * 临时救助 work done at a desk through its real write path: an application (its amount
 * computed by the module's calculator with the desk's standards and rules, as the form
 * does) and steps by the role each step needs.
 */
export function fireFacts(over: Partial<TemporaryFacts> = {}): TemporaryFacts {
  return {
    kind: 'emergency',
    cause: 'fire',
    eventDate: '2026-03-01',
    description: '住房失火，衣被全毁',
    spendingFen: 0,
    proposedFen: 150000,
    medicalCostFen: null,
    medicalReference: '',
    repeatReason: '',
    ...over,
  };
}

/** The case's fields as the desk saves them (its amount computed here). */
export async function temporaryCaseFields(
  desk: SyncDesk,
  family: HouseholdWithMembers,
  facts: TemporaryFacts,
  applicationDate = '2026-03-02',
  /** The household member who applies for herself alone (default: the head, for all). */
  member?: { personId: string; name: string },
) {
  const [standards, rules, settings] = await Promise.all([
    listStandards(desk.db),
    loadRuleBook(desk.db),
    loadSettings(desk.db),
  ]);
  const fields = {
    programme: 'temporary' as const,
    householdId: family.household.id,
    applicantPersonId: member?.personId ?? family.household.headPersonId,
    applicantName: member?.name ?? family.household.headName,
    category: 'rural' as const,
    areaCode: '330102',
    coveredPersonIds: member ? [member.personId] : family.members.map((m) => m.person.id),
    income: { wagesFen: 0, businessFen: 0, propertyFen: 0, transferFen: 0 },
    deductionsFen: 0,
    assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
    applicationDate,
    status: 'draft',
    statusChangedAt: desk.ctx.now().toISOString(),
    ...noStepDates,
    programmeFacts: facts,
    previousCaseId: null,
    searchTokens: [],
  };
  if (!settings) throw new Error('no settings');
  const benefit = temporaryModule.calculate(
    { ...fields, benefit: { ...emptyBenefit, computedForDate: applicationDate } },
    applicationDate,
    { standards, rules, settings },
  );
  return { ...fields, benefit };
}

const emptyBenefit = {
  standardId: null,
  standardFen: 0,
  coveredCount: 0,
  countedIncomeFen: 0,
  benefitFen: 0,
  classification: 'no_standard',
  parts: [],
};

export async function applyForTemporary(
  desk: SyncDesk,
  family: HouseholdWithMembers,
  facts: TemporaryFacts,
  applicationDate?: string,
  member?: { personId: string; name: string },
): Promise<AssistanceCase> {
  const fields = await temporaryCaseFields(desk, family, facts, applicationDate, member);
  return write(desk.db, desk.ctx, (w) => w.create('assistanceCase', fields));
}

/** One step as the office role that may take it, with an opinion and a reason. */
export async function temporaryStep(
  desk: SyncDesk,
  caseId: string,
  action: TemporaryAction,
): Promise<AssistanceCase> {
  const current = await desk.db.cases.get(caseId);
  if (!current) throw new Error(`desk ${desk.name} has no case ${caseId}`);
  const roles: readonly string[] = temporaryWorkflow.actions[action].roles;
  const ctx = roles.includes('registrar') ? desk.ctx : desk.as('supervisor');
  return transitionCase(desk.db, ctx, caseId, current.version, {
    action,
    opinion: `${action} 意见`,
    reason: `${action} 理由`,
  });
}

export async function walk(desk: SyncDesk, caseId: string, actions: TemporaryAction[]) {
  for (const action of actions) await temporaryStep(desk, caseId, action);
  return desk.db.cases.get(caseId);
}
