/** Refusals found by the hostile review of issue #12 (HQ sends them; desks word them). */
export const reviewZh = {
  'record.correction_reason_too_long': '更正理由不能超过 {max} 个字',
  'record.not_deletable': '这类记录不能删除，请通过更正（注明理由）修改或停用',
};
