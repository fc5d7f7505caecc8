import type { Person } from '../../db/repositories/persons';
import type { Household } from '../../db/repositories/households';
import type { ListDefinition } from '../listDefinition';
import { zh } from '../zhWords';

/** A person with the household fields the roster shows beside them. */
export interface PersonRow {
  person: Person;
  household: Household | undefined;
}

export const personsList: ListDefinition<PersonRow> = {
  id: 'persons',
  title: '人员名单',
  columns: [
    { header: '姓名', type: 'text', cell: (r) => r.person.name, width: 10 },
    { header: '身份证号码', type: 'idNumber', cell: (r) => r.person.idNumber },
    { header: '性别', type: 'text', cell: (r) => zh(`registry.sex.${r.person.sex}`), width: 6 },
    { header: '出生日期', type: 'date', cell: (r) => r.person.birthDate },
    { header: '户籍性质', type: 'text', cell: (r) => zh(`registry.hukou.${r.person.hukouType}`) },
    { header: '联系电话', type: 'phone', cell: (r) => r.person.phone },
    { header: '户主姓名', type: 'text', cell: (r) => r.household?.headName, width: 10 },
    { header: '村（社区）', type: 'text', cell: (r) => r.household?.villageName },
    { header: '现住址', type: 'text', cell: (r) => r.person.currentAddress, width: 30 },
    { header: '残疾等级', type: 'count', cell: (r) => r.person.disabilityGrade || null },
    { header: '死亡日期', type: 'date', cell: (r) => r.person.diedOn },
  ],
};
