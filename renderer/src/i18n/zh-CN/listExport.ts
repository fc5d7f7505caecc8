/** 导出表格: every list as an XLSX (issue #15 item 2); no Latin in zh-CN (zhNoLatin.test.ts). */
export const listExportZh = {
  'listExport.button': '导出表格',
  'listExport.progress': '正在导出：{done} / {total} 行',
  'listExport.progressOpen': '正在导出：{done} 行',
  'listExport.progressAgain': '名单有变动，重新导出：{done} 行',
  'listExport.doneMasked': '已导出 {rows} 行（身份证号码、电话、账号已遮蔽）。',
  'listExport.doneFull': '已导出 {rows} 行，含完整身份证号码、电话、账号，已记入访问日志。',
  'listExport.doneNoNumbers': '已导出 {rows} 行。',
  'listExport.cancelled': '没有保存文件。',
  'listExport.keptChanging':
    '导出时名单一直在变动（可能正在与县局同步），没有保存文件。请等同步完成后再导出。',
  'listExport.households': '导出家庭表格',
  'listExport.movements': '导出出入院记录表格',
  'listExport.persons': '导出人员表格',
  'listExport.residents': '导出入住老人表格',
};
