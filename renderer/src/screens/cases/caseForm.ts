import type { FieldError } from '@shared/errors/appError';
import type { UrbanRural } from '@shared/domain/common';
import { isIsoDate } from '@shared/calendar/dates';
import { parseCount } from '@shared/validation/counts';
import type { Programme } from '@shared/domain/assistanceCase';
import { isProgramme } from '@shared/programmes/registry';
import type { CaseApplicationInput } from '../../db/repositories/cases';
import type { HouseholdWithMembers } from '../../db/repositories/households';
import { yuanTextToFen } from '../common/MoneyField';
import { programmeForms } from './programmeForms';

/** An application as typed: amounts stay text (yuan) until saving. */
export interface CaseDraft {
  programme: Programme;
  /** The programme's own facts as its form part holds them (programmeForms.ts). */
  facts: Record<string, unknown>;
  householdId: string;
  applicantPersonId: string;
  category: UrbanRural;
  coveredPersonIds: string[];
  wages: string;
  business: string;
  property: string;
  transfer: string;
  deductions: string;
  deposits: string;
  securities: string;
  vehicles: string;
  extraHousing: string;
  assetNote: string;
  applicationDate: string;
}

export const moneyFields = [
  'wages',
  'business',
  'property',
  'transfer',
  'deductions',
  'deposits',
  'securities',
] as const;
export type MoneyFieldName = (typeof moneyFields)[number];

/** Where the write path reports each money field, so save errors land on the right input. */
export const moneyPaths: Record<MoneyFieldName, string> = {
  wages: 'income.wagesFen',
  business: 'income.businessFen',
  property: 'income.propertyFen',
  transfer: 'income.transferFen',
  deductions: 'deductionsFen',
  deposits: 'assets.depositsFen',
  securities: 'assets.securitiesFen',
};

export function emptyCase(
  householdId: string,
  today: string,
  programme: Programme = 'dibao',
): CaseDraft {
  return {
    programme,
    facts: programmeForms[programme].emptyFacts(),
    householdId,
    applicantPersonId: '',
    category: 'rural',
    coveredPersonIds: [],
    ...(Object.fromEntries(moneyFields.map((f) => [f, ''])) as Record<MoneyFieldName, string>),
    vehicles: '0',
    extraHousing: '0',
    assetNote: '',
    applicationDate: today,
  };
}

/** Defaults once a household is chosen: the head applies, everyone is covered. */
export function withHousehold<D extends CaseDraft>(draft: D, data: HouseholdWithMembers): D {
  const ids = data.members.map((m) => m.person.id);
  return {
    ...draft,
    householdId: data.household.id,
    applicantPersonId: data.household.headPersonId,
    category: data.household.hukouType,
    coveredPersonIds: ids,
  };
}

/** A stored draft, field by field, so a draft from an older form still opens. */
export function adoptCaseDraft(stored: unknown, today: string): CaseDraft | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const s = stored as Record<string, unknown>;
  // A draft from before programmes is a 低保 application.
  const programme = isProgramme(s.programme) ? s.programme : 'dibao';
  const base = emptyCase('', today, programme);
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(base)) {
    if (typeof value === 'string' && typeof s[key] === 'string') out[key] = s[key];
  }
  out.programme = programme;
  out.facts = programmeForms[programme].adopt(s.facts);
  out.category = s.category === 'urban' ? 'urban' : 'rural';
  out.coveredPersonIds = Array.isArray(s.coveredPersonIds)
    ? s.coveredPersonIds.filter((x): x is string => typeof x === 'string')
    : [];
  return out as unknown as CaseDraft;
}

/** Vehicles and housing units: whole counts 0–99, typed ('' is 必填, not 0). */
export const assetCountRange = { min: 0, max: 99 } as const;

/** The typed count, or null when it is empty or not a count in range (the field says why). */
export function countOf(text: string): number | null {
  const parsed = parseCount(text, assetCountRange, '');
  return parsed.ok ? parsed.value : null;
}

/** Why a typed asset count is refused, under `path`, or null when it is a count. */
export function countIssue(text: string, path: string): FieldError | null {
  const parsed = parseCount(text, assetCountRange, path);
  return parsed.ok ? null : parsed.error;
}

/** All amounts in fen, or null when one does not parse (the field shows why). */
export function moneyOf(draft: CaseDraft): Record<MoneyFieldName, number> | null {
  const out = {} as Record<MoneyFieldName, number>;
  for (const f of moneyFields) {
    const fen = yuanTextToFen(draft[f]);
    if (fen === null) return null;
    out[f] = fen;
  }
  return out;
}

/** Problems visible before saving, with the write path's paths. */
export function localIssues(draft: CaseDraft): FieldError[] {
  const issues: FieldError[] = [];
  if (!draft.householdId) issues.push({ path: 'householdId', code: 'field.required' });
  if (!draft.applicantPersonId) issues.push({ path: 'applicantPersonId', code: 'field.required' });
  if (draft.coveredPersonIds.length === 0) {
    issues.push({ path: 'coveredPersonIds', code: 'field.required' });
  }
  for (const f of moneyFields) {
    const text = draft[f];
    if (yuanTextToFen(text) === null) issues.push({ path: moneyPaths[f], code: 'money.format' });
  }
  for (const issue of [
    countIssue(draft.vehicles, 'assets.vehicles'),
    countIssue(draft.extraHousing, 'assets.extraHousingUnits'),
  ]) {
    if (issue) issues.push(issue);
  }
  if (!isIsoDate(draft.applicationDate))
    issues.push({ path: 'applicationDate', code: 'field.date' });
  issues.push(...programmeForms[draft.programme].localIssues(draft.facts));
  return issues;
}

/** The application for createCase; call after localIssues found nothing. */
export function toApplication(draft: CaseDraft, data: HouseholdWithMembers): CaseApplicationInput {
  const money = moneyOf(draft);
  if (!money) throw new Error('toApplication called with malformed amounts.');
  const applicant = data.members.find((m) => m.person.id === draft.applicantPersonId)?.person;
  // Keep the household's member order, and only current members.
  const covered = data.members
    .map((m) => m.person.id)
    .filter((id) => draft.coveredPersonIds.includes(id));
  return {
    programme: draft.programme,
    programmeFacts: programmeForms[draft.programme].toFacts(draft.facts),
    householdId: data.household.id,
    applicantPersonId: draft.applicantPersonId,
    applicantName: applicant?.name ?? '',
    category: draft.category,
    areaCode: data.household.areaCode,
    coveredPersonIds: covered,
    income: {
      wagesFen: money.wages,
      businessFen: money.business,
      propertyFen: money.property,
      transferFen: money.transfer,
    },
    deductionsFen: money.deductions,
    assets: {
      depositsFen: money.deposits,
      securitiesFen: money.securities,
      vehicles: countOf(draft.vehicles) ?? 0,
      extraHousingUnits: countOf(draft.extraHousing) ?? 0,
      note: draft.assetNote,
    },
    applicationDate: draft.applicationDate,
  };
}
