/** The lists' tables (renderer/src/ui/grid/). */
export const gridZh = {
  'grid.limited': '匹配超过 {count} 条，表中只列出前 {count} 条，请输入更多字符缩小范围',
  'grid.col.updatedAt': '最后修改',
  'grid.count': '共 {count} 条',
  'grid.col.headName': '户主',
  'grid.col.village': '村（社区）',
  'grid.col.address': '家庭住址',
  'grid.col.size': '人数',
  'grid.tab.persons': '人员',
  'grid.tab.households': '家庭',
  'grid.households.empty': '没有找到匹配的家庭',
} as const;
