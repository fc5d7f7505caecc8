/** 名册导入: the rosters added after households and volunteers (issue #15 item 1). */
export const moreRostersZh = {
  'import.type.volunteerHours': '志愿服务时长（每次服务一行，志愿者须已登记）',
  'import.example.volunteerHours':
    '表头示例（第一行是表头；按志愿者编号或身份证号码找到已登记的志愿者；时长按小时填写，如 2.5）：',
  'import.commit.volunteerHours': '记录 {services} 条志愿服务',
  'import.done.volunteerHours': '导入完成：记录志愿服务 {services} 条，共 {hours} 小时。',
  'import.field.serviceDate': '服务日期',
  'import.field.hours': '服务时长(小时)',
  'import.field.content': '服务内容/活动',
  'import.volunteer_key_missing': '志愿者编号和身份证号码至少填一项',
  'import.not_volunteer': '没有这个编号或身份证号码的志愿者：请先登记志愿者',
  'import.volunteer_mismatch': '志愿者编号是 {name} 的，身份证号码却是 {other} 的',
  'import.before_joined': '{name} 在 {date} 才成为志愿者，这一天还不是志愿者',
  'import.service_recorded': '{name} 在 {date} 的这项服务已经记录过：跳过此行',
  'import.duplicate_service': '同一志愿者同一天同一项服务与第 {firstRow} 行重复',
  'import.hours_number': '服务时长“{value}”不是数字，请写小时数，如 2 或 2.5',
  'import.hours_range': '服务时长“{value}”不在 0 到 24 小时之间',
};
