/**
 * 家庭经济状况核对授权书: before the economic check (domain.md) every adult covered
 * member signs one, so the list is the covered members aged 18 or more on the day of
 * printing (a minor's is signed by the applicant as guardian, on the applicant's page).
 * Each signer's own ID number is printed in full: they sign for it, and printing it is
 * logged.
 */
import { AppError } from '../errors/appError';
import type { Relation } from '../domain/household';
import type { PaperCase, PaperHousehold, PaperOffice, PaperPerson } from './types';

export const adultAge = 18;

export interface AuthorisationPage {
  personId: string;
  name: string;
  idNumber: string;
  /** Relation to the head of household (as the household lists it). */
  relation: Relation | null;
  isApplicant: boolean;
}

export interface AuthorisationPaper {
  kind: 'authorisation';
  officeName: string;
  programme: string;
  applicantName: string;
  printedOn: string;
  pages: AuthorisationPage[];
  /** Covered members under 18 on the day: named on the applicant's page. */
  minors: string[];
}

/** Whole years from birthDate to `on` (ISO dates). */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function buildAuthorisation(input: {
  record: PaperCase;
  household: PaperHousehold | null;
  persons: readonly PaperPerson[];
  office: PaperOffice;
  today: string;
}): AuthorisationPaper {
  const { record } = input;
  const persons = new Map(input.persons.map((p) => [p.id, p]));
  const relations = new Map(input.household?.members.map((m) => [m.personId, m.relation]) ?? []);
  const covered = record.coveredPersonIds.flatMap((id) => {
    const p = persons.get(id);
    return p ? [p] : [];
  });
  const adults = covered.filter((p) => ageOn(p.birthDate, input.today) >= adultAge);
  // The applicant signs first: the page the household's minors are named on.
  adults.sort(
    (a, b) => Number(b.id === record.applicantPersonId) - Number(a.id === record.applicantPersonId),
  );
  if (adults.length === 0) {
    throw new AppError({
      code: 'validation',
      message: 'No covered member is an adult who could sign.',
      fieldErrors: [{ path: 'coveredPersonIds', code: 'papers.no_adult' }],
    });
  }
  return {
    kind: 'authorisation',
    officeName: input.office.officeName,
    programme: record.programme,
    applicantName: record.applicantName,
    printedOn: input.today,
    pages: adults.map((p) => ({
      personId: p.id,
      name: p.name,
      idNumber: p.idNumber,
      relation: relations.get(p.id) ?? null,
      isApplicant: p.id === record.applicantPersonId,
    })),
    minors: covered.filter((p) => ageOn(p.birthDate, input.today) < adultAge).map((p) => p.name),
  };
}
