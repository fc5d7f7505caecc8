import type { FieldError } from '@shared/errors/appError';
import type { PersonData } from '@shared/domain/person';
import type { PersonCorrection } from '../../db/repositories/personCorrection';
import type { Person } from '../../db/repositories/persons';
import { emptyMember, memberIssues, toRegistration, type MemberDraft } from './householdForm';

/** The person correction form: the member fields, plus what only a person page shows. */
export interface PersonDraft {
  member: MemberDraft;
  idType: PersonData['idType'];
  phone: string;
  illnessNote: string;
  reason: string;
}

export function draftFromPerson(p: Person): PersonDraft {
  return {
    member: {
      ...emptyMember('self'),
      name: p.name,
      idNumber: p.idNumber,
      sex: p.sex,
      birthDate: p.birthDate,
      hukouType: p.hukouType,
      hukouAddress: p.hukouAddress,
      currentAddress: p.currentAddress,
      disabilityGrade: p.disabilityGrade,
      disabilityType: p.disabilityType ?? '',
      disabilityCertNo: p.disabilityCertNo,
      seriousIllness: p.seriousIllness,
      workCapacity: p.workCapacity,
      student: p.student,
    },
    idType: p.idType,
    phone: p.phone,
    illnessNote: p.illnessNote,
    reason: '',
  };
}

/**
 * What the form can see before saving, with the write path's paths ("idNumber", not
 * "members.0.idNumber"): the member rules of the household form, the reason required.
 */
export function personIssues(draft: PersonDraft, today: string): FieldError[] {
  const issues = memberIssues([draft.member], today)
    .map((e) => ({ ...e, path: e.path.replace(/^members\.0\./, '') }))
    .filter((e) => draft.idType === 'resident' || e.path !== 'idNumber');
  if (draft.idType !== 'resident' && draft.member.idNumber.trim() === '') {
    issues.push({ path: 'idNumber', code: 'field.required' });
  }
  if (draft.reason.trim() === '') {
    issues.push({ path: 'reason', code: 'record.correction_reason_required' });
  }
  return issues;
}

export function toCorrection(draft: PersonDraft): PersonCorrection {
  const household = { areaCode: '', hukouType: 'rural' as const, villageName: '', address: '' };
  const [member] = toRegistration({ ...household, members: [draft.member] }).members;
  const person = member && 'person' in member ? member.person : null;
  if (!person) throw new Error('A member row always gives a person.');
  const idNumber = draft.member.idNumber.replace(/\s+/g, '');
  return {
    ...person,
    idType: draft.idType,
    idNumber: draft.idType === 'resident' ? idNumber.toUpperCase() : idNumber,
    // The household's address is not a default here: the person's own is kept as typed.
    currentAddress: draft.member.currentAddress,
    phone: draft.phone.trim(),
    illnessNote: draft.illnessNote,
  };
}
