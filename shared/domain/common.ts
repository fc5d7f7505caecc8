import { z } from 'zod';
import { isIsoDate } from '../calendar/dates';

/** 'YYYY-MM-DD', a calendar date without time zone. */
export const isoDateSchema = z.string().refine(isIsoDate, 'field.date');

/** Integer fen (分): money is never a float. */
export const fenAmountSchema = z.number().int().min(0).max(100_000_000_000);

export const nameSchema = z.string().trim().min(1).max(50);

export const optionalText = (max: number) => z.string().trim().max(max).default('');

/** 6-digit administrative region code (GB/T 2260 shape) of the township or county. */
export { areaCodeSchema } from '../validation/codeSchemas';

export const urbanRuralSchema = z.enum(['urban', 'rural']);
export type UrbanRural = z.infer<typeof urbanRuralSchema>;
