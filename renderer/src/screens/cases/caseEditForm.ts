import { editableCaseStatuses } from '@shared/authority/caseOps';
import { fenToYuanInput } from '@shared/money/fen';
import type { AssistanceCase } from '../../db/repositories/cases';
import { adoptCaseDraft, type CaseDraft } from './caseForm';
import { programmeForms } from './programmeForms';

/**
 * The application facts may be corrected while the case is with the township, before
 * its 公示 — the same list updateDibaoCase and HQ check (shared caseEditIssues).
 */
export function isCaseEditable(status: string): boolean {
  return editableCaseStatuses.includes(status);
}

/**
 * A correction in progress. It remembers the version of the case its values were read from,
 * so a draft restored after a colleague changed the case is saved against the old
 * version and refused as a conflict, instead of silently undoing the colleague's change.
 */
export interface CaseEditDraft extends CaseDraft {
  baseVersion: number;
  /** Why the case is corrected: kept with the superseded version, shown in its history. */
  reason: string;
}

/** The stored case as the form shows it: amounts in fen become yuan text. */
export function caseToDraft(c: AssistanceCase): CaseEditDraft {
  return {
    programme: c.programme,
    facts: programmeForms[c.programme].fromCase(c.programmeFacts),
    householdId: c.householdId,
    applicantPersonId: c.applicantPersonId,
    category: c.category,
    coveredPersonIds: [...c.coveredPersonIds],
    wages: fenToYuanInput(c.income.wagesFen),
    business: fenToYuanInput(c.income.businessFen),
    property: fenToYuanInput(c.income.propertyFen),
    transfer: fenToYuanInput(c.income.transferFen),
    deductions: fenToYuanInput(c.deductionsFen),
    deposits: fenToYuanInput(c.assets.depositsFen),
    securities: fenToYuanInput(c.assets.securitiesFen),
    vehicles: String(c.assets.vehicles),
    extraHousing: String(c.assets.extraHousingUnits),
    assetNote: c.assets.note,
    applicationDate: c.applicationDate,
    baseVersion: c.version,
    reason: '',
  };
}

/** A stored edit draft of this case's household, or null (then the stored case is shown). */
export function adoptCaseEditDraft(
  stored: unknown,
  householdId: string,
  today: string,
): CaseEditDraft | null {
  const draft = adoptCaseDraft(stored, today);
  const baseVersion = (stored as { baseVersion?: unknown } | null)?.baseVersion;
  if (!draft || draft.householdId !== householdId) return null;
  if (typeof baseVersion !== 'number' || !Number.isInteger(baseVersion) || baseVersion < 1) {
    return null;
  }
  const reason = (stored as { reason?: unknown }).reason;
  return { ...draft, baseVersion, reason: typeof reason === 'string' ? reason : '' };
}
