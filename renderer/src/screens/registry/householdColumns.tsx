import type { GridColDef } from '@mui/x-data-grid';
import type { Household } from '../../db/repositories/households';
import { householdSortIndexes } from '../../db/repositories/grid/householdsGrid';
import type { Translate } from '../../i18n/translate';
import { localStamp } from '../../ui/grid/localStamp';

/** The households table's columns; sortable only where schema v15 or earlier has an index. */
export function householdColumns(t: Translate): GridColDef<Household>[] {
  const column = (
    field: string,
    headerName: string,
    more: Partial<GridColDef<Household>>,
  ): GridColDef<Household> => ({
    field,
    headerName,
    sortable: field in householdSortIndexes,
    ...more,
  });
  return [
    column('headName', t('grid.col.headName'), { flex: 1, minWidth: 110 }),
    column('villageName', t('grid.col.village'), { flex: 1, minWidth: 120 }),
    column('address', t('grid.col.address'), { flex: 2, minWidth: 200 }),
    column('members', t('grid.col.size'), {
      width: 90,
      align: 'right',
      headerAlign: 'right',
      valueGetter: (_v, h) => h.members.length,
    }),
    column('updatedAt', t('grid.col.updatedAt'), {
      width: 140,
      valueFormatter: (value: string) => localStamp(value),
    }),
  ];
}
