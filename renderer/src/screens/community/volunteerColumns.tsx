import type { GridColDef } from '@mui/x-data-grid';
import {
  volunteerSortIndexes,
  type VolunteerGridRow,
} from '../../db/repositories/grid/volunteersGrid';
import type { Translate } from '../../i18n/translate';
import { hoursLabel } from './labels';

/** The volunteer ledger's columns; the number sorts (its index). */
export function volunteerColumns(t: Translate): GridColDef<VolunteerGridRow>[] {
  const column = (
    field: string,
    headerName: string,
    more: Partial<GridColDef<VolunteerGridRow>>,
  ): GridColDef<VolunteerGridRow> => ({
    field,
    headerName,
    sortable: field in volunteerSortIndexes,
    ...more,
  });
  return [
    column('volunteerNumber', t('community.col.number'), {
      width: 170,
      renderCell: ({ row }) => (
        <span style={{ fontFamily: 'monospace' }}>{row.volunteerNumber}</span>
      ),
    }),
    column('name', t('community.col.name'), { flex: 1, minWidth: 110 }),
    column('skills', t('community.col.skills'), {
      flex: 1.5,
      minWidth: 160,
      valueGetter: (_v, r) => r.skills.join('、'),
    }),
    column('joinedOn', t('community.col.joined'), { width: 130 }),
    column('minutes', t('community.col.totalHours'), {
      width: 140,
      align: 'right',
      headerAlign: 'right',
      valueGetter: (_v, r) => hoursLabel(t, r.minutes),
    }),
  ];
}
