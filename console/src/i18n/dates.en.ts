import type { datesZhCN } from './dates.zh-CN';

/** The console's date fields (typed part by part). */
export const datesEn: Record<keyof typeof datesZhCN, string> = {
  'date.unfinished': 'The date is incomplete or does not exist: fill in year, month and day',
};
