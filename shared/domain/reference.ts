import { z } from 'zod';
import { areaCodeSchema, fenAmountSchema, isoDateSchema, urbanRuralSchema } from './common';

/**
 * Reference data comes from HQ (county/city publications). Until HQ publishes, the desk
 * is seeded with editable sample values marked source 'sample'.
 */
export const referenceSources = ['sample', 'local', 'hq'] as const;

/** A published 低保 standard S for an area and category over a period. */
export const benefitStandardDataSchema = z
  .object({
    areaCode: areaCodeSchema,
    category: urbanRuralSchema,
    effectiveFrom: isoDateSchema,
    effectiveTo: isoDateSchema.nullable(),
    amountFen: fenAmountSchema.min(1),
    source: z.enum(referenceSources),
    note: z.string().trim().max(200).default(''),
  })
  .refine((s) => s.effectiveTo === null || s.effectiveTo >= s.effectiveFrom, {
    path: ['effectiveTo'],
    message: 'standard.period_reversed',
  });

export type BenefitStandardData = z.infer<typeof benefitStandardDataSchema>;

/** One year of the working-day calendar: public holidays and 调休 working weekends. */
/** No list of a year's days is longer than the year: more is a mistake sent to every desk. */
const daysOfYearSchema = z.array(isoDateSchema).max(366);

export const calendarYearDataSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  holidays: daysOfYearSchema,
  extraWorkdays: daysOfYearSchema,
  source: z.enum(referenceSources),
});

export type CalendarYearData = z.infer<typeof calendarYearDataSchema>;
