import type { gridZh } from '../zh-CN/grid';

export const gridEn: Record<keyof typeof gridZh, string> = {
  'grid.limited':
    'More than {count} matches: the table lists the first {count}; type more to narrow it',
  'grid.col.updatedAt': 'Last changed',
  'grid.count': '{count} in all',
  'grid.col.headName': 'Head',
  'grid.col.village': 'Village',
  'grid.col.address': 'Address',
  'grid.col.size': 'Members',
  'grid.tab.persons': 'Persons',
  'grid.tab.households': 'Households',
  'grid.households.empty': 'No matching household',
};
