/** 导出 Excel: every list as an XLSX (issue #15 item 2). */
export const listExportZh = {
  'listExport.button': '导出 Excel',
  'listExport.progress': '正在导出：{done} / {total} 行',
  'listExport.progressOpen': '正在导出：{done} 行',
  'listExport.doneMasked': '已导出 {rows} 行（身份证号码、电话、账号已遮蔽）。',
  'listExport.doneFull': '已导出 {rows} 行，含完整身份证号码、电话、账号，已记入访问日志。',
  'listExport.doneNoNumbers': '已导出 {rows} 行。',
  'listExport.cancelled': '没有保存文件。',
  'listExport.households': '导出家庭 Excel',
  'listExport.movements': '导出出入院记录',
  'listExport.persons': '导出人员 Excel',
};
