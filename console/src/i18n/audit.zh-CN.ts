/** The audit log's paging (hostile review of issue #14): the words, Chinese first. */
export const auditZhCN = {
  'audit.older': '查看更早的 200 条',
  'audit.end': '已到最早的记录。',
} as const;
