import type { ServiceRecord } from '../../db/repositories/community/services';
import type { Volunteer } from '../../db/repositories/community/volunteers';
import type { Person } from '../../db/repositories/persons';
import type { ListDefinition } from '../listDefinition';
import { zh } from '../zhWords';

const names = (refs: readonly { name: string }[]) => refs.map((r) => r.name).join('、');
/** '2026-03-01T09:30' as the ledger writes it: '2026-03-01 09:30'. */
const when = (at: string) => at.replace('T', ' ');

export const servicesList: ListDefinition<ServiceRecord> = {
  id: 'services',
  title: '社区服务台账',
  columns: [
    { header: '开始时间', type: 'date', cell: (r) => when(r.startAt), width: 17 },
    { header: '结束时间', type: 'date', cell: (r) => when(r.endAt), width: 17 },
    {
      header: '服务类型',
      type: 'text',
      cell: (r) => zh(`community.serviceType.${r.type}`, r.type),
    },
    { header: '地点', type: 'text', cell: (r) => r.place, width: 20 },
    { header: '服务对象', type: 'text', cell: (r) => names(r.served), width: 24 },
    { header: '工作人员', type: 'text', cell: (r) => r.staffNames.join('、'), width: 16 },
    { header: '志愿者', type: 'text', cell: (r) => names(r.volunteers), width: 16 },
    { header: '时长（小时）', type: 'hours', cell: (r) => r.durationMinutes },
    { header: '版本', type: 'count', cell: (r) => r.version, width: 6 },
    { header: '备注', type: 'text', cell: (r) => r.notes, width: 30 },
  ],
};

export interface VolunteerRow {
  volunteer: Volunteer;
  person: Person | undefined;
  minutes: number;
}

export const volunteerHoursList: ListDefinition<VolunteerRow> = {
  id: 'volunteerHours',
  title: '志愿者服务时长台账',
  columns: [
    { header: '志愿者编号', type: 'text', cell: (r) => r.volunteer.volunteerNumber },
    { header: '姓名', type: 'text', cell: (r) => r.volunteer.name, width: 10 },
    { header: '身份证号码', type: 'idNumber', cell: (r) => r.person?.idNumber },
    { header: '联系电话', type: 'phone', cell: (r) => r.person?.phone },
    { header: '服务技能', type: 'text', cell: (r) => r.volunteer.skills.join('、'), width: 20 },
    { header: '加入日期', type: 'date', cell: (r) => r.volunteer.joinedOn },
    { header: '累计服务时长（小时）', type: 'hours', cell: (r) => r.minutes, width: 14 },
  ],
};
