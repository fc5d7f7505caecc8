/** The console's date fields (typed part by part). */
export const datesZhCN = {
  'date.unfinished': '日期不完整或不存在，请按 年/月/日 填写完整',
};
