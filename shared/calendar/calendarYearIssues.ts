import type { FieldError } from '../errors/appError';

/**
 * What is wrong with a calendar year beyond its schema: a day outside its year
 * (`calendar.outside_year`), a day both a holiday and a 调休 working day
 * (`calendar.both`). Either would make the county's calendar say two things; the desk's
 * write path and HQ's commit both run it (the kind's domainIssues).
 */
export function calendarYearIssues(y: {
  year: number;
  holidays: readonly string[];
  extraWorkdays: readonly string[];
}): FieldError[] {
  const issues: FieldError[] = [];
  const holidays = new Set(y.holidays);
  for (const list of ['holidays', 'extraWorkdays'] as const) {
    y[list].forEach((date, i) => {
      const path = `${list}.${i}`;
      if (!date.startsWith(`${y.year}-`)) {
        issues.push({ path, code: 'calendar.outside_year', params: { date, year: y.year } });
      } else if (list === 'extraWorkdays' && holidays.has(date)) {
        issues.push({ path, code: 'calendar.both', params: { date } });
      }
    });
  }
  return issues;
}
