import { z } from 'zod';
import { areaCodeSchema } from './common';

/**
 * Office configuration. Every number from the rules is here, not in code: time
 * limits and rules differ by province, city and county (domain.md).
 */
export const officeSettingsSchema = z.object({
  officeName: z.string().trim().min(1).max(60),
  /** The office's id in sync; until enrollment with HQ it is the office code typed at setup. */
  officeId: z.string().trim().min(1).max(40),
  areaCode: areaCodeSchema,
  confirmationDelegated: z.boolean(),
  decisionLimitWorkingDays: z.number().int().min(1).max(120),
  noticeWorkingDays: z.number().int().min(1).max(60),
  idleLockMinutes: z.number().int().min(1).max(240),
  minPaymentPercentOfStandard: z.number().int().min(0).max(100),
  rounding: z.enum(['fen', 'yuan_down', 'yuan_nearest', 'yuan_up']),
  edgeMultiplierPermille: z.number().int().min(1000).max(3000),
  assetLimitMonthsOfStandard: z.number().int().min(0).max(240),
});

export type OfficeSettings = z.infer<typeof officeSettingsSchema>;

export const defaultOfficeSettings: Omit<OfficeSettings, 'officeName' | 'officeId' | 'areaCode'> = {
  confirmationDelegated: false,
  decisionLimitWorkingDays: 30,
  noticeWorkingDays: 7,
  idleLockMinutes: 10,
  minPaymentPercentOfStandard: 0,
  rounding: 'fen',
  edgeMultiplierPermille: 1500,
  assetLimitMonthsOfStandard: 24,
};
