/**
 * What a 特困 application collects beyond the shared case (`programmeFacts`): the basis
 * of eligibility, the three conditions (no work capacity, no income source, no supporter
 * able to support), the self-care assessment of six daily activities with its date and
 * the level it gave, and the support form. For 集中供养 only the resident's id is kept:
 * the person's bed and institution are read from the elderly-care records (one person,
 * one truth), never copied here.
 */
import { z } from 'zod';
import { isoDateSchema, nameSchema, optionalText } from '../../domain/common';
import { phoneSchema } from '../../validation/phone';

export const eligibilityBases = ['elderly', 'disabled', 'minor'] as const;
export type EligibilityBasis = (typeof eligibilityBases)[number];

/** The six daily activities, in the order of the national assessment form. */
export const selfCareItems = [
  'eating',
  'dressing',
  'bedTransfer',
  'toileting',
  'indoorWalking',
  'bathing',
] as const;
export type SelfCareItem = (typeof selfCareItems)[number];

export const careLevels = ['able', 'partly', 'fully'] as const;
export type CareLevel = (typeof careLevels)[number];

const itemResult = z.enum(['able', 'unable']);

export const selfCareSchema = z.object({
  assessedOn: isoDateSchema,
  items: z.object(
    Object.fromEntries(selfCareItems.map((i) => [i, itemResult])) as Record<
      SelfCareItem,
      typeof itemResult
    >,
  ),
  /** The level the items gave under the rule in force on assessedOn (selfCare.ts). */
  level: z.enum(careLevels),
});
export type SelfCareData = z.infer<typeof selfCareSchema>;

export const supportSchema = z.discriminatedUnion('form', [
  // 集中供养: the person's resident record in the elderly-care area.
  z.object({ form: z.literal('institution'), residentId: z.string().min(1) }),
  // 分散供养: at home with a named carer under a care agreement.
  z.object({
    form: z.literal('home'),
    carerName: nameSchema,
    carerPhone: phoneSchema,
    agreementDate: isoDateSchema,
  }),
]);
export type SupportData = z.infer<typeof supportSchema>;

export const tekunFactsSchema = z
  .object({
    basis: z.enum(eligibilityBases),
    noWorkCapacity: z.boolean(),
    noIncomeSource: z.boolean(),
    supporter: z.object({
      status: z.enum(['none', 'unable']),
      note: optionalText(200),
    }),
    selfCare: selfCareSchema,
    support: supportSchema,
  })
  .strict();
export type TekunFacts = z.infer<typeof tekunFactsSchema>;

/** A new application: everything able, at home, nothing filled in yet (the form asks). */
export function defaultTekunFacts(): Record<string, unknown> {
  return {
    basis: 'elderly',
    noWorkCapacity: false,
    noIncomeSource: false,
    supporter: { status: 'none', note: '' },
    selfCare: {
      assessedOn: '',
      items: Object.fromEntries(selfCareItems.map((i) => [i, 'able'])),
      level: 'able',
    },
    support: { form: 'home', carerName: '', carerPhone: '', agreementDate: '' },
  };
}
