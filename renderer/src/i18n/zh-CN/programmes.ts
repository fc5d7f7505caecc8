/** The programme engine's shared words: programme names, rules, engine refusals. */
export const programmesZh = {
  'programme.dibao': '最低生活保障（低保）',
  'programme.tekun': '特困人员救助供养',
  'programme.temporary': '临时救助',
  'programme.medical': '医疗救助',
  'case.programme_unknown': '没有这个救助项目（{programme}）',
  'case.status_unknown': '“{status}”不是本项目的办理状态',
  'rule.missing': '{date} 没有生效的“{key}”规则，请先由县局发布',
  'rule.key': '规则名称格式不对，应如 tekun.careFen.fully',
  'field.month': '请填写年月，如 2026-12',
} as const;
