import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { findHeaderRow, matchColumns } from '@shared/import/headings';
import { splitPlaceCell } from '@shared/import/residentCells';
import { residentColumns } from '@shared/import/residentRoster';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import { addRoomWithBeds } from '../../../renderer/src/db/repositories/elderlyCare/institutions';
import { recordMovement } from '../../../renderer/src/db/repositories/elderlyCare/movements';
import { elderlyTables } from '../../../renderer/src/db/repositories/elderlyCare/tables';
import { ImportCancelled } from '../../../renderer/src/db/repositories/import/importRun';
import {
  readRosterFile,
  rosterSheet,
} from '../../../renderer/src/db/repositories/import/readSheet';
import {
  commitResidents,
  dryRunResidents,
} from '../../../renderer/src/db/repositories/import/residentImport';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import type { WriteContext } from '../../../renderer/src/db/writeContext';
import { openTestDesk, personInput, queuedAfterSetup, residentId } from '../../fakes/deskFixtures';
import { newResident, smallHome } from '../elderlyCare/elderlyFixtures';
import { reportWorkbook } from '../../../renderer/src/db/repositories/import/reportSheet';
import { translate, type Translate } from '../../../renderer/src/i18n/translate';
import { problemText } from '../../../renderer/src/screens/import/problemText';
import { idFor, readXlsx } from './importFiles';

const today = '2026-03-02';
const headings = [
  '序号',
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
];

async function file(rows: string[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('入住老人');
  sheet.addRow(['城关镇敬老院入住老人花名册']);
  sheet.addRow(headings);
  rows.forEach((row, i) => sheet.addRow([String(i + 1), ...row]));
  const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer).slice().buffer;
  const all = await readRosterFile('r.xlsx', bytes);
  const read = rosterSheet(all, findHeaderRow(all, residentColumns));
  return { sheet: read, mapping: matchColumns(read.header, residentColumns) };
}

/** Registers one-person households: [name, ID, sex] each. */
async function register(
  db: DeskDatabase,
  ctx: WriteContext,
  people: [string, string, 'male' | 'female'][],
) {
  for (const [name, idNumber, sex] of people) {
    const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
    await registerHousehold(db, ctx, {
      areaCode: '330102',
      hukouType: 'rural',
      villageName: '东村',
      address: '东村3组',
      members: [{ relation: 'self', person: personInput({ name, idNumber, sex, birthDate }) }],
    });
  }
}

const woman = residentId('330102', '1944-04-04', '102');
const men = Array.from({ length: 8 }, (_, i) => idFor(i));
const man = (i: number) => idFor(i);
/** [name, ID, 机构, 楼, 房间, 床位, 入住日期, 护理等级, 供养类型, 紧急联系人, 电话]. */
const row = (
  name: string,
  id: string,
  room: string,
  bed: string,
  more: Partial<Record<'inst' | 'building' | 'date' | 'level' | 'funding' | 'phone', string>> = {},
) => [
  name,
  id,
  more.inst ?? '城关镇敬老院',
  more.building ?? '1号楼',
  room,
  bed,
  more.date ?? '2026-02-10',
  more.level ?? '',
  more.funding ?? '特困',
  '王小山',
  more.phone ?? '13800138000',
];

async function home() {
  const { db, ctx, as } = await openTestDesk();
  const { beds } = await smallHome(db, ctx);
  await register(db, ctx, [
    ...men.map((id, i) => [`老人${i}`, id, 'male'] as [string, string, 'male']),
    ['刘阿婆', woman, 'female'],
  ]);
  // 老王 lives in 102室 1床 since 2026-02-01.
  const wang = await newResident(db, ctx, '老王');
  await recordMovement(db, ctx, {
    residentId: wang.id,
    type: 'admit',
    bedId: beds.c.id,
    date: '2026-02-01',
  });
  return { db, ctx, as, beds, wang };
}

describe('care-home residents roster import', () => {
  it('splits a bed cell that names the whole place', () => {
    expect(splitPlaceCell('1号楼101室2床')).toEqual({ building: '1号楼', room: '101', bed: '2' });
    expect(splitPlaceCell('1号楼 101 2')).toEqual({ building: '1号楼', room: '101', bed: '2' });
    expect(splitPlaceCell('A栋-203-1号床')).toEqual({ building: 'A栋', room: '203', bed: '1' });
    expect(splitPlaceCell('综合楼１０２室３床')).toEqual({
      building: '综合楼',
      room: '102',
      bed: '3',
    });
    expect(splitPlaceCell('1号楼1012床')).toBeNull(); // room and bed run together
    expect(splitPlaceCell('护理区 3 1')).toBeNull(); // no building word
  });

  it('finds person, institution and bed by name and reports every kind of problem', async () => {
    const { db } = await home();
    const { sheet, mapping } = await file([
      row('老人0', man(0), '101室', '1床', { level: '轻度失能' }), // 0 fine
      row('刘阿妈', woman, '102', '2号床', { funding: '低保' }), // 1 name differs; women's bed
      row('老人1', man(1), '102', '1'), // 2 taken by 老王
      row('路人', idFor(50), '101', '2'), // 3 not registered
      row('老人2', man(2), '101', '2', { inst: '西街敬老院' }), // 4 unknown institution
      row('老人3', man(3), '101', '2', { building: '2号楼' }), // 5 unknown building
      row('老人4', man(4), '109', '2'), // 6 unknown room
      row('老人5', man(5), '101', '9'), // 7 unknown bed
      row('老人6', man(6), '101', '1'), // 8 same bed as row 0
      row('老人0', man(0), '101', '2'), // 9 same person as row 0
      row('老人7', man(7), '102', '2'), // 10 a man in a women's bed
      row('老人7', man(7), '101', '2', { date: '2025-12-01' }), // 11 bed not in service yet (and person twice)
      row('老人7', man(7), '101', '2', { date: '2026-02-30', level: '半自理', funding: '五保户' }), // 12 bad date, level, funding
      row('老人7', man(7), '101', '2', { phone: '12345' }), // 13 phone
      row('老人7', '33010219500101001X', '101', '2'), // 14 bad ID
      row('老人7', man(7), '101', ''), // 15 bed empty
      row('老人7', man(7), '', '1号楼101', { building: '' }), // 16 bed cell without the bed
      row('老人7', man(7), '101', '1号楼101室2床', { building: '' }), // 17 room given, building not
    ]);
    const dry = await dryRunResidents(db, sheet, mapping, today);
    expect(dry.problems.map((p) => [p.row, p.code, p.severity])).toEqual([
      [1, 'import.name_differs', 'warning'],
      [2, 'elderly.bed_taken', 'error'],
      [3, 'import.not_registered', 'error'],
      [4, 'import.unknown_institution', 'error'],
      [5, 'import.unknown_building', 'error'],
      [6, 'import.unknown_room', 'error'],
      [7, 'import.unknown_bed', 'error'],
      [8, 'import.duplicate_bed', 'error'],
      [9, 'import.duplicate_in_file', 'error'],
      [9, 'import.duplicate_bed', 'error'], // 101室 2床 is row 3's too
      [10, 'elderly.bed_for_female', 'error'],
      [10, 'import.duplicate_bed', 'error'], // row 1's
      [11, 'elderly.bed_not_in_service', 'error'],
      [11, 'import.duplicate_in_file', 'error'],
      [11, 'import.duplicate_bed', 'error'],
      [12, 'import.date_format', 'error'],
      [12, 'import.level', 'error'],
      [12, 'import.funding', 'error'],
      [13, 'field.phone', 'error'],
      [14, expect.stringMatching(/^id\./), 'error'],
      [15, 'import.required', 'error'],
      [16, 'import.place_parts', 'error'],
      [17, 'import.place_parts', 'error'],
    ]);
    const byRow = (r: number) => dry.problems.find((p) => p.row === r);
    expect(byRow(2)?.params).toMatchObject({
      building: '1号楼',
      room: '102',
      bed: '1',
      name: '老王',
    });
    expect(byRow(4)?.params).toMatchObject({ institution: '西街敬老院' });
    expect(byRow(7)?.params).toMatchObject({ room: '101', bed: '9' });
    expect(byRow(8)?.params).toEqual({ firstRow: 0 });
    expect(byRow(13)?.field).toBe('contactPhone');
    expect(byRow(4)?.group).toBe('unknown_place');

    // The downloadable report: the office's rows as they were, the problems in words.
    const t: Translate = (key, params) => translate('zh-CN', key, params);
    const bytes = await reportWorkbook(sheet, dry.problems, (p) => problemText(t, p, sheet));
    const report = await readXlsx(bytes);
    expect(report[0]?.at(-1)).toBe('问题');
    expect(report[5]?.[4]).toBe('西街敬老院');
    expect(report[5]?.at(-1)).toBe('本办没有名为“西街敬老院”的养老机构');
    expect(report[3]?.at(-1)).toBe(
      '1号楼 102室 1床在此期间已由 老王 占用或预约：同一床位同时只能有一位老人',
    );
    expect(report[9]?.at(-1)).toBe('床位与第 3 行相同：一张床位只能住一位老人');
  });

  it('admits each row as the area does in one transaction, or nothing when cancelled', async () => {
    const { db, ctx, as } = await home();
    const { institution, building } = await smallHomeParts(db);
    // Floor 2: rooms 201–206, four beds each; 24 more registered persons.
    for (let r = 1; r <= 6; r++) {
      await addRoomWithBeds(db, ctx, {
        institutionId: institution,
        buildingId: building,
        floor: 2,
        number: `20${r}`,
        inServiceFrom: '2026-01-01',
        beds: ['1', '2', '3', '4'].map((number) => ({
          number,
          bedType: 'nursing' as const,
          sexRule: 'any' as const,
        })),
      });
    }
    const many = Array.from({ length: 24 }, (_, i) => idFor(100 + i));
    await register(
      db,
      ctx,
      many.map((id, i) => [`住户${i}`, id, 'male'] as [string, string, 'male']),
    );
    const rows = many.map((id, i) =>
      row(`住户${i}`, id, `20${Math.floor(i / 4) + 1}`, String((i % 4) + 1), {
        level: i === 0 ? '重度失能' : '',
      }),
    );
    // 楼/房间/床位 in one cell, as many sheets write it.
    rows.push(
      row('刘阿婆', woman, '', '1号楼 102室 2床', {
        building: '',
        funding: '低保',
        date: '2026-01-15',
      }),
    );
    const { sheet, mapping } = await file(rows);
    const dry = await dryRunResidents(db, sheet, mapping, today);
    expect(dry.problems).toEqual([]);
    const t = elderlyTables(db);
    const counts = async () => [
      await t.residents.count(),
      await t.assessments.count(),
      await t.movements.count(),
      await t.stays.count(),
      (await queuedAfterSetup(db)).length,
    ];
    const before = await counts();
    const controller = new AbortController();
    const cancelling = commitResidents(
      db,
      as('supervisor'),
      { sheet, mapping, dry },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done === 10) controller.abort();
        },
      },
    );
    await expect(cancelling).rejects.toBeInstanceOf(ImportCancelled);
    expect(await counts()).toEqual(before);
    await expect(
      commitResidents(db, as('registrar'), { sheet, mapping, dry }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });

    expect(await commitResidents(db, as('supervisor'), { sheet, mapping, dry })).toEqual({
      residents: 25,
    });
    const queued = (await queuedAfterSetup(db)).slice(before[4]);
    // Per admission: the resident and the admit movement (stays are each desk's projection,
    // not synced); one assessment for the row with a 护理等级.
    expect(queued.filter((e) => e.kind === 'elderlyResident')).toHaveLength(25);
    expect(queued.filter((e) => e.kind === 'elderlyMovement')).toHaveLength(25);
    expect(queued.filter((e) => e.kind === 'elderlyAssessment')).toHaveLength(1);
    expect(new Set(queued.map((e) => e.txId)).size).toBe(1);
    const liu = (await t.residents.toArray()).find((r) => r.personName === '刘阿婆');
    expect(liu).toMatchObject({ sex: 'female', birthDate: '1944-04-04', fundingCategory: 'dibao' });
    const stay = (
      await t.stays
        .where('residentId')
        .equals(liu?.id ?? '')
        .toArray()
    )[0];
    expect(stay).toMatchObject({ state: 'active', admittedOn: '2026-01-15' });
    const assessment = (await t.assessments.toArray()).find((a) => a.level === 'severe');
    expect(assessment).toMatchObject({
      assessor: '原名册',
      reason: 'admission',
      date: '2026-02-10',
    });
    // The same file again: everyone is a resident now, every row skipped with a warning.
    const again = await dryRunResidents(db, sheet, mapping, today);
    expect(again.problems.map((p) => p.code)).toEqual(Array(25).fill('import.already_resident'));
  });
});

async function smallHomeParts(db: DeskDatabase) {
  const t = elderlyTables(db);
  const institution = (await t.institutions.toArray())[0]?.id ?? '';
  const building = (await t.buildings.toArray())[0]?.id ?? '';
  return { institution, building };
}
