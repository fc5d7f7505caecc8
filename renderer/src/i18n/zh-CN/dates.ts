/** Date fields (typed part by part, holidays marked) and the keyboard shortcuts. */
export const datesZh = {
  'dates.holiday': '节假日（休息）',
  'dates.extraWorkday': '调休上班',
  'dates.legend.holiday': '休',
  'dates.legend.extraWorkday': '班',
  'dates.isHoliday': '{date} 是节假日，不是工作日',
  'dates.isExtraWorkday': '{date} 是调休上班日',
  'dates.span.holidays': '其间有节假日 {n} 天',
  'dates.span.extraWorkdays': '调休上班 {n} 天',
  'dates.span.separator': '、',
  'keyboard.leave.title': '离开此页？',
  'keyboard.leave.text': '表单有未保存的修改，离开后这些修改不会保存。',
  'keyboard.leave.confirm': '不保存，离开',
  'keyboard.leave.stay': '继续填写',
} as const;
