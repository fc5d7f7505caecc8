import { maskIdNumber } from '@shared/identity/residentId';
import { relations, type Relation } from '@shared/domain/household';
import { disabilityTypes, idTypes, workCapacities, type PersonData } from '@shared/domain/person';
import type { MessageKey } from '../../i18n/messages';
import type { Translate } from '../../i18n/translate';
import {
  disabilityGradeLabel,
  disabilityTypeLabel,
  hukouLabel,
  relationLabel,
  sexLabel,
  workCapacityLabel,
} from '../common/labels';
import { plainValue, type HistoryFields } from '../common/RecordHistory';

/**
 * The names of person and household fields, as the registry's forms label them: used
 * by error summaries ("成员 1 身份证号码：…") and by the version history ("现住址 A → B").
 */
const fieldKeys: Record<string, MessageKey> = {
  name: 'registry.member.name',
  idType: 'registry.field.idType',
  idNumber: 'registry.member.idNumber',
  relation: 'registry.member.relation',
  sex: 'registry.member.sex',
  birthDate: 'registry.member.birthDate',
  phone: 'registry.field.phone',
  hukouType: 'registry.member.hukouType',
  hukouAddress: 'registry.member.hukouAddress',
  currentAddress: 'registry.member.currentAddress',
  disabilityGrade: 'registry.member.disabilityGrade',
  disabilityType: 'registry.member.disabilityType',
  disabilityCertNo: 'registry.member.disabilityCertNo',
  seriousIllness: 'registry.member.seriousIllness',
  illnessNote: 'registry.field.illnessNote',
  workCapacity: 'registry.member.workCapacity',
  student: 'registry.member.student',
  person: 'registry.field.person',
  headName: 'registry.field.headName',
  members: 'registry.field.members',
  areaCode: 'registry.form.areaCode',
  villageName: 'registry.form.village',
  address: 'registry.form.address',
  reason: 'registry.fix.reason',
};

/** The label of a registry field, or null for one with no label (ids). */
export function registryFieldLabel(t: Translate, field: string): string | null {
  const key = fieldKeys[field];
  return key ? t(key) : null;
}

/**
 * Where an error path is on a registry form: "成员 2 身份证号码" for
 * "members.1.idNumber", "家庭住址" for "address".
 */
export function registryErrorPlace(t: Translate, path: string): string | undefined {
  const row = /^members\.(\d+)\.(\w+)/.exec(path);
  if (row) {
    const member = t('registry.fix.memberPlace', { n: Number(row[1]) + 1 });
    const label = registryFieldLabel(t, row[2] ?? '');
    return label ? `${member} ${label}` : member;
  }
  return registryFieldLabel(t, path.split('.')[0] ?? '') ?? undefined;
}

const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);

/**
 * A registry field's value as the history shows it, or undefined when it is not a
 * registry value. ID numbers stay masked here: the full number is shown only on request,
 * with the view logged, on the person page.
 */
export function registryValueText(t: Translate, field: string, value: unknown): string | undefined {
  if (field === 'idNumber' && typeof value === 'string') return maskIdNumber(value);
  if (field === 'sex' && (value === 'male' || value === 'female')) return sexLabel(t, value);
  if (field === 'hukouType' && (value === 'urban' || value === 'rural'))
    return hukouLabel(t, value);
  if (field === 'idType' && oneOf(idTypes, value)) return t(`registry.idType.${value}` as const);
  if (field === 'workCapacity' && oneOf(workCapacities, value)) return workCapacityLabel(t, value);
  if (field === 'disabilityType' && oneOf(disabilityTypes, value)) {
    return disabilityTypeLabel(t, value as NonNullable<PersonData['disabilityType']>);
  }
  if (field === 'disabilityGrade' && typeof value === 'number')
    return disabilityGradeLabel(t, value);
  if (field === 'members' && Array.isArray(value)) {
    const list = value.flatMap((m: unknown) =>
      typeof m === 'object' && m !== null && 'relation' in m && oneOf(relations, m.relation)
        ? [relationLabel(t, m.relation as Relation)]
        : [],
    );
    return t('registry.fix.membersValue', { count: list.length, list: list.join('、') });
  }
  return undefined;
}

/** How a person's or household's history names its fields and shows their values. */
export const registryHistoryFields: HistoryFields = {
  label: (t, field) => registryFieldLabel(t, field),
  value: (t, field, value) =>
    value === null || value === undefined || value === ''
      ? t('community.history.none')
      : (registryValueText(t, field, value) ?? plainValue(value)),
};
