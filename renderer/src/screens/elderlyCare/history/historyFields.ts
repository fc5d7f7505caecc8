import type {
  BedType,
  FundingCategory,
  OperatorType,
  SexRule,
} from '@shared/domain/elderlyCare/enums';
import type { MessageKey } from '../../../i18n/messages';
import type { Translate } from '../../../i18n/translate';
import { sexLabel } from '../../common/labels';
import { bedTypeLabel, fundingLabel, gradeLabel, operatorLabel, sexRuleLabel } from '../labels';

/**
 * How the version history of an institution, building, room, bed or resident names a
 * field and shows its value. Ids are left out (the page already says whose record it
 * is), so a version lists what a person would check on paper.
 */
const keys: Record<string, MessageKey> = {
  code: 'elderly.hist.code',
  name: 'elderly.hist.name',
  operatorType: 'elderly.hist.operatorType',
  grade: 'elderly.hist.grade',
  address: 'elderly.hist.address',
  phone: 'elderly.hist.phone',
  floors: 'elderly.hist.floors',
  floor: 'elderly.hist.floor',
  number: 'elderly.hist.number',
  bedType: 'elderly.hist.bedType',
  sexRule: 'elderly.hist.sexRule',
  inServiceFrom: 'elderly.hist.inServiceFrom',
  retiredOn: 'elderly.hist.retiredOn',
  maintenance: 'elderly.hist.maintenance',
  maintenanceReason: 'elderly.hist.maintenanceReason',
  note: 'elderly.hist.note',
  personName: 'elderly.hist.personName',
  sex: 'elderly.hist.sex',
  birthDate: 'elderly.hist.birthDate',
  fundingCategory: 'elderly.hist.fundingCategory',
  emergencyContact: 'elderly.hist.emergencyContact',
};

function label(t: Translate, field: string): string | null {
  const key = keys[field];
  return key ? t(key) : null;
}

function value(t: Translate, field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return t('elderly.hist.none');
  if (typeof v === 'boolean') return v ? t('elderly.hist.yes') : t('elderly.hist.no');
  switch (field) {
    case 'operatorType':
      return operatorLabel(t, v as OperatorType);
    case 'grade':
      return gradeLabel(t, v as number);
    case 'bedType':
      return bedTypeLabel(t, v as BedType);
    case 'sexRule':
      return sexRuleLabel(t, v as SexRule);
    case 'sex':
      return sexLabel(t, v as 'male' | 'female');
    case 'fundingCategory':
      return fundingLabel(t, v as FundingCategory);
    case 'emergencyContact': {
      const c = v as { name: string; relation: string; phone: string };
      return [c.name, c.relation, c.phone].filter(Boolean).join(' · ');
    }
  }
  return String(v);
}

export const elderlyHistoryFields = { label, value };
