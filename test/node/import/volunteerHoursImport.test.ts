import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { findHeaderRow, matchColumns } from '@shared/import/headings';
import { volunteerHoursColumns } from '@shared/import/volunteerHoursRoster';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import { createActivity } from '../../../renderer/src/db/repositories/community/activities';
import { registerVolunteer } from '../../../renderer/src/db/repositories/community/volunteers';
import { recordVolunteerService } from '../../../renderer/src/db/repositories/community/volunteerServices';
import { ImportCancelled } from '../../../renderer/src/db/repositories/import/importRun';
import {
  readRosterFile,
  rosterSheet,
} from '../../../renderer/src/db/repositories/import/readSheet';
import {
  commitVolunteerHours,
  dryRunVolunteerHours,
} from '../../../renderer/src/db/repositories/import/volunteerHoursImport';
import { volunteerServicesTable } from '../../../renderer/src/db/tables/communityTables';
import { openTestDesk, queuedAfterSetup, threeMemberHousehold } from '../../fakes/deskFixtures';
import { idFor } from './importFiles';

const today = '2026-03-02';
const headings = [
  '序号',
  '姓名',
  '身份证号',
  '志愿者编号',
  '服务日期',
  '服务时长(小时)',
  '服务内容/活动',
  '备注',
];

async function file(rows: string[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('志愿服务时长');
  sheet.addRow(['城关镇志愿服务时长登记表']);
  sheet.addRow(headings);
  rows.forEach((row, i) => sheet.addRow([String(i + 1), ...row]));
  const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer).slice().buffer;
  const all = await readRosterFile('h.xlsx', bytes);
  const read = rosterSheet(all, findHeaderRow(all, volunteerHoursColumns));
  return { sheet: read, mapping: matchColumns(read.header, volunteerHoursColumns) };
}

/** 张三丰 (ZJ-1, joined 2025-03-01) and 李秀英 (ZJ-2, joined 2026-01-10) are volunteers; 张小明 is not. */
async function volunteers() {
  const { db, ctx, as } = await openTestDesk();
  const h = await registerHousehold(db, ctx, threeMemberHousehold('rural'));
  const [zhang, li, ming] = h.members.map((m) => m.person);
  if (!zhang || !li || !ming) throw new Error('fixture');
  const v1 = await registerVolunteer(db, ctx, zhang.id, {
    volunteerNumber: 'ZJ-1',
    skills: [],
    joinedOn: '2025-03-01',
    notes: '',
  });
  await registerVolunteer(db, ctx, li.id, {
    volunteerNumber: 'ZJ-2',
    skills: [],
    joinedOn: '2026-01-10',
    notes: '',
  });
  return { db, ctx, as, zhang, li, ming, v1 };
}

describe('volunteer hours roster import', () => {
  it('reads the header under a title row and reports every kind of problem', async () => {
    const { db, ctx, zhang, li, ming, v1 } = await volunteers();
    // Already recorded by the dialog: 张三丰, 2026-02-01, 敬老院助餐.
    await recordVolunteerService(db, ctx, v1.id, {
      activityId: null,
      content: '敬老院助餐',
      place: '',
      startAt: '2026-02-01T09:00',
      endAt: '2026-02-01T11:00',
      travelMinutes: 0,
    });
    const { sheet, mapping } = await file([
      ['张三丰', '', 'zj-1', '2026-02-02', '2.5', '敬老院助餐', ''], // 0 fine (number lower case)
      ['李秀', li.idNumber, '', '2026/2/3', '1', '入户探访', '下午'], // 1 fine, name differs: warning
      ['张三丰', zhang.idNumber, 'ZJ-1', '2026-02-01', '2', '敬老院助餐', ''], // 2 in the store: skipped
      ['张小明', ming.idNumber, '', '2026-02-01', '2', '助餐', ''], // 3 not a volunteer
      ['路人', idFor(9), '', '2026-02-01', '2', '助餐', ''], // 4 not even a person
      ['李秀英', li.idNumber, '', '2025-12-31', '2', '助餐', ''], // 5 before she joined
      ['张三丰', '', 'ZJ-1', '2026-13-01', '两小时', '助餐', ''], // 6 bad date, hours not a number
      ['张三丰', '', 'ZJ-1', '2026-02-05', '25', '助餐', ''], // 7 hours out of range
      ['张三丰', '', 'ZJ-1', '2026-02-05', '0', '助餐', ''], // 8 hours zero
      ['张三丰', '', 'ZJ-1', '2030-01-01', '2', '助餐', ''], // 9 date in the future
      ['张三丰', '', '', '2026-02-05', '2', '助餐', ''], // 10 no ID, no number
      ['张三丰', li.idNumber, 'ZJ-1', '2026-02-05', '2', '助餐', ''], // 11 two different volunteers
      ['张三丰', '', 'ZJ-1', '2026-02-02', '1', '敬老院助餐', ''], // 12 same as row 0
      ['张三丰', '', 'ZJ-1', '2026-02-06', '2', '', ''], // 13 content empty
      ['张三丰', '33010219500101001X', 'ZJ-1', '2026-02-06', '2', '助餐', ''], // 14 bad ID
    ]);
    const dry = await dryRunVolunteerHours(db, sheet, mapping, today);
    expect(dry.problems.map((p) => [p.row, p.code, p.severity])).toEqual([
      [1, 'import.name_differs', 'warning'],
      [2, 'import.service_recorded', 'warning'],
      [3, 'import.not_volunteer', 'error'],
      [4, 'import.not_volunteer', 'error'],
      [5, 'import.before_joined', 'error'],
      [6, 'import.date_format', 'error'],
      [6, 'import.hours_number', 'error'],
      [7, 'import.hours_range', 'error'],
      [8, 'import.hours_range', 'error'],
      [9, 'import.date_range', 'error'],
      [10, 'import.volunteer_key_missing', 'error'],
      [11, 'import.volunteer_mismatch', 'error'],
      [12, 'import.duplicate_service', 'error'],
      [13, 'import.required', 'error'],
      [14, expect.stringMatching(/^id\./), 'error'],
    ]);
    expect(dry.problems.find((p) => p.row === 12)?.params).toEqual({ firstRow: 0 });
    expect(dry.problems.map((p) => p.group)).toContain('not_in_registry');
  });

  it('records each row as the dialog does in one transaction, or nothing when cancelled', async () => {
    const { db, ctx, as, li } = await volunteers();
    const activity = await createActivity(db, ctx, {
      organiser: '城关镇志愿服务队',
      name: '敬老院助餐',
      date: '2026-02-02',
      place: '敬老院',
      content: '',
    });
    const rows = Array.from({ length: 300 }, (_, i) => [
      '张三丰',
      '',
      'ZJ-1',
      '2026-02-02',
      '1.5',
      i === 0 ? '敬老院助餐' : `服务${i}`,
      i === 1 ? '带药' : '',
    ]);
    rows.push(['李秀英', li.idNumber, '', '2026-02-03', '20', '陪护', '']);
    const { sheet, mapping } = await file(rows);
    const dry = await dryRunVolunteerHours(db, sheet, mapping, today);
    expect(dry.problems).toEqual([]);
    const before = (await queuedAfterSetup(db)).length;
    const controller = new AbortController();
    const cancelling = commitVolunteerHours(
      db,
      as('supervisor'),
      { sheet, mapping, dry },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done === 200) controller.abort();
        },
      },
    );
    await expect(cancelling).rejects.toBeInstanceOf(ImportCancelled);
    expect(await volunteerServicesTable(db).count()).toBe(0);
    expect((await queuedAfterSetup(db)).length).toBe(before);
    await expect(
      commitVolunteerHours(db, as('registrar'), { sheet, mapping, dry }),
    ).rejects.toMatchObject({ code: 'forbidden' });

    const done = await commitVolunteerHours(db, as('supervisor', '李主管'), {
      sheet,
      mapping,
      dry,
    });
    expect(done).toEqual({ services: 301, hours: 470 });
    const queued = (await queuedAfterSetup(db)).slice(before);
    expect(queued).toHaveLength(301);
    expect(new Set(queued.map((e) => e.kind))).toEqual(new Set(['volunteerService']));
    expect(new Set(queued.map((e) => e.txId)).size).toBe(1);
    const stored = await volunteerServicesTable(db).toArray();
    const first = stored.find((s) => s.activityId !== null);
    expect(first).toMatchObject({
      activityId: activity.id,
      activityName: '敬老院助餐',
      volunteerName: '张三丰',
      startAt: '2026-02-02T08:00',
      endAt: '2026-02-02T09:30',
      serviceMinutes: 90,
      recordedBy: { userId: 'user-supervisor', name: '李主管' },
    });
    expect(stored.find((s) => s.content.includes('带药'))?.content).toBe('服务1（备注：带药）');
    // 20 hours from 08:00 end the next morning: a span of under a day, as the dialog allows.
    expect(stored.find((s) => s.volunteerName === '李秀英')).toMatchObject({
      startAt: '2026-02-03T08:00',
      endAt: '2026-02-04T04:00',
      serviceMinutes: 1200,
    });
    // The same file again: every row is in the store now, skipped with a warning — found by
    // the days' range too (a service outside them makes the volunteers' side the larger).
    await recordVolunteerService(db, ctx, first?.volunteerId ?? '', {
      activityId: null,
      content: '助餐',
      place: '',
      startAt: '2026-01-05T09:00',
      endAt: '2026-01-05T10:00',
      travelMinutes: 0,
    });
    const again = await dryRunVolunteerHours(db, sheet, mapping, today);
    expect(again.problems.every((p) => p.code === 'import.service_recorded')).toBe(true);
    expect(again.recorded.size).toBe(301);
    // 301 rows written and 300 read twice in Node's fake IndexedDB: seconds under load.
  }, 30_000);

  it('refuses the whole file when a row was recorded after the check, writing nothing', async () => {
    const { db, ctx, as, v1 } = await volunteers();
    const { sheet, mapping } = await file([
      ['张三丰', '', 'ZJ-1', '2026-02-02', '1.5', '入户探访', ''],
      ['张三丰', '', 'ZJ-1', '2026-02-03', '2', '助餐', ''],
    ]);
    const dry = await dryRunVolunteerHours(db, sheet, mapping, today);
    expect(dry.problems).toEqual([]);
    // Between 检查 and 导入 a colleague records the second row's service by hand.
    await recordVolunteerService(db, ctx, v1.id, {
      activityId: null,
      content: '助餐',
      place: '',
      startAt: '2026-02-03T14:00',
      endAt: '2026-02-03T16:00',
      travelMinutes: 0,
    });
    const before = await volunteerServicesTable(db).count();
    await expect(
      commitVolunteerHours(db, as('supervisor'), { sheet, mapping, dry }),
    ).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ code: 'import.row_changed' })],
    });
    expect(await volunteerServicesTable(db).count()).toBe(before);
  });
});
