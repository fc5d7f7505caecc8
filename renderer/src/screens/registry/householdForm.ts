import type { FieldError } from '@shared/errors/appError';
import type { UrbanRural } from '@shared/domain/common';
import { relations, type Relation } from '@shared/domain/household';
import { disabilityTypes, workCapacities, type PersonData } from '@shared/domain/person';
import { checkResidentId, type ResidentIdResult } from '@shared/identity/residentId';
import { newRecordId } from '@shared/records/ids';
import { areaCodeProblem } from '@shared/validation/regionCode';
import type { NewHouseholdInput } from '../../db/repositories/households';

/** One member row as typed. Text stays text until saving; '' means "not chosen yet". */
export interface MemberDraft {
  key: string;
  name: string;
  idNumber: string;
  sex: PersonData['sex'] | '';
  birthDate: string;
  /** Sex and birth date were filled from the ID, so a corrected ID may refill them. */
  sexFromId: boolean;
  birthFromId: boolean;
  relation: Relation;
  /** The member's own 户籍类型; '' follows the household's until chosen. */
  hukouType: UrbanRural | '';
  hukouAddress: string;
  currentAddress: string;
  disabilityGrade: number;
  disabilityType: NonNullable<PersonData['disabilityType']> | '';
  disabilityCertNo: string;
  seriousIllness: boolean;
  workCapacity: PersonData['workCapacity'];
  student: boolean;
}

export interface HouseholdDraft {
  areaCode: string;
  hukouType: UrbanRural;
  villageName: string;
  address: string;
  members: MemberDraft[];
}

export function emptyMember(relation: Relation): MemberDraft {
  return {
    key: newRecordId(),
    name: '',
    idNumber: '',
    sex: '',
    birthDate: '',
    sexFromId: false,
    birthFromId: false,
    relation,
    hukouType: '',
    hukouAddress: '',
    currentAddress: '',
    disabilityGrade: 0,
    disabilityType: '',
    disabilityCertNo: '',
    seriousIllness: false,
    workCapacity: 'full',
    student: false,
  };
}

export function emptyHousehold(areaCode: string): HouseholdDraft {
  return {
    areaCode,
    hukouType: 'rural',
    villageName: '',
    address: '',
    members: [emptyMember('self')],
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
const flag = (v: unknown, fallback: boolean) => (typeof v === 'boolean' ? v : fallback);
const oneOf = <T extends string>(list: readonly T[], v: unknown, fallback: T): T =>
  list.includes(v as T) ? (v as T) : fallback;

/** A stored draft, field by field, so a draft from an older form still opens. */
export function adoptHouseholdDraft(stored: unknown, areaCode: string): HouseholdDraft | null {
  if (!isObject(stored) || !Array.isArray(stored.members) || stored.members.length === 0)
    return null;
  const base = emptyHousehold(areaCode);
  const members = stored.members.filter(isObject).map((m, i) => {
    const e = emptyMember(i === 0 ? 'self' : 'child');
    const grade = Number(m.disabilityGrade);
    return {
      ...e,
      key: text(m.key, e.key),
      name: text(m.name, ''),
      idNumber: text(m.idNumber, ''),
      sex: oneOf(['male', 'female', ''] as const, m.sex, ''),
      birthDate: text(m.birthDate, ''),
      sexFromId: flag(m.sexFromId, false),
      birthFromId: flag(m.birthFromId, false),
      relation: i === 0 ? 'self' : oneOf(relations, m.relation, e.relation),
      hukouType: oneOf(['urban', 'rural', ''] as const, m.hukouType, ''),
      hukouAddress: text(m.hukouAddress, ''),
      currentAddress: text(m.currentAddress, ''),
      disabilityGrade: Number.isInteger(grade) && grade >= 0 && grade <= 4 ? grade : 0,
      disabilityType: oneOf([...disabilityTypes, ''] as const, m.disabilityType, ''),
      disabilityCertNo: text(m.disabilityCertNo, ''),
      seriousIllness: flag(m.seriousIllness, false),
      workCapacity: oneOf(workCapacities, m.workCapacity, 'full'),
      student: flag(m.student, false),
    };
  });
  return {
    areaCode: text(stored.areaCode, base.areaCode),
    hukouType: oneOf(['urban', 'rural'] as const, stored.hukouType, base.hukouType),
    villageName: text(stored.villageName, ''),
    address: text(stored.address, ''),
    members,
  };
}

/** The member's 户籍类型 as saved: their own choice, else the household's. */
export function memberHukou(m: MemberDraft, household: UrbanRural): UrbanRural {
  return m.hukouType === '' ? household : m.hukouType;
}

/** Typing an ID fills sex and birth date when they are empty or were filled from the ID. */
export function withIdNumber(m: MemberDraft, idNumber: string, today: string): MemberDraft {
  const next = { ...m, idNumber };
  const checked = checkResidentId(idNumber, today);
  if (!checked.ok) return next;
  if (m.sex === '' || m.sexFromId) Object.assign(next, { sex: checked.value.sex, sexFromId: true });
  if (m.birthDate === '' || m.birthFromId) {
    Object.assign(next, { birthDate: checked.value.birthDate, birthFromId: true });
  }
  return next;
}

export interface IdCheck {
  result: ResidentIdResult;
  normalized: string | null;
}

export function checkMemberId(m: Pick<MemberDraft, 'idNumber'>, today: string): IdCheck {
  const result = checkResidentId(m.idNumber, today);
  return { result, normalized: result.ok ? result.value.normalized : null };
}

/** Problems the form can see before saving, with the same paths the write path uses. */
export function localIssues(draft: HouseholdDraft, today: string): FieldError[] {
  const issues: FieldError[] = [];
  // The shared GB/T 2260 rule the write path and HQ apply: '' is 必填, 330002 has no prefecture.
  const areaProblem = areaCodeProblem(draft.areaCode.trim());
  if (areaProblem) issues.push({ path: 'areaCode', code: areaProblem });
  return [...issues, ...memberIssues(draft.members, today)];
}

/** The member rows' problems (`members.i.field`), as the form can see them before saving. */
export function memberIssues(members: readonly MemberDraft[], today: string): FieldError[] {
  const issues: FieldError[] = [];
  const seen = new Map<string, number>();
  members.forEach((m, i) => {
    const at = (field: string) => `members.${i}.${field}`;
    if (m.name.trim() === '') issues.push({ path: at('name'), code: 'field.required' });
    const id = checkMemberId(m, today);
    if (!id.result.ok) issues.push({ ...id.result.error, path: at('idNumber') });
    else if (id.normalized !== null && seen.has(id.normalized)) {
      const n = (seen.get(id.normalized) ?? 0) + 1;
      issues.push({ path: at('idNumber'), code: 'registry.id.repeated', params: { n } });
    }
    if (id.normalized !== null && !seen.has(id.normalized)) seen.set(id.normalized, i);
    if (m.sex === '') issues.push({ path: at('sex'), code: 'field.required' });
    if (m.birthDate === '') issues.push({ path: at('birthDate'), code: 'field.required' });
    if (m.disabilityGrade > 0 && m.disabilityType === '') {
      issues.push({ path: at('disabilityType'), code: 'person.disability_type_required' });
    }
  });
  return issues;
}

export function toRegistration(draft: HouseholdDraft): NewHouseholdInput {
  return {
    areaCode: draft.areaCode.trim(),
    hukouType: draft.hukouType,
    villageName: draft.villageName,
    address: draft.address,
    members: draft.members.map((m, i) => ({
      relation: i === 0 ? 'self' : m.relation,
      person: {
        name: m.name.trim(),
        idType: 'resident',
        idNumber: m.idNumber.replace(/\s+/g, '').toUpperCase(),
        sex: m.sex === '' ? 'male' : m.sex,
        birthDate: m.birthDate,
        phone: '',
        hukouType: memberHukou(m, draft.hukouType),
        hukouAddress: m.hukouAddress,
        currentAddress: m.currentAddress || draft.address,
        disabilityGrade: m.disabilityGrade,
        disabilityType: m.disabilityGrade > 0 && m.disabilityType !== '' ? m.disabilityType : null,
        disabilityCertNo: m.disabilityGrade > 0 ? m.disabilityCertNo : '',
        seriousIllness: m.seriousIllness,
        illnessNote: '',
        workCapacity: m.workCapacity,
        student: m.student,
      },
    })),
  };
}
