import { addMonths, firstDayOfMonth, lastDayOfMonth } from '@shared/calendar/dates';
import type { CategoryInfo } from '@shared/medical/categories';
import type { Period } from '@shared/medical/timeline';
import { isMessageKey, type Translate } from '../../i18n/translate';

/** A category's words: the built-in ones from the dictionary, the county's own by their name. */
export function categoryText(t: Translate, code: string, categories: readonly CategoryInfo[]) {
  const key = `medical.category.${code}`;
  if (isMessageKey(key)) return t(key);
  return categories.find((c) => c.code === code)?.name ?? code;
}

export function periodText(t: Translate, from: string, to: string | null) {
  return `${from} — ${to ?? t('medical.open')}`;
}

export const monthPeriod = (day: string): Period => ({
  from: firstDayOfMonth(day),
  to: lastDayOfMonth(day),
});

export const lastMonthPeriod = (day: string): Period => monthPeriod(addMonths(day, -1));

export function quarterPeriod(day: string): Period {
  const month = Number(day.slice(5, 7));
  const first = `${day.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
  return { from: first, to: lastDayOfMonth(addMonths(first, 2)) };
}
