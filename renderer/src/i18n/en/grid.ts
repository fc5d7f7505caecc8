import type { gridZh } from '../zh-CN/grid';

export const gridEn: Record<keyof typeof gridZh, string> = {
  'grid.limited':
    'More than {count} matches: the table lists the first {count}; type more to narrow it',
  'grid.col.updatedAt': 'Last changed',
  'grid.count': '{count} in all',
};
