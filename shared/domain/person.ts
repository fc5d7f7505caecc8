import { z } from 'zod';
import type { FieldError } from '../errors/appError';
import { residentIdIssues } from '../identity/residentId';
import { idTailsSchema } from '../search/idTails';
import { isoDateSchema, nameSchema, optionalText, urbanRuralSchema } from './common';

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
  phone: optionalText(30),
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

/** Rules a schema cannot express: the resident-ID check needs today's date. */
export function personDomainIssues(person: PersonData, today: string): FieldError[] {
  const issues: FieldError[] = [];
  if (person.idType === 'resident') {
    issues.push(...residentIdIssues(person.idNumber, today));
  }
  if (person.disabilityGrade > 0 && person.disabilityType === null) {
    issues.push({ path: 'disabilityType', code: 'person.disability_type_required' });
  }
  if (person.birthDate > today) {
    issues.push({ path: 'birthDate', code: 'person.birth_in_future' });
  }
  return issues;
}
