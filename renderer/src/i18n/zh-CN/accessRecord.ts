/** 访问记录 (issue #16 item 3): who looked at a person or case. */
export const accessRecordZh = {
  'accessRecord.title': '谁查看过',
  'accessRecord.hint': '查看、显示完整身份证号、打印、导出均记入本机访问记录，并同步到县局核验。',
  'accessRecord.none': '暂无访问记录',
  'accessRecord.when': '时间',
  'accessRecord.who': '人员',
  'accessRecord.what': '操作',
  'accessRecord.why': '用途',
  'accessRecord.seq': '记录号',
  'accessRecord.viewFailed': '无法写入访问记录，暂不显示此人的信息。请重试或联系管理员。',
  'accessRecord.action.view': '查看',
  'accessRecord.action.view_full_id': '显示完整身份证号',
  'accessRecord.action.print': '打印',
  'accessRecord.action.export': '导出',
  'accessRecord.action.backup': '备份',
  'accessRecord.action.store_altered': '发现本机加密记录在工作台之外被改动',
};
