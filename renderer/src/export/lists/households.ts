import type { Household } from '../../db/repositories/households';
import type { Person } from '../../db/repositories/persons';
import type { ListDefinition } from '../listDefinition';
import { zh } from '../zhWords';

export interface HouseholdRow {
  household: Household;
  head: Person | undefined;
}

export const householdsList: ListDefinition<HouseholdRow> = {
  id: 'households',
  title: '家庭名单',
  columns: [
    { header: '户主姓名', type: 'text', cell: (r) => r.household.headName, width: 10 },
    { header: '户主身份证号码', type: 'idNumber', cell: (r) => r.head?.idNumber },
    { header: '联系电话', type: 'phone', cell: (r) => r.head?.phone },
    { header: '家庭人数', type: 'count', cell: (r) => r.household.members.length },
    {
      header: '户籍性质',
      type: 'text',
      cell: (r) => zh(`registry.hukou.${r.household.hukouType}`),
    },
    { header: '行政区划代码', type: 'text', cell: (r) => r.household.areaCode },
    { header: '村（社区）', type: 'text', cell: (r) => r.household.villageName },
    { header: '家庭住址', type: 'text', cell: (r) => r.household.address, width: 30 },
  ],
};
