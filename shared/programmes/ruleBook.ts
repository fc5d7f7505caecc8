/**
 * Every number of a programme is configuration with an effective date (domain.md): a
 * `programmeRule` reference record holds one named value for a period, for the whole
 * county (areaCode null) or one area. The programme modules declare which keys they
 * read (`ProgrammeModule.rules`: unit, bounds and a sample value). Like the first run's
 * sample standards, a key the county has not yet published reads its declared sample
 * (the 规则 screen marks it 示例); a key no module declares is refused (`rule.missing`).
 */
import { z } from 'zod';
import { AppError } from '../errors/appError';
import { areaCodeSchema, isoDateSchema } from '../domain/common';
import { referenceSources } from '../domain/reference';

/** 'tekun.careFen.fully', 'temporary.townshipLimitFen', …: `<programme>.<name>`. */
export const ruleKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-zA-Z]*(\.[a-zA-Z][a-zA-Z0-9]*)+$/, 'rule.key');

export const programmeRuleDataSchema = z
  .object({
    key: ruleKeySchema,
    /** null: the whole county; else the area the value holds for (it wins over null). */
    areaCode: areaCodeSchema.nullable().default(null),
    effectiveFrom: isoDateSchema,
    effectiveTo: isoDateSchema.nullable(),
    /** Integer: fen, working days, months, permille or a count — the key's unit says. */
    value: z.number().int().min(0).max(100_000_000_000),
    source: z.enum(referenceSources),
    note: z.string().trim().max(200).default(''),
  })
  .refine((r) => r.effectiveTo === null || r.effectiveTo >= r.effectiveFrom, {
    path: ['effectiveTo'],
    message: 'standard.period_reversed',
  });

export type ProgrammeRuleData = z.infer<typeof programmeRuleDataSchema>;

export type RuleUnit = 'fen' | 'workingDays' | 'days' | 'months' | 'permille' | 'count';

/** What a module declares of a key it reads. */
export interface RuleSpec {
  unit: RuleUnit;
  min: number;
  max: number;
  /** The value a first run seeds as source 'sample' (the county publishes its own). */
  sample: number;
}

const sourceRank = { sample: 0, local: 1, hq: 2 } as const;

/**
 * The record in force for `key` on `date` in `areaCode`: an area's own value beats the
 * county-wide one; then the latest effectiveFrom; then HQ over local over sample.
 */
export function ruleInForce<T extends Omit<ProgrammeRuleData, 'note'>>(
  rules: readonly T[],
  key: string,
  date: string,
  areaCode: string | null = null,
): T | undefined {
  let best: T | undefined;
  const score = (r: T) =>
    [r.areaCode !== null ? 1 : 0, r.effectiveFrom, sourceRank[r.source]] as const;
  for (const rule of rules) {
    if (rule.key !== key) continue;
    if (rule.areaCode !== null && rule.areaCode !== areaCode) continue;
    if (rule.effectiveFrom > date) continue;
    if (rule.effectiveTo !== null && rule.effectiveTo < date) continue;
    if (best === undefined) {
      best = rule;
      continue;
    }
    const [a, b] = [score(rule), score(best)];
    if (a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2]) best = rule;
  }
  return best;
}

/** A rule book bound to the records at hand: `value(key, date, area)` or `rule.missing`. */
export interface RuleBook {
  value(key: string, date: string, areaCode?: string | null): number;
  /** The published record's value, undefined when none is in force (the sample not read). */
  find(key: string, date: string, areaCode?: string | null): number | undefined;
  /** The published record in force (its value and period), undefined when none is. */
  inForce(
    key: string,
    date: string,
    areaCode?: string | null,
  ): Pick<ProgrammeRuleData, 'value' | 'effectiveFrom' | 'effectiveTo'> | undefined;
}

export function ruleBook(
  rules: readonly Omit<ProgrammeRuleData, 'note'>[],
  specs: Readonly<Record<string, RuleSpec>> = {},
): RuleBook {
  const find = (key: string, date: string, areaCode: string | null = null) =>
    ruleInForce(rules, key, date, areaCode)?.value;
  return {
    find,
    inForce: (key, date, areaCode = null) => ruleInForce(rules, key, date, areaCode),
    value(key, date, areaCode = null) {
      const value =
        find(key, date, areaCode) ?? (Object.hasOwn(specs, key) ? specs[key]?.sample : undefined);
      if (value === undefined) {
        throw new AppError({
          code: 'validation',
          message: `No value of ${key} is in force on ${date}.`,
          fieldErrors: [{ path: 'rules', code: 'rule.missing', params: { key, date } }],
        });
      }
      return value;
    },
  };
}
