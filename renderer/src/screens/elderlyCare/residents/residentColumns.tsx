import type { GridColDef } from '@mui/x-data-grid';
import {
  residentSortIndexes,
  type ResidentGridRow,
} from '../../../db/repositories/grid/residentsGrid';
import type { Translate } from '../../../i18n/translate';
import { localStamp } from '../../../ui/grid/localStamp';
import { ageOn, sexLabel } from '../../common/labels';
import { bedName, bedStatusLabel, fundingLabel, levelLabel } from '../labels';

const stateStatus = { reserved: 'reserved', active: 'occupied', held: 'held' } as const;

/** The residents table's columns; the name and last change sort (their indexes). */
export function residentColumns(t: Translate, today: string): GridColDef<ResidentGridRow>[] {
  const column = (
    field: string,
    headerName: string,
    more: Partial<GridColDef<ResidentGridRow>>,
  ): GridColDef<ResidentGridRow> => ({
    field,
    headerName,
    sortable: field in residentSortIndexes,
    ...more,
  });
  const where = (r: ResidentGridRow) => {
    const stay = r.stay;
    if (!stay || !r.place) return t('elderly.resident.none');
    const state = stay.state === 'reserved' || stay.state === 'held' ? stay.state : 'active';
    return `${bedName(t, r.place)} · ${bedStatusLabel(t, stateStatus[state])}`;
  };
  return [
    column('personName', t('elderly.col.name'), {
      flex: 1,
      minWidth: 110,
      valueGetter: (_v, r) => r.resident.personName,
    }),
    column('sexAge', t('elderly.col.sexAge'), {
      width: 110,
      valueGetter: (_v, r) =>
        `${sexLabel(t, r.resident.sex)} · ${ageOn(r.resident.birthDate, today)}`,
    }),
    column('funding', t('elderly.col.funding'), {
      flex: 1,
      minWidth: 150,
      valueGetter: (_v, r) => fundingLabel(t, r.resident.fundingCategory),
    }),
    column('where', t('elderly.col.where'), {
      flex: 2,
      minWidth: 220,
      valueGetter: (_v, r) => where(r),
    }),
    column('level', t('elderly.col.level'), {
      flex: 1,
      minWidth: 130,
      valueGetter: (_v, r) => levelLabel(t, r.level ?? 'unassessed'),
    }),
    column('updatedAt', t('grid.col.updatedAt'), {
      width: 140,
      valueGetter: (_v, r) => localStamp(r.resident.updatedAt),
    }),
  ];
}
