import type { Movement, Resident } from '../../db/repositories/elderlyCare/tables';
import type { Person } from '../../db/repositories/persons';
import type { ListDefinition } from '../listDefinition';
import { zh } from '../zhWords';

export interface MovementRow {
  movement: Movement;
  resident: Resident | undefined;
  person: Person | undefined;
  /** The bed named as the board names it, '' when unknown. */
  bed: string;
  reversed: boolean;
}

export const movementsList: ListDefinition<MovementRow> = {
  id: 'movements',
  title: '入住老人出入院记录',
  columns: [
    { header: '日期', type: 'date', cell: (r) => r.movement.date },
    { header: '姓名', type: 'text', cell: (r) => r.resident?.personName, width: 10 },
    { header: '身份证号码', type: 'idNumber', cell: (r) => r.person?.idNumber },
    {
      header: '变动类型',
      type: 'text',
      cell: (r) => zh(`elderly.movement.${r.movement.type}`, r.movement.type),
    },
    { header: '床位', type: 'text', cell: (r) => r.bed, width: 20 },
    {
      header: '出院原因',
      type: 'text',
      cell: (r) =>
        r.movement.dischargeReason ? zh(`elderly.discharge.${r.movement.dischargeReason}`) : '',
    },
    { header: '去向', type: 'text', cell: (r) => r.movement.destination, width: 20 },
    { header: '已撤销', type: 'text', cell: (r) => (r.reversed ? '是' : ''), width: 8 },
    { header: '说明', type: 'text', cell: (r) => r.movement.reason, width: 30 },
    { header: '经办人', type: 'text', cell: (r) => r.movement.actorName, width: 10 },
  ],
};
