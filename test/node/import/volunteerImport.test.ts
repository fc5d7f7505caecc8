import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { matchColumns } from '@shared/import/headings';
import { volunteerColumns } from '@shared/import/volunteerRoster';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import { registerVolunteer } from '../../../renderer/src/db/repositories/community/volunteers';
import { ImportCancelled } from '../../../renderer/src/db/repositories/import/importRun';
import {
  readRosterFile,
  rosterSheet,
} from '../../../renderer/src/db/repositories/import/readSheet';
import {
  commitVolunteers,
  dryRunVolunteers,
} from '../../../renderer/src/db/repositories/import/volunteerImport';
import { volunteersTable } from '../../../renderer/src/db/tables/communityTables';
import { openTestDesk, queuedAfterSetup, threeMemberHousehold } from '../../fakes/deskFixtures';
import { idFor } from './importFiles';

const today = '2026-03-02';
const headings = ['姓名', '公民身份号码', '志愿者编号', '注册日期', '服务技能'];

async function file(rows: string[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('志愿者');
  sheet.addRow(headings);
  for (const row of rows) sheet.addRow(row);
  const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer).slice().buffer;
  const read = rosterSheet(await readRosterFile('v.xlsx', bytes), 0);
  return { sheet: read, mapping: matchColumns(read.header, volunteerColumns) };
}

/** The three registered persons of 张三丰's household: [name, ID]. */
async function registered() {
  const { db, ctx, as } = await openTestDesk();
  const h = await registerHousehold(db, ctx, threeMemberHousehold('rural'));
  const people = h.members.map((m) => [m.person.name, m.person.idNumber] as const);
  return { db, ctx, as, people, ids: h.members.map((m) => m.person.id) };
}

describe('volunteer roster import', () => {
  it('finds each volunteer in the registry and reports every kind of problem', async () => {
    const { db, ctx, people, ids } = await registered();
    const [zhang, li, ming] = people;
    if (!zhang || !li || !ming) throw new Error('fixture');
    await registerVolunteer(db, ctx, ids[2] ?? '', {
      volunteerNumber: 'ZJ-9',
      skills: [],
      joinedOn: '2025-01-01',
      notes: '',
    });
    const { sheet, mapping } = await file([
      [zhang[0], zhang[1], 'ZJ-1', '2025-03-01', '助老、理发'], // 0 fine
      ['李秀', li[1], 'ZJ-2', '2025/3/1', ''], // 1 name differs: a warning
      [ming[0], ming[1], 'ZJ-3', '2025-03-01', ''], // 2 already a volunteer: skipped
      ['路人甲', idFor(5), 'ZJ-4', '2025-03-01', ''], // 3 not registered
      [zhang[0], zhang[1], 'ZJ-1', '2030-01-01', ''], // 4 duplicate ID and number, date out of range
      ['王五', idFor(6), 'ZJ 5', '2025-03-01', ''], // 5 number with a space, not registered
    ]);
    const dry = await dryRunVolunteers(db, sheet, mapping, today);
    expect(dry.problems.map((p) => [p.row, p.code, p.severity])).toEqual([
      [1, 'import.name_differs', 'warning'],
      [2, 'import.already_volunteer', 'warning'],
      [3, 'import.not_registered', 'error'],
      [4, 'import.date_range', 'error'],
      [5, 'community.volunteer_number_chars', 'error'],
    ]);
    const fixed = await file([
      [zhang[0], zhang[1], 'ZJ-1', '2025-03-01', '助老、理发'],
      [zhang[0], zhang[1], 'ZJ-1', '2025-03-02', ''],
      [li[0], li[1], 'ZJ-9', '2025-03-01', ''],
    ]);
    const again = await dryRunVolunteers(db, fixed.sheet, fixed.mapping, today);
    expect(again.problems.map((p) => [p.row, p.code])).toEqual([
      [1, 'import.duplicate_in_file'],
      [1, 'import.duplicate_number'],
      [2, 'community.volunteer_number_taken'],
    ]);
  });

  it('registers every volunteer in one transaction, or nothing when cancelled', async () => {
    const { db, as, people } = await registered();
    const rows = people.map(
      ([name, id], i) => [name, id, `ZJ-${i}`, '2025-03-01', '助老'] as string[],
    );
    const { sheet, mapping } = await file(rows);
    const dry = await dryRunVolunteers(db, sheet, mapping, today);
    expect(dry.problems).toEqual([]);
    const before = (await queuedAfterSetup(db)).length;
    const controller = new AbortController();
    controller.abort();
    await expect(
      commitVolunteers(
        db,
        as('supervisor'),
        { sheet, mapping, dry },
        { signal: controller.signal },
      ),
    ).rejects.toBeInstanceOf(ImportCancelled);
    expect(await volunteersTable(db).count()).toBe(0);
    expect((await queuedAfterSetup(db)).length).toBe(before);
    await expect(
      commitVolunteers(db, as('registrar'), { sheet, mapping, dry }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await commitVolunteers(db, as('supervisor'), { sheet, mapping, dry })).toEqual({
      volunteers: 3,
    });
    const queued = (await queuedAfterSetup(db)).slice(before);
    expect(queued.map((e) => e.kind)).toEqual(['volunteer', 'volunteer', 'volunteer']);
    const stored = await volunteersTable(db).toArray();
    expect(stored.map((v) => [v.name, v.volunteerNumber, v.skills])).toEqual([
      ['张三丰', 'ZJ-0', ['助老']],
      ['李秀英', 'ZJ-1', ['助老']],
      ['张小明', 'ZJ-2', ['助老']],
    ]);
  });
});
