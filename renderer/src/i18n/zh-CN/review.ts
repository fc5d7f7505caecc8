/** Refusals found by the hostile review of issue #12 (HQ sends them; desks word them). */
export const reviewZh = {
  'record.correction_reason_too_long': '更正理由不能超过 {max} 个字',
  'record.not_deletable': '这类记录不能删除，请通过更正（注明理由）修改或停用',
  'case.applicant_unknown': '申请人不在本办公室的人员登记中',
  'case.applicant_name_not_registry': '申请人姓名须与人员登记一致（登记为“{name}”）',
  'household.head_name_not_registry': '户主姓名须与人员登记一致（登记为“{name}”）',
  'person.not_registered': '该人员不在本办公室的人员登记中',
  'person.name_not_registry': '姓名须与人员登记一致（登记为“{name}”）',
  'case.covered_not_member': '保障对象须是本户登记在册的成员',
};
