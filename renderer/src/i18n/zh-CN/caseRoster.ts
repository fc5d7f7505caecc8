/** 在保对象名册 (active cases with their amounts) and 名册转入 (issue #15 item 1). */
export const caseRosterZh = {
  'import.type.cases': '在保对象及保障金额（每户一行，家庭须已登记；县局开放名册转入期内可用）',
  'import.example.cases':
    '表头示例（第一行是表头；按户主身份证号码找到已登记的家庭——没有的请先导入“家庭及成员”名册；保障金额按现行标准重新计算，与名册不同的会列出）：',
  'import.commit.cases': '转入 {cases} 户在保对象',
  'import.done.cases': '导入完成：{cases} 户已转入在保，保障金额按现行标准计算。',
  'import.open.cases': '查看救助案件',
  'import.group.window': '名册转入期',
  'import.group.open_case': '已有在办案件',
  'import.group.amount': '保障金额',
  'import.field.headName': '户主姓名',
  'import.field.headIdNumber': '户主身份证号',
  'import.field.programme': '保障类别',
  'import.field.coveredCount': '保障人数',
  'import.field.coveredIds': '保障人员身份证号',
  'import.field.incomeYuan': '月收入',
  'import.field.amountYuan': '月保障金额',
  'import.field.paymentFrom': '开始发放年月',
  'import.field.decidedOn': '批准日期',
  'import.programme': '保障类别“{value}”无法识别（低保 或 特困）',
  'import.month_format': '“{value}”不是年月，请写成 2026-12 或 2026年12月',
  'import.covered_count': '保障人数“{value}”应为 1 到 30 的整数',
  'import.income_per_member':
    '月收入写了 {incomes} 个数，保障人员却列了 {persons} 人：按人填写时每人一个数',
  'import.case_no_household': '此人尚未编入家庭：请先导入“家庭及成员”名册',
  'import.case_not_head': '{name} 不是户主（本户户主是 {head}）：请填写户主的身份证号码',
  'import.case_tekun_by_hand':
    '{name} 是特困人员：供养方式和自理能力评估须逐人登记，本名册暂只转入低保，请在救助案件中新建特困申请',
  'import.covered_not_member': '保障人员 {idNumber} 不是 {head} 家的成员',
  'import.covered_count_differs':
    '保障人数 {count} 与保障人员 {members} 人不符：请列出保障人员身份证号',
  'import.duplicate_covered': '这位保障人员已在第 {firstRow} 行出现',
  'import.case_open': '{name} 家已有在办的救助案件（{programme}，{status}）：不能再转入',
  'import.enrol_window_was':
    '名册转入期未开放：今天 {today} 不在县局设定的转入期（{from} 至 {to}）内，请在转入期内导入或联系县局',
  'import.enrol_window_none':
    '县局尚未开放名册转入期（今天 {today}）：请联系县局在“政策参数”中开放后再导入',
  'import.amount_differs': '名册金额 {sheet} 元，按现行标准计算 {computed} 元，以计算为准',
  'enrol.window_closed': '{day} 不在县局开放的名册转入期内',
  'enrol.payment_from': '开始发放年月“{value}”不是年月',
  'enrol.payment_before_window':
    '开始发放年月 {paymentFrom} 早于名册转入期（{windowFrom} 起）：最早从 {first} 开始发放',
  'enrol.payment_too_late': '开始发放年月 {paymentFrom} 太晚：最晚为下月（{last}）',
  'cases.action.enrol_from_roster': '名册转入',
};
