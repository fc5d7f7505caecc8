import type { GridColDef } from '@mui/x-data-grid';
import type { ServiceRecord } from '../../db/repositories/community/services';
import { serviceSortIndexes } from '../../db/repositories/grid/servicesGrid';
import type { Translate } from '../../i18n/translate';
import { hoursLabel, serviceTypeLabel, spanText } from './labels';

/** The service ledger's columns; only the time sorts (its index). */
export function serviceColumns(t: Translate): GridColDef<ServiceRecord>[] {
  const column = (
    field: string,
    headerName: string,
    more: Partial<GridColDef<ServiceRecord>>,
  ): GridColDef<ServiceRecord> => ({
    field,
    headerName,
    sortable: field in serviceSortIndexes,
    ...more,
  });
  return [
    column('startAt', t('community.col.when'), {
      width: 200,
      valueGetter: (_v, r) => spanText(r.startAt, r.endAt),
    }),
    column('type', t('community.col.type'), {
      width: 130,
      valueGetter: (_v, r) => serviceTypeLabel(t, r.type),
    }),
    column('place', t('community.col.place'), { flex: 1, minWidth: 140 }),
    column('served', t('community.col.served'), {
      flex: 1.2,
      minWidth: 140,
      valueGetter: (_v, r) =>
        r.served.length > 3
          ? t('community.people', { count: r.served.length })
          : r.served.map((p) => p.name).join('、'),
    }),
    column('durationMinutes', t('community.col.duration'), {
      width: 110,
      align: 'right',
      headerAlign: 'right',
      valueGetter: (_v, r) => hoursLabel(t, r.durationMinutes),
    }),
    column('version', t('community.col.version'), {
      width: 80,
      align: 'right',
      headerAlign: 'right',
    }),
  ];
}
