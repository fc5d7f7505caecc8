import { z } from 'zod';
import type { FieldError } from '../../errors/appError';
import { countSchema } from '../../validation/counts';
import { optionalPhoneSchema } from '../../validation/phone';
import { isoDateSchema, nameSchema, optionalText } from '../common';
import { bedTypes, operatorTypes, sexRules } from './enums';

/**
 * The places of 养老: an institution (养老机构), its buildings, the rooms on each floor
 * and the beds in each room. Totals (beds, nursing beds) are never stored: they are
 * counted from the beds in service on the day asked about (figures.ts).
 */
export const institutionDataSchema = z.object({
  /** The institution's registration code, unique within the office. */
  code: z
    .string()
    .trim()
    .min(1)
    .max(30)
    .regex(/^[0-9A-Za-z-]+$/, 'elderly.code_chars'),
  name: nameSchema.max(80),
  operatorType: z.enum(operatorTypes),
  /** Star grade 1–5 of the national grading; null while not yet graded. */
  grade: z.number().int().min(1).max(5).nullable(),
  address: optionalText(200),
  phone: optionalPhoneSchema,
});
export type InstitutionData = z.infer<typeof institutionDataSchema>;

/** A building's floors, numbered 1..floors (basements are not used for beds). */
export const floorRange = { min: 1, max: 40 } as const;

export const buildingDataSchema = z.object({
  institutionId: z.string().min(1),
  name: z.string().trim().min(1).max(40),
  /** Floors numbered 1..floors; basements are not used for beds. */
  floors: countSchema(floorRange.min, floorRange.max),
});
export type BuildingData = z.infer<typeof buildingDataSchema>;

export const roomDataSchema = z.object({
  institutionId: z.string().min(1),
  buildingId: z.string().min(1),
  floor: z.number().int().min(1).max(40),
  number: z.string().trim().min(1).max(20),
});
export type RoomData = z.infer<typeof roomDataSchema>;

/**
 * A bed. Its type and the day it entered service are fixed once saved, so figures for
 * a past day stay true; converting a bed means retiring it and adding a new one.
 * Maintenance is a current flag with its repair reason; retiring is dated and final.
 */
export const bedDataSchema = z.object({
  institutionId: z.string().min(1),
  buildingId: z.string().min(1),
  roomId: z.string().min(1),
  number: z.string().trim().min(1).max(20),
  bedType: z.enum(bedTypes),
  sexRule: z.enum(sexRules),
  inServiceFrom: isoDateSchema,
  retiredOn: isoDateSchema.nullable(),
  maintenance: z.boolean(),
  /** Why the bed is under repair; required while `maintenance` is true (shown on the board). */
  maintenanceReason: optionalText(200),
  note: optionalText(200),
});
export type BedData = z.infer<typeof bedDataSchema>;

export function bedDomainIssues(bed: BedData): FieldError[] {
  const issues: FieldError[] = [];
  if (bed.retiredOn !== null && bed.retiredOn < bed.inServiceFrom) {
    issues.push({ path: 'retiredOn', code: 'elderly.retired_before_service' });
  }
  if (bed.retiredOn !== null && bed.maintenance) {
    issues.push({ path: 'maintenance', code: 'elderly.retired_in_maintenance' });
  }
  if (bed.maintenance && bed.maintenanceReason.trim() === '') {
    issues.push({ path: 'maintenanceReason', code: 'elderly.maintenance_reason_required' });
  }
  return issues;
}

/** A bed counts on `date` when it was in service that day and not yet retired. */
export function bedInServiceOn(bed: Pick<BedData, 'inServiceFrom' | 'retiredOn'>, date: string) {
  return bed.inServiceFrom <= date && (bed.retiredOn === null || bed.retiredOn > date);
}
