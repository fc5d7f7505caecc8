/** 特困人员救助供养: its statuses, steps, refusals, rule names and form words. */
export const tekunZh = {
  'cases.status.reassessment': '重新评估中',
  'cases.action.report_change': '报告情况变化',
  'cases.action.complete_reassessment': '完成重新评估',
  'tekun.applicant_only': '特困供养只保障申请人本人，其他家庭成员请另行申请',
  'tekun.work_capacity': '有劳动能力的，不符合特困供养条件',
  'tekun.income_source': '有收入来源的，不符合特困供养条件',
  'tekun.supporter_note_required': '赡养、抚养、扶养义务人无履行能力的，请写明情况',
  'tekun.care_level_mismatch':
    '自理能力等级与六项评估不符：{failed} 项不能完成，按规则应为“{computed}”，上报为“{sent}”',
  'tekun.not_elderly': '按登记的出生日期，申请时 {age} 周岁，未满 {min} 周岁',
  'tekun.not_minor': '按登记的出生日期，申请时 {age} 周岁，已满 {under} 周岁',
  'tekun.not_severely_disabled':
    '登记的残疾等级为 {grade} 级，不属于重度残疾（一、二级，或三级智力、精神残疾）',
  'tekun.resident_unknown': '养老模块中没有这位入住老人',
  'tekun.resident_other_person': '所选入住老人不是申请人本人',
  'tekun.resident_not_staying': '申请人 {date} 不在养老机构入住，不能选择集中供养',
  'tekun.reassessment_missing': '请先录入 {since} 以后的自理能力重新评估',
} as const;
