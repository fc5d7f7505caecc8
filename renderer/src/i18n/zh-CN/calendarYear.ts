/** The working-day calendar's own checks (shared/domain/reference.ts calendarYearDataSchema). */
export const calendarYearZh = {
  'calendar.outside_year': '{date} 不在 {year} 年内',
  'calendar.both': '{date} 不能既是节假日又是调休上班日',
};
