/**
 * What the 特困 form reads from the registry and the elderly-care area for the applicant:
 * the person's birth date and disability (eligibility), and the person's own resident
 * record with the place they stay on a date (集中供养: one person, one truth — the case
 * keeps only the resident id; the bed and institution are read here).
 */
import type { PersonData } from '@shared/domain/person';
import { residentStays } from '@shared/programmes/tekun/eligibility';
import { stayStatusOn } from '@shared/domain/elderlyCare/stay';
import type { DeskDatabase } from '../database';
import { bedPlace } from './elderlyCare/bedChoices';
import { movementsOfResident } from './elderlyCare/movements';
import { residentOfPerson } from './elderlyCare/residents';
import { elderlyTables } from './elderlyCare/tables';
import { getPerson } from './persons';

export interface TekunResidentPlace {
  residentId: string;
  /** On the bed or on leave with it held on the date; else where they last stayed. */
  staying: boolean;
  institution: string;
  building: string;
  room: string;
  bed: string;
}

export interface TekunApplicantFacts {
  person: Pick<PersonData, 'birthDate' | 'disabilityGrade' | 'disabilityType'> | null;
  resident: TekunResidentPlace | null;
}

export async function tekunApplicantFacts(
  db: DeskDatabase,
  personId: string,
  date: string,
): Promise<TekunApplicantFacts> {
  if (!personId) return { person: null, resident: null };
  const person = (await getPerson(db, personId)) ?? null;
  const resident = await residentOfPerson(db, personId);
  return { person, resident: resident ? await residentPlace(db, resident.id, date) : null };
}

/** A resident record's stay on `date` and its place, read from elderly care (null: none). */
export async function residentPlace(
  db: DeskDatabase,
  residentId: string,
  date: string,
): Promise<TekunResidentPlace | null> {
  const t = elderlyTables(db);
  const resident = await t.residents.get(residentId);
  if (!resident || resident.deleted) return null;
  const stays = residentStays(await movementsOfResident(db, residentId));
  const current = stays.find((s) => {
    const on = stayStatusOn(s, date);
    return on === 'occupied' || on === 'held';
  });
  const shown = current ?? stays.at(-1);
  const bed = shown ? await t.beds.get(shown.bedId) : undefined;
  const place = bed ? await bedPlace(db, bed) : { building: '', room: '', bed: '' };
  const institution = shown ? await t.institutions.get(shown.institutionId) : undefined;
  return {
    residentId,
    staying: current !== undefined,
    institution: institution?.name ?? '',
    ...place,
  };
}
