/**
 * What a 临时救助 application collects beyond the household every case has: the kind of
 * hardship (急难型 sudden event / 支出型 necessary spending), its cause, the event and
 * its date, the spending (支出型), the amount the township proposes, an optional link to
 * the 医疗救助 medical costs left after insurance and assistance, and the reason a second
 * help within the repeat window is given (repeatHelp.ts). Money is integer fen.
 */
import { z } from 'zod';
import { fenAmountSchema, isoDateSchema, optionalText } from '../../domain/common';

export const temporaryKinds = ['emergency', 'expenditure'] as const;
export type TemporaryKind = (typeof temporaryKinds)[number];

/** 急难型: fire, accident, natural disaster, acute illness, other sudden event. */
export const emergencyCauses = ['fire', 'accident', 'disaster', 'acute_illness', 'other'] as const;
/** 支出型: medical, education, other necessary spending. */
export const expenditureCauses = ['medical', 'education', 'other_spending'] as const;

export const causesOfKind: Readonly<Record<TemporaryKind, readonly string[]>> = {
  emergency: emergencyCauses,
  expenditure: expenditureCauses,
};

export const temporaryFactsSchema = z
  .object({
    kind: z.enum(temporaryKinds),
    cause: z.enum([...emergencyCauses, ...expenditureCauses]),
    eventDate: isoDateSchema,
    description: z.string().trim().min(1).max(1000),
    /** 支出型: the necessary spending the household bears; 0 for 急难型. */
    spendingFen: fenAmountSchema,
    /** The amount the township proposes; the calculator caps it at the top tier. */
    proposedFen: fenAmountSchema,
    /** 医疗救助 link: medical costs remaining after insurance and assistance (null: none). */
    medicalCostFen: fenAmountSchema.nullable().default(null),
    /** The 医疗救助 record or settlement it comes from: a plain id or text. */
    medicalReference: optionalText(200),
    /** Why a second help within the repeat window is given ('' when none is needed). */
    repeatReason: optionalText(500),
  })
  .strict();

export type TemporaryFacts = z.infer<typeof temporaryFactsSchema>;

/** The facts of a parsed case, or null when they do not match the schema. */
export function temporaryFactsOf(facts: unknown): TemporaryFacts | null {
  const parsed = temporaryFactsSchema.safeParse(facts);
  return parsed.success ? parsed.data : null;
}

/** A new application's starting values (the form fills description and amounts). */
export function defaultTemporaryFacts(): Record<string, unknown> {
  return {
    kind: 'emergency',
    cause: 'fire',
    eventDate: '',
    description: '',
    spendingFen: 0,
    proposedFen: 0,
    medicalCostFen: null,
    medicalReference: '',
    repeatReason: '',
  };
}
