import { describe, expect, it } from 'vitest';
import { maskIdNumber } from '@shared/identity/residentId';
import { accessLogOf } from '../../../renderer/src/db/repositories/accessLog';
import { recordService } from '../../../renderer/src/db/repositories/community/services';
import { recordVolunteerService } from '../../../renderer/src/db/repositories/community/volunteerServices';
import {
  servicesSource,
  volunteerHoursSource,
} from '../../../renderer/src/db/repositories/export/communitySources';
import { runListExport } from '../../../renderer/src/db/repositories/export/runListExport';
import { servicesList, volunteerHoursList } from '../../../renderer/src/export/lists/community';
import { openTestDesk } from '../../fakes/deskFixtures';
import { aVolunteer, morningService, volunteerIdNumber } from '../community/communityFixtures';
import { column, present, readBack } from './readBack';

const meeting = (startAt: string, endAt: string, type: 'consultation' | 'home_visit') => ({
  type,
  startAt,
  endAt,
  place: '解放社区议事厅',
  served: [],
  staffNames: ['王登记'],
  volunteers: [],
  notes: '',
  attachments: [],
});

describe('community exports', () => {
  it('exports the service ledger of the period and type the screen chose', async () => {
    const { db, ctx } = await openTestDesk(new Date('2026-05-02T09:00:00+08:00'));
    await recordService(db, ctx, meeting('2026-03-01T14:00', '2026-03-01T15:30', 'consultation'));
    await recordService(db, ctx, meeting('2026-03-02T14:00', '2026-03-02T15:00', 'home_visit'));
    await recordService(db, ctx, meeting('2026-04-01T14:00', '2026-04-01T15:00', 'consultation'));
    const filter = { from: '2026-03-01', to: '2026-03-31', type: 'consultation' as const };
    const file = await runListExport(db, ctx, servicesList, servicesSource(db, filter));
    const sheet = await readBack(file.bytes);
    expect(sheet.title).toContain('筛选：2026-03-01 至 2026-03-31，类型：');
    expect(file.rows).toBe(1);
    const row = present(sheet.rows[0]);
    expect(row[column(sheet.headers, '开始时间')]).toBe('2026-03-01 14:00');
    expect(row[column(sheet.headers, '时长（小时）')]).toBe(1.5);
  });

  it('exports volunteer hours: masked for a registrar, in full and logged for a supervisor', async () => {
    const { db, ctx, as } = await openTestDesk();
    const { volunteer } = await aVolunteer(db, ctx);
    await recordVolunteerService(db, ctx, volunteer.id, morningService);

    const masked = await readBack(
      (await runListExport(db, ctx, volunteerHoursList, volunteerHoursSource(db, ''))).bytes,
    );
    const row = present(masked.rows[0]);
    expect(row[column(masked.headers, '身份证号码')]).toBe(maskIdNumber(volunteerIdNumber));
    expect(row[column(masked.headers, '累计服务时长（小时）')]).toBe(2);
    expect(await accessLogOf(db, 'volunteerHours')).toEqual([]);

    const file = await runListExport(
      db,
      as('supervisor'),
      volunteerHoursList,
      volunteerHoursSource(db, '陈'),
    );
    const full = await readBack(file.bytes);
    expect(present(full.rows[0])[column(full.headers, '身份证号码')]).toBe(volunteerIdNumber);
    const log = await accessLogOf(db, 'volunteerHours');
    expect(log.map((e) => e.purpose)).toEqual([
      '导出志愿者服务时长台账（完整证件号码）1 行；筛选：姓名或编号“陈”',
    ]);
  });
});
