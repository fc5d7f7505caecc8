import type { calendarYearZh } from '../zh-CN/calendarYear';

export const calendarYearEn: Record<keyof typeof calendarYearZh, string> = {
  'calendar.outside_year': '{date} is not in {year}',
  'calendar.both': '{date} cannot be both a holiday and a working day',
};
