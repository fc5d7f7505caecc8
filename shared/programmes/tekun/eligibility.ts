/**
 * Whether the person is within 特困's reach, read from the registry (the desk's form and
 * HQ each load the person and pass what this needs): elderly = aged `tekun.elderlyAge`
 * (60) or more on the application date; severely disabled = certificate grade 1–2, or
 * grade 3 of an intellectual or mental disability; minor = under `tekun.minorAge` (18).
 * For 集中供养 the resident record named must be the applicant's own and the person must
 * be staying (admitted, on the bed or on leave with it held) in an institution.
 */
import type { PersonData } from '../../domain/person';
import type { ResidentData } from '../../domain/elderlyCare/resident';
import { projectStays, type MovementEvent } from '../../domain/elderlyCare/projection';
import { stayStatusOn, type StayData } from '../../domain/elderlyCare/stay';
import type { FieldError } from '../../errors/appError';
import type { RuleBook } from '../ruleBook';
import type { EligibilityBasis } from './facts';

export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export type EligibilityPerson = Pick<
  PersonData,
  'birthDate' | 'disabilityGrade' | 'disabilityType'
>;

export function isSevereDisability(p: Pick<PersonData, 'disabilityGrade' | 'disabilityType'>) {
  if (p.disabilityGrade === 1 || p.disabilityGrade === 2) return true;
  return (
    p.disabilityGrade === 3 &&
    (p.disabilityType === 'intellectual' || p.disabilityType === 'mental')
  );
}

/** `tekun.not_elderly` / `tekun.not_severely_disabled` / `tekun.not_minor`, or none. */
export function eligibilityIssues(
  basis: EligibilityBasis,
  person: EligibilityPerson,
  date: string,
  rules: RuleBook,
  areaCode: string | null = null,
): FieldError[] {
  const path = 'programmeFacts.basis';
  const age = ageOn(person.birthDate, date);
  switch (basis) {
    case 'elderly': {
      const min = rules.value('tekun.elderlyAge', date, areaCode);
      return age >= min
        ? []
        : [{ path, code: 'tekun.not_elderly', params: { age, min, rule: 'tekun.elderlyAge' } }];
    }
    case 'minor': {
      const under = rules.value('tekun.minorAge', date, areaCode);
      return age < under
        ? []
        : [{ path, code: 'tekun.not_minor', params: { age, under, rule: 'tekun.minorAge' } }];
    }
    case 'disabled':
      return isSevereDisability(person)
        ? []
        : [
            {
              path,
              code: 'tekun.not_severely_disabled',
              params: { grade: person.disabilityGrade, type: person.disabilityType ?? '' },
            },
          ];
  }
}

/**
 * 集中供养: the resident is the applicant (`tekun.resident_other_person`), and is staying
 * on `date` (`tekun.resident_not_staying`); an unknown id is `tekun.resident_unknown`.
 */
export function residentIssues(
  applicantPersonId: string,
  resident: Pick<ResidentData, 'personId'> | undefined,
  stays: readonly StayData[],
  date: string,
): FieldError[] {
  const path = 'programmeFacts.support.residentId';
  if (!resident) return [{ path, code: 'tekun.resident_unknown' }];
  if (resident.personId !== applicantPersonId) {
    return [{ path, code: 'tekun.resident_other_person' }];
  }
  const staying = stays.some((s) => {
    const on = stayStatusOn(s, date);
    return on === 'occupied' || on === 'held';
  });
  return staying ? [] : [{ path, code: 'tekun.resident_not_staying', params: { date } }];
}

/**
 * A resident's stays replayed from their movements (stays are never synced: each desk and
 * HQ replay them); none when the movements do not replay (the elderly-care checks say why).
 */
export function residentStays(movements: readonly MovementEvent[]): StayData[] {
  const projected = projectStays(movements);
  return projected.ok ? [...projected.stays.values()] : [];
}
