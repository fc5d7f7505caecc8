import { afterEach, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { residentColumns } from '@shared/import/residentRoster';
import { volunteerHoursColumns } from '@shared/import/volunteerHoursRoster';
import { findPersonByIdNumber } from '../../../renderer/src/db/repositories/persons';
import { registerVolunteer } from '../../../renderer/src/db/repositories/community/volunteers';
import {
  commitResidents,
  dryRunResidents,
} from '../../../renderer/src/db/repositories/import/residentImport';
import {
  commitVolunteerHours,
  dryRunVolunteerHours,
} from '../../../renderer/src/db/repositories/import/volunteerHoursImport';
import { smallHome } from '../elderlyCare/elderlyFixtures';
import { matchColumns } from '@shared/import/headings';
import { householdColumns } from '@shared/import/householdRoster';
import { dryRunHouseholds } from '../../../renderer/src/db/repositories/import/householdImport';
import { commitHouseholds } from '../../../renderer/src/db/repositories/import/householdCommit';
import {
  readRosterFile,
  rosterSheet,
} from '../../../renderer/src/db/repositories/import/readSheet';
import { hqOfficeRecords, startHq, type RunningHq } from '../../support/hqHarness';
import {
  deskOfficeRecords,
  enroll,
  openOfficeDesk,
  recordDifferences,
  sync,
} from '../../support/syncDesks';
import { idFor, personRow, xlsxFile } from '../import/importFiles';

/**
 * An imported roster is ordinary changes: the queue entries the commit left are pushed
 * to a real HQ, which checks each with the kind's schema, rules and authority as any
 * hand-entered household, and accepts every one; HQ then holds what the desk holds.
 */
let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

it('HQ accepts every change of an imported roster and ends with the same records', async () => {
  hq = await startHq();
  const desk = await openOfficeDesk('office-east', 'A');
  await enroll(desk, hq);
  await sync(desk); // the setup's own changes first
  const rows = [
    personRow(1, '王大山', '王大山', '户主', idFor(1)),
    personRow(2, '王大山', '刘小芳', '配偶', idFor(2)),
    personRow(3, '王大山', '王小宝', '子', idFor(3)),
    personRow(4, '赵一', '赵一', '户主', idFor(4), { village: '西村' }),
  ];
  const all = await readRosterFile('roster.xlsx', await xlsxFile(rows));
  const sheet = rosterSheet(all, 1);
  const mapping = matchColumns(sheet.header, householdColumns);
  const dry = await dryRunHouseholds(desk.db, sheet, mapping, '2026-03-02');
  expect(dry.problems).toEqual([]);
  await commitHouseholds(desk.db, desk.as('supervisor'), {
    sheet,
    mapping,
    dry,
    choices: new Map(),
  });
  expect(await desk.db.queue.count()).toBe(6);
  const report = await sync(desk);
  expect(report).toMatchObject({ pushed: 6, rejected: 0, conflicts: 0 });
  expect(await desk.db.queue.count()).toBe(0);
  expect(
    recordDifferences(await hqOfficeRecords(hq.hq, 'office-east'), await deskOfficeRecords(desk)),
  ).toEqual([]);
});

it("HQ accepts every change of imported volunteers' hours and residents with their beds", async () => {
  hq = await startHq();
  const desk = await openOfficeDesk('office-east', 'B');
  await enroll(desk, hq);
  const supervisor = desk.as('supervisor');
  // Two registered persons (a household roster), one a volunteer; a small care home.
  const people = [
    personRow(1, '王大山', '王大山', '户主', idFor(1)),
    personRow(2, '赵一', '赵一', '户主', idFor(4), { village: '西村' }),
  ];
  const roster = rosterSheet(await readRosterFile('r.xlsx', await xlsxFile(people)), 1);
  const rosterMapping = matchColumns(roster.header, householdColumns);
  const households = await dryRunHouseholds(desk.db, roster, rosterMapping, '2026-03-02');
  await commitHouseholds(desk.db, supervisor, {
    sheet: roster,
    mapping: rosterMapping,
    dry: households,
    choices: new Map(),
  });
  const wang = await findPersonByIdNumber(desk.db, idFor(1));
  await registerVolunteer(desk.db, supervisor, wang?.id ?? '', {
    volunteerNumber: 'ZJ-1',
    skills: [],
    joinedOn: '2025-03-01',
    notes: '',
  });
  await smallHome(desk.db, supervisor);
  await sync(desk);

  const hoursBook = await sheetOf(
    ['姓名', '志愿者编号', '服务日期', '服务时长(小时)', '服务内容/活动'],
    [
      ['王大山', 'ZJ-1', '2026-02-01', '2.5', '敬老院助餐'],
      ['王大山', 'ZJ-1', '2026-02-02', '20', '陪护'],
    ],
  );
  const hoursMapping = matchColumns(hoursBook.header, volunteerHoursColumns);
  const hours = await dryRunVolunteerHours(desk.db, hoursBook, hoursMapping, '2026-03-02');
  expect(hours.problems).toEqual([]);
  await commitVolunteerHours(desk.db, supervisor, {
    sheet: hoursBook,
    mapping: hoursMapping,
    dry: hours,
  });

  const residentsBook = await sheetOf(
    [
      '姓名',
      '身份证号',
      '机构',
      '楼',
      '房间',
      '床位',
      '入住日期',
      '护理等级',
      '供养类型',
      '紧急联系人',
      '紧急联系人电话',
    ],
    [
      [
        '赵一',
        idFor(4),
        '城关镇敬老院',
        '1号楼',
        '101室',
        '2床',
        '2026-02-10',
        '重度失能',
        '特困',
        '赵二',
        '13800138000',
      ],
    ],
  );
  const residentsMapping = matchColumns(residentsBook.header, residentColumns);
  const residents = await dryRunResidents(desk.db, residentsBook, residentsMapping, '2026-03-02');
  expect(residents.problems).toEqual([]);
  await commitResidents(desk.db, supervisor, {
    sheet: residentsBook,
    mapping: residentsMapping,
    dry: residents,
  });

  // 2 services; a resident, their admission assessment and the admit movement.
  expect(await desk.db.queue.count()).toBe(5);
  const report = await sync(desk);
  expect(report).toMatchObject({ pushed: 5, rejected: 0, conflicts: 0 });
  expect(
    recordDifferences(await hqOfficeRecords(hq.hq, 'office-east'), await deskOfficeRecords(desk)),
  ).toEqual([]);
});

/** A one-sheet XLSX of these headings and rows, read as the screen reads it. */
async function sheetOf(headings: string[], rows: string[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名册');
  sheet.addRow(headings);
  for (const row of rows) sheet.addRow(row);
  const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer).slice().buffer;
  return rosterSheet(await readRosterFile('s.xlsx', bytes), 0);
}
