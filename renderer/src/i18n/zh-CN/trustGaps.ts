/** Issue #13's HQ trust gaps: excluded programmes at approval, recomputed lines, approvers. */
export const trustGapsZh = {
  'case.excluded_programme':
    '{name} 在申请人 {applicant} 的另一个在保案件中，低保与特困供养不能同时享受：请先终止该案件，再批准本案件',
  'dynamics.recomputation_lines_differ':
    '重算清单与县局按同一标准和同一数据重新计算的结果不一致，请重新生成清单',
  'approval.not_actor': '批准人必须是提交批准的本人（{actor}）',
  'approval.not_op_day': '批准日期必须是批准当天（{day}）',
  'approval.not_approved': '尚未批准的记录不能填写批准人或批准日期',
  'actor.name_not_actor': '记录上的经办人必须是提交它的本人（{actor}）',
  'actor.name_fixed': '记录上的经办人不能更改',
};
