/**
 * The 临时救助 half of the application form (programmeForms.ts): the facts as typed —
 * amounts stay yuan text until saving — how a saved case shows in the form, what is
 * checked before saving (the shared module's checks run again in the write path and at
 * HQ), and the facts as saved.
 */
import { isIsoDate } from '@shared/calendar/dates';
import type { FieldError } from '@shared/errors/appError';
import { fenToYuanInput } from '@shared/money/fen';
import {
  causesOfKind,
  temporaryKinds,
  type TemporaryFacts,
  type TemporaryKind,
} from '@shared/programmes/temporary/facts';
import { yuanTextToFen } from '../../../common/MoneyField';
import type { ProgrammeForm } from '../../programmeForms';

/** The facts as the form holds them. */
export interface TemporaryDraft {
  kind: TemporaryKind;
  cause: string;
  eventDate: string;
  description: string;
  spending: string;
  proposed: string;
  /** '' when the case links no medical costs. */
  medicalCost: string;
  medicalReference: string;
  repeatReason: string;
}

const emptyDraft: TemporaryDraft = {
  kind: 'emergency',
  cause: 'fire',
  eventDate: '',
  description: '',
  spending: '',
  proposed: '',
  medicalCost: '',
  medicalReference: '',
  repeatReason: '',
};

/** The draft's fields, each kept only when it has the right shape. */
export function draftOf(facts: Record<string, unknown>): TemporaryDraft {
  const out = { ...emptyDraft };
  for (const key of Object.keys(emptyDraft) as (keyof TemporaryDraft)[]) {
    const value = facts[key];
    if (typeof value === 'string') (out as Record<string, string>)[key] = value;
  }
  if (!temporaryKinds.includes(out.kind)) out.kind = 'emergency';
  return out;
}

const at = (field: keyof TemporaryFacts) => `programmeFacts.${field}`;

function moneyIssue(text: string, field: keyof TemporaryFacts): FieldError[] {
  return yuanTextToFen(text) === null ? [{ path: at(field), code: 'money.format' }] : [];
}

export function temporaryLocalIssues(facts: Record<string, unknown>): FieldError[] {
  const d = draftOf(facts);
  const issues: FieldError[] = [];
  if (!causesOfKind[d.kind].includes(d.cause)) {
    issues.push({ path: at('cause'), code: 'field.required' });
  }
  if (!isIsoDate(d.eventDate)) issues.push({ path: at('eventDate'), code: 'field.date' });
  if (d.description.trim() === '') issues.push({ path: at('description'), code: 'field.required' });
  issues.push(...moneyIssue(d.proposed, 'proposedFen'));
  if (yuanTextToFen(d.proposed) === 0) {
    issues.push({ path: at('proposedFen'), code: 'temporary.proposed_required' });
  }
  if (d.kind === 'expenditure') {
    issues.push(...moneyIssue(d.spending, 'spendingFen'));
    if (d.cause === 'medical') issues.push(...moneyIssue(d.medicalCost, 'medicalCostFen'));
  }
  return issues;
}

/** The facts as saved; called once temporaryLocalIssues found nothing. */
export function temporaryToFacts(facts: Record<string, unknown>): TemporaryFacts {
  const d = draftOf(facts);
  const spending = d.kind === 'expenditure';
  const medical = spending && d.cause === 'medical' && d.medicalCost.trim() !== '';
  return {
    kind: d.kind,
    cause: d.cause as TemporaryFacts['cause'],
    eventDate: d.eventDate,
    description: d.description.trim(),
    spendingFen: spending ? (yuanTextToFen(d.spending) ?? 0) : 0,
    proposedFen: yuanTextToFen(d.proposed) ?? 0,
    medicalCostFen: medical ? (yuanTextToFen(d.medicalCost) ?? 0) : null,
    medicalReference: medical ? d.medicalReference.trim() : '',
    repeatReason: d.repeatReason.trim(),
  };
}

/** A saved case's facts as the form shows them. */
export function temporaryFromCase(facts: Record<string, unknown>): TemporaryDraft {
  const f = facts as Partial<TemporaryFacts>;
  const yuan = (fen: unknown) => (typeof fen === 'number' && fen > 0 ? fenToYuanInput(fen) : '');
  return {
    ...draftOf(facts),
    spending: yuan(f.spendingFen),
    proposed: yuan(f.proposedFen),
    medicalCost: typeof f.medicalCostFen === 'number' ? fenToYuanInput(f.medicalCostFen) : '',
  };
}

export const temporaryFormLogic: Omit<ProgrammeForm, 'Fields'> = {
  emptyFacts: () => ({ ...emptyDraft }),
  fromCase: (facts) => ({ ...temporaryFromCase(facts) }),
  adopt: (stored) =>
    typeof stored === 'object' && stored !== null
      ? { ...draftOf(stored as Record<string, unknown>) }
      : { ...emptyDraft },
  localIssues: temporaryLocalIssues,
  toFacts: (facts) => ({ ...temporaryToFacts(facts) }),
};
