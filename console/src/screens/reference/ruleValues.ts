import type { T } from '../../i18n/i18n';
import { fenOfYuan, yuanOfFen, type RuleRow, type RuleUnit } from '../../referenceApi';

/** A rule's number as the county reads it: fen as yuan, the rest with its unit. */
export function ruleValueText(t: T, unit: RuleUnit, value: number): string {
  if (unit === 'fen') return `${yuanOfFen(value)} ${t('unit.fen')}`;
  // A count (an age, a number of items) reads as the number; its words say what it counts.
  return unit === 'count' ? String(value) : `${value} ${t(`unit.${unit}`)}`;
}

/** What is typed for a rule's value, as its stored integer; null when it is not one. */
export function ruleValueOf(unit: RuleUnit, text: string): number | null {
  if (unit === 'fen') return fenOfYuan(text);
  return /^\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** A value as it is typed back (fen as yuan with two decimals). */
export const ruleValueInput = (rule: Pick<RuleRow, 'unit' | 'value'>): string =>
  rule.unit === 'fen' ? yuanOfFen(rule.value) : String(rule.value);
