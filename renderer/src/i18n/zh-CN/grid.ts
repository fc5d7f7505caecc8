/** The lists' tables (renderer/src/ui/grid/). */
export const gridZh = {
  'grid.limited': '匹配超过 {count} 条，表中只列出前 {count} 条，请输入更多字符缩小范围',
  'grid.col.updatedAt': '最后修改',
  'grid.count': '共 {count} 条',
} as const;
