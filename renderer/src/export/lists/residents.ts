import type { ResidentRow } from '../../db/repositories/elderlyCare/residentRows';
import type { Person } from '../../db/repositories/persons';
import type { ListDefinition } from '../listDefinition';
import { zh } from '../zhWords';

export interface ResidentExportRow {
  row: ResidentRow;
  person: Person | undefined;
}

const placeOf = (r: ResidentRow) =>
  r.place ? `${r.place.building} ${r.place.room}室 ${r.place.bed}床` : '';

export const residentsList: ListDefinition<ResidentExportRow> = {
  id: 'residents',
  title: '入住老人名单',
  columns: [
    { header: '姓名', type: 'text', cell: (r) => r.row.resident.personName, width: 10 },
    { header: '身份证号码', type: 'idNumber', cell: (r) => r.person?.idNumber },
    {
      header: '性别',
      type: 'text',
      cell: (r) => zh(`registry.sex.${r.row.resident.sex}`),
      width: 6,
    },
    { header: '出生日期', type: 'date', cell: (r) => r.row.resident.birthDate },
    {
      header: '供养类别',
      type: 'text',
      cell: (r) => zh(`elderly.funding.${r.row.resident.fundingCategory}`),
    },
    { header: '床位', type: 'text', cell: (r) => placeOf(r.row), width: 20 },
    {
      header: '床位状态',
      type: 'text',
      cell: (r) => {
        const state = r.row.stay?.state;
        if (!state) return '未入住';
        return zh(`elderly.status.${state === 'active' ? 'occupied' : state}`, state);
      },
    },
    { header: '入住日期', type: 'date', cell: (r) => r.row.stay?.admittedOn },
    {
      header: '能力等级',
      type: 'text',
      cell: (r) => zh(`elderly.level.${r.row.level ?? 'unassessed'}`),
    },
    { header: '紧急联系人', type: 'text', cell: (r) => r.row.resident.emergencyContact.name },
    { header: '紧急联系电话', type: 'phone', cell: (r) => r.row.resident.emergencyContact.phone },
  ],
};
