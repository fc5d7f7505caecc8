/** Codes added by the hostile review of issue #13 (HQ's refusals a desk may be shown). */
export const hostileReviewZh = {
  'roll.identity_fixed': '花名册的救助项目、月份和版本生成后不能修改，请重新生成',
  'roll.month_future': '只能生成本月或下月的花名册（最晚 {latest}）',
  'temporary.helped_first_fixed':
    '已先行救助（{helpedFirstOn}）：救助金额和类型即已发放的救助，不能更正；其他情况可以更正',
  'dynamics.successor_link_fixed': '接续的原案件和家庭在建案时确定，不能通过更正修改',
  'dynamics.recomputation_not_paid': '该案件 {month} 不按月发放，不能按新标准重算',
  'case.applicant_fixed': '案件审批后申请人不能更改；户主变更或死亡请终止本案并接续新案',
};
