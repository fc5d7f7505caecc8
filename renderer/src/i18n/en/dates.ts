import type { datesZh } from '../zh-CN/dates';

export const datesEn: Record<keyof typeof datesZh, string> = {
  'dates.holiday': 'Public holiday (day off)',
  'dates.extraWorkday': 'Make-up working day',
  'dates.legend.holiday': 'Off',
  'dates.legend.extraWorkday': 'Work',
  'dates.isHoliday': '{date} is a public holiday, not a working day',
  'dates.isExtraWorkday': '{date} is a make-up working day',
  'dates.span.holidays': 'Meanwhile: {n} public holiday day(s)',
  'dates.span.extraWorkdays': '{n} make-up working day(s)',
  'dates.span.separator': ', ',
  'keyboard.leave.title': 'Leave this page?',
  'keyboard.leave.text': 'The form has unsaved changes; they will not be saved if you leave.',
  'keyboard.leave.confirm': 'Leave without saving',
  'keyboard.leave.stay': 'Keep editing',
};
