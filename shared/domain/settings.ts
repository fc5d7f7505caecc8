import { z } from 'zod';
import { officeCodeSchema } from '../validation/codeSchemas';
import { areaCodeSchema } from './common';

/**
 * Office configuration. Every number from the rules is here, not in code: time
 * limits and rules differ by province, city and county (domain.md). Delegation of
 * confirmation is not a setting the office holds: the county sets it at HQ
 * (`delegation` reference records); a stored `confirmationDelegated` of an older desk
 * is dropped when parsed, and HQ refuses an op that tries to set it.
 */
export const officeSettingsSchema = z.object({
  officeName: z.string().trim().min(1).max(60),
  areaCode: areaCodeSchema,
  decisionLimitWorkingDays: z.number().int().min(1).max(120),
  noticeWorkingDays: z.number().int().min(1).max(60),
  idleLockMinutes: z.number().int().min(1).max(240),
  minPaymentPercentOfStandard: z.number().int().min(0).max(100),
  rounding: z.enum(['fen', 'yuan_down', 'yuan_nearest', 'yuan_up']),
  edgeMultiplierPermille: z.number().int().min(1000).max(3000),
  assetLimitMonthsOfStandard: z.number().int().min(0).max(240),
});

export type OfficeSettings = z.infer<typeof officeSettingsSchema>;

/**
 * An office's id (its code): the same rule at the desk's first run and at HQ
 * (shared/validation/officeCode.ts: '' is 必填, "33O1O2001" is refused).
 */
export const officeIdSchema = officeCodeSchema;

/**
 * The office's id is not a setting: it is the envelope's officeId of every record
 * (the office code typed at first run, which HQ's office must match at enrollment).
 */
export const defaultOfficeSettings: Omit<OfficeSettings, 'officeName' | 'areaCode'> = {
  decisionLimitWorkingDays: 30,
  noticeWorkingDays: 7,
  idleLockMinutes: 10,
  minPaymentPercentOfStandard: 0,
  rounding: 'fen',
  edgeMultiplierPermille: 1500,
  assetLimitMonthsOfStandard: 24,
};
