import { z } from 'zod';
import type { FieldError } from '../errors/appError';
import { residentIdFacts, residentIdIssues } from '../identity/residentId';
import { notInFuture } from '../validation/dates';
import { optionalPhoneSchema } from '../validation/phone';
import { isoDateSchema, nameSchema, optionalText, urbanRuralSchema } from './common';

/**
 * Derived data of a person (shared/search/idTails.ts): never typed, always worked out again
 * from the ID number.
 */
const idTailsSchema = z.array(z.string()).default([]);

export const idTypes = ['resident', 'hk_mo_tw_permit', 'foreign_permanent', 'other'] as const;
export const disabilityTypes = [
  'visual',
  'hearing',
  'speech',
  'physical',
  'intellectual',
  'mental',
  'multiple',
] as const;
export const workCapacities = ['full', 'partial', 'none'] as const;

/** What a registrar records about a person (domain.md, "Persons and households"). */
export const personDataSchema = z.object({
  name: nameSchema,
  idType: z.enum(idTypes),
  idNumber: z.string().trim().min(1).max(30),
  sex: z.enum(['male', 'female']),
  birthDate: isoDateSchema,
  /** Mobile or landline (shared/validation/phone.ts), or '' when not known. */
  phone: optionalPhoneSchema,
  hukouType: urbanRuralSchema,
  hukouAddress: optionalText(200),
  currentAddress: optionalText(200),
  /** 0 = no disability certificate; 1–4 = certificate grade (1 most severe). */
  disabilityGrade: z.number().int().min(0).max(4),
  disabilityType: z.enum(disabilityTypes).nullable(),
  disabilityCertNo: optionalText(40),
  seriousIllness: z.boolean(),
  illnessNote: optionalText(200),
  workCapacity: z.enum(workCapacities),
  student: z.boolean(),
  householdId: z.string().nullable(),
  /** The date of death once known (a roll refuses to pay a person after it). */
  diedOn: isoDateSchema.nullable().optional(),
  /** Derived by the write path from the name: the name, pinyin initials, full pinyin. */
  searchTokens: z.array(z.string()),
  /** Derived from the ID number: its last 4 and 6 characters (shared/search/idTails.ts). */
  idTails: idTailsSchema,
});

export type PersonData = z.infer<typeof personDataSchema>;
export type PersonInput = Omit<z.input<typeof personDataSchema>, 'searchTokens'>;

/**
 * The one stored spelling of an ID number: no white space anywhere, resident IDs with
 * an upper-case X. The duplicate check and ID search compare this form.
 */
export function normalizeIdNumber(idType: (typeof idTypes)[number], raw: string): string {
  const compact = raw.replace(/\s+/g, '');
  return idType === 'resident' ? compact.toUpperCase() : compact;
}

/**
 * The ID wins: for a resident ID the birth date and sex are what the number says, and
 * typed values are replaced (at the desk and at HQ, by the kind's derive). For other ID
 * types the number says nothing, so typed values stand. A malformed number changes
 * nothing here: the ID check refuses the record.
 */
export function withIdFacts<
  T extends Pick<PersonData, 'idType' | 'idNumber' | 'sex' | 'birthDate'>,
>(person: T): T {
  if (person.idType !== 'resident') return person;
  const facts = residentIdFacts(person.idNumber);
  return facts ? { ...person, sex: facts.sex, birthDate: facts.birthDate } : person;
}

/** Rules a schema cannot express: the resident-ID check needs today's date. */
export function personDomainIssues(person: PersonData, today: string): FieldError[] {
  const issues: FieldError[] = [];
  if (person.idType === 'resident') {
    // The birth date is the ID's (withIdFacts): the ID check refuses a future one.
    issues.push(...residentIdIssues(person.idNumber, today));
  } else {
    issues.push(...notInFuture(person.birthDate, today, 'birthDate'));
  }
  if (person.disabilityGrade > 0 && person.disabilityType === null) {
    issues.push({ path: 'disabilityType', code: 'person.disability_type_required' });
  }
  return issues;
}
