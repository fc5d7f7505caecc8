import type { FieldError } from '@shared/errors/appError';
import type { AbilityLevel, FundingCategory } from '@shared/domain/elderlyCare/enums';
import type { UrbanRural } from '@shared/domain/common';
import { checkResidentId } from '@shared/identity/residentId';
import type { NewResidentInput } from '../../../db/repositories/elderlyCare/residents';

/**
 * The 登记入住老人 form as typed: a person (chosen from the registry or new), funding
 * and emergency contact, an optional admission assessment, an optional bed.
 */
export interface NewPersonDraft {
  name: string;
  idNumber: string;
  sex: 'male' | 'female' | '';
  birthDate: string;
  phone: string;
  hukouType: UrbanRural;
  currentAddress: string;
}

export interface ResidentDraft {
  mode: 'existing' | 'new';
  existingPersonId: string | null;
  person: NewPersonDraft;
  fundingCategory: FundingCategory;
  contact: { name: string; relation: string; phone: string };
  note: string;
  assessment: { date: string; assessor: string; level: AbilityLevel | '' };
  placement: { bedId: string; type: 'admit' | 'reserve'; date: string };
}

export function emptyResidentDraft(today: string, bedId: string | undefined): ResidentDraft {
  return {
    mode: 'existing',
    existingPersonId: null,
    person: {
      name: '',
      idNumber: '',
      sex: '',
      birthDate: '',
      phone: '',
      hukouType: 'rural',
      currentAddress: '',
    },
    fundingCategory: 'self_paying',
    contact: { name: '', relation: '', phone: '' },
    note: '',
    assessment: { date: today, assessor: '', level: '' },
    placement: { bedId: bedId ?? '', type: 'admit', date: today },
  };
}

/** Typing an ID fills sex and birth date from it, as the household form does. */
export function withIdNumber(p: NewPersonDraft, idNumber: string, today: string): NewPersonDraft {
  const checked = checkResidentId(idNumber, today);
  if (!checked.ok) return { ...p, idNumber };
  return { ...p, idNumber, sex: checked.value.sex, birthDate: checked.value.birthDate };
}

/** What the form can see before saving, with the paths the write path uses. */
export function residentIssues(d: ResidentDraft, today: string): FieldError[] {
  const issues: FieldError[] = [];
  if (d.mode === 'existing' && !d.existingPersonId) {
    issues.push({ path: 'person', code: 'field.required' });
  }
  if (d.mode === 'new') {
    if (!d.person.name.trim()) issues.push({ path: 'person.name', code: 'field.required' });
    const id = checkResidentId(d.person.idNumber, today);
    if (!id.ok) issues.push({ ...id.error, path: 'person.idNumber' });
  }
  if (!d.contact.name.trim())
    issues.push({ path: 'emergencyContact.name', code: 'field.required' });
  if (!d.contact.phone.trim()) {
    issues.push({ path: 'emergencyContact.phone', code: 'field.required' });
  }
  if (d.assessment.assessor.trim() && d.assessment.level === '') {
    issues.push({ path: 'assessment.level', code: 'field.required' });
  }
  return issues;
}

export function toResidentInput(d: ResidentDraft): NewResidentInput {
  const { person: p, assessment: a, placement } = d;
  return {
    person:
      d.mode === 'existing'
        ? { existingPersonId: d.existingPersonId ?? '' }
        : {
            newPerson: {
              name: p.name.trim(),
              idType: 'resident',
              idNumber: p.idNumber.replace(/\s+/g, '').toUpperCase(),
              sex: p.sex === '' ? 'male' : p.sex,
              birthDate: p.birthDate,
              phone: p.phone,
              hukouType: p.hukouType,
              hukouAddress: '',
              currentAddress: p.currentAddress,
              disabilityGrade: 0,
              disabilityType: null,
              disabilityCertNo: '',
              seriousIllness: false,
              illnessNote: '',
              workCapacity: 'none',
              student: false,
            },
          },
    fundingCategory: d.fundingCategory,
    emergencyContact: d.contact,
    note: d.note,
    ...(a.assessor.trim() && a.level !== ''
      ? { assessment: { date: a.date, assessor: a.assessor, level: a.level } }
      : {}),
    ...(placement.bedId ? { placement } : {}),
  };
}
