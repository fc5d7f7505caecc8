/**
 * 医疗救助 coverage categories (issue #13 part 4). Four are built in: 特困 (tekun), 低保
 * (dibao) and 低保边缘 (dibaoEdge), which are derived from the person's cases and never
 * entered by hand, and 防止返贫监测对象 (monitored), entered by hand. A county adds its own
 * (e.g. 重度残疾人) by publishing a `programmeRule` `medical.category.<code>` at HQ: its
 * value is the category's priority and its note its name; its effective dates say when
 * the category may be used. The same rule key of a built-in category sets that
 * category's priority (value 0 withdraws it). Where two categories cover one person on
 * one day, the higher priority wins (by default 特困 over 低保 over 低保边缘 over 监测).
 */
import type { ProgrammeRuleData, RuleBook } from '../programmes/ruleBook';

export const derivedCategories = ['tekun', 'dibao', 'dibaoEdge'] as const;
export const builtInCategories = [...derivedCategories, 'monitored'] as const;
export type DerivedCategory = (typeof derivedCategories)[number];

/** The priority a built-in category has until the county publishes its own. */
export const defaultPriorities: Readonly<Record<string, number>> = {
  tekun: 400,
  dibao: 300,
  dibaoEdge: 200,
  monitored: 100,
};

/** A category code: letters and digits, starting with a lower-case letter. */
export const categoryCodePattern = /^[a-z][a-zA-Z0-9]{0,39}$/;

export const categoryRulePrefix = 'medical.category.';

export function categoryRuleKey(code: string): string {
  return `${categoryRulePrefix}${code}`;
}

export function isDerivedCategory(code: string): code is DerivedCategory {
  return (derivedCategories as readonly string[]).includes(code);
}

/**
 * The category's priority on `date`, or undefined when it is unknown or withdrawn there
 * (a configured category outside its effective dates, any category published at 0).
 */
export function categoryPriority(rules: RuleBook, code: string, date: string): number | undefined {
  if (!categoryCodePattern.test(code)) return undefined;
  const published = rules.find(categoryRuleKey(code), date);
  const value = published ?? defaultPriorities[code];
  return value === undefined || value <= 0 ? undefined : value;
}

export interface CategoryInfo {
  code: string;
  /** The county's name for a configured category; '' for a built-in one (i18n names it). */
  name: string;
  derived: boolean;
}

/**
 * The categories in use on `date`: the built-in ones not withdrawn, then the county's
 * own from the published rules (name from the rule's note, the code when it has none).
 */
export function categoriesInForce(
  records: readonly Pick<
    ProgrammeRuleData,
    'key' | 'effectiveFrom' | 'effectiveTo' | 'value' | 'note'
  >[],
  rules: RuleBook,
  date: string,
): CategoryInfo[] {
  const out: CategoryInfo[] = [];
  for (const code of builtInCategories) {
    if (categoryPriority(rules, code, date) !== undefined) {
      out.push({ code, name: '', derived: isDerivedCategory(code) });
    }
  }
  const seen = new Set<string>(builtInCategories);
  for (const r of records) {
    if (!r.key.startsWith(categoryRulePrefix)) continue;
    const code = r.key.slice(categoryRulePrefix.length);
    if (seen.has(code) || categoryPriority(rules, code, date) === undefined) continue;
    seen.add(code);
    const named = records.find(
      (x) => x.key === r.key && x.effectiveFrom <= date && (x.effectiveTo ?? date) >= date,
    );
    out.push({ code, name: (named?.note ?? '').trim() || code, derived: false });
  }
  return out;
}
