import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportColumns } from '@shared/medical/exportRows';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import {
  addCoverage,
  correctCoverage,
  loadCoverageState,
} from '../../../renderer/src/db/repositories/medical/coverage';
import { exportCoverageChanges } from '../../../renderer/src/db/repositories/medical/exportChanges';
import { accessLogOf } from '../../../renderer/src/db/repositories/accessLog';
import { write } from '../../../renderer/src/db/writePath';
import { openTestDesk, threeMemberHousehold } from '../../fakes/deskFixtures';
import { caseRow } from './caseRows';

/**
 * The desk's 医疗救助 register on a real IndexedDB: 张三丰's household has a 低保 case
 * paid from March 2026 and terminated on 15 June; his spouse 李秀英 is also a
 * 防止返贫监测对象 by hand. Hand records meet the shared rules in the write path, and
 * the period's changes export as an XLSX read back here cell by cell.
 */
async function office() {
  const desk = await openTestDesk(new Date('2026-07-02T09:00:00+08:00'));
  const family = await registerHousehold(desk.db, desk.ctx, threeMemberHousehold('rural'));
  const [head, spouse, child] = family.members.map((m) => m.person);
  if (!head || !spouse || !child) throw new Error('three members');
  const row = caseRow('x', {
    householdId: family.household.id,
    applicantPersonId: head.id,
    applicantName: head.name,
    coveredPersonIds: [head.id, child.id],
    decidedOn: '2026-02-20',
    paymentFrom: '2026-03',
    status: 'terminated',
    endedOn: '2026-06-15',
    paymentTo: '2026-06',
  });
  const caseId = await write(
    desk.db,
    desk.ctx,
    async (w) => (await w.create('assistanceCase', row.data)).id,
  );
  return { ...desk, head, spouse, child, caseId };
}

const monitored = (personId: string, from: string, to: string | null, overlapReason = '') => ({
  personId,
  category: 'monitored',
  from,
  to,
  note: '乡村振兴局名单',
  overlapReason,
});

describe('医疗救助 on the desk', () => {
  it('derives 低保 coverage for the covered members and lists a hand record beside it', async () => {
    const { db, ctx, head, spouse, child, caseId } = await office();
    await addCoverage(db, ctx, monitored(spouse.id, '2026-02-01', null));
    const state = await loadCoverageState(db);
    const lines = state.timeline.map((s) => [
      s.personId,
      s.category,
      s.from,
      s.to,
      s.caseId ?? s.recordId !== null,
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        [head.id, 'dibao', '2026-03-01', '2026-06-15', caseId],
        [child.id, 'dibao', '2026-03-01', '2026-06-15', caseId],
        [spouse.id, 'monitored', '2026-02-01', null, true],
      ]),
    );
    expect(lines).toHaveLength(3);
  });

  it('refuses a derived category by hand, an overlap without a reason and a second hand record; nothing is written', async () => {
    const { db, ctx, head, spouse, child } = await office();
    const before = await db.queue.count();
    await expect(
      addCoverage(db, ctx, { ...monitored(head.id, '2026-01-01', null), category: 'tekun' }),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'category', code: 'medical.category_derived' }],
    });
    await expect(
      addCoverage(db, ctx, monitored(head.id, '2026-01-01', null)),
    ).rejects.toMatchObject({
      fieldErrors: [
        {
          path: 'overlapReason',
          code: 'medical.overlaps_derived',
          params: { category: 'dibao', from: '2026-03-01' },
        },
      ],
    });
    // Ending before the 低保 coverage starts needs no reason.
    await addCoverage(db, ctx, monitored(head.id, '2026-01-01', '2026-02-28'));
    await addCoverage(db, ctx, monitored(spouse.id, '2026-01-01', null));
    await expect(
      addCoverage(db, ctx, monitored(spouse.id, '2026-05-01', null)),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'from', code: 'medical.overlaps_manual' }],
    });
    await expect(
      addCoverage(db, ctx, monitored(child.id, '2026-08-01', null)),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'from', code: 'date.in_future' }],
    });
    expect(await db.queue.count()).toBe(before + 2);
  });

  it('ends a hand record by a correction with a reason, keeping the old version', async () => {
    const { db, ctx, spouse } = await office();
    const made = await addCoverage(db, ctx, monitored(spouse.id, '2026-02-01', null));
    const fields = { ...monitored(spouse.id, '2026-02-01', '2026-05-31') };
    await expect(correctCoverage(db, ctx, made.id, made.version, fields, '')).rejects.toMatchObject(
      { code: 'validation' },
    );
    const ended = await correctCoverage(
      db,
      ctx,
      made.id,
      made.version,
      fields,
      '已消除返贫风险，5月底退出监测',
    );
    expect(ended).toMatchObject({ to: '2026-05-31', version: 2 });
    const revisions = await db.revisions
      .where('[kind+recordId]')
      .equals(['medicalCoverage', made.id])
      .toArray();
    expect(revisions).toHaveLength(1);
  });

  it('exports Q2 as XLSX (supervisor only): headings, one line per change, ID as text; each person logged', async () => {
    const { db, ctx, as, head, spouse, child } = await office();
    const made = await addCoverage(db, ctx, monitored(spouse.id, '2026-02-01', null));
    await correctCoverage(
      db,
      ctx,
      made.id,
      made.version,
      monitored(spouse.id, '2026-02-01', '2026-05-31'),
      '退出监测',
    );
    const q2 = { from: '2026-04-01', to: '2026-06-30' };

    await expect(exportCoverageChanges(db, ctx, q2)).rejects.toMatchObject({
      code: 'forbidden',
      fieldErrors: [{ path: 'actor', code: 'medical.export_forbidden' }],
    });
    expect(await accessLogOf(db, head.id)).toHaveLength(0);

    const file = await exportCoverageChanges(db, as('supervisor'), q2);
    expect(file.fileName).toBe('医疗救助对象变动_2026-04-01_2026-06-30.xlsx');
    expect(file.lines).toBe(3);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes.buffer);
    const sheet = book.getWorksheet('医疗救助对象变动');
    if (!sheet) throw new Error('no sheet');
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual([...exportColumns]);
    // Sorted by date, then person id: 李秀英 ends 31 May; 张三丰 and 张小明 end 15 June.
    const juneOrder = [head, child].sort((a, b) => a.id.localeCompare(b.id));
    expect(values(2)).toEqual([
      '1',
      '李秀英',
      spouse.idNumber,
      '防止返贫监测对象',
      '终止',
      '2026-02-01',
      '2026-05-31',
      '城关镇民政办',
      '东村',
      '乡村振兴局名单',
    ]);
    expect(values(3)).toEqual([
      '2',
      juneOrder[0]?.name,
      juneOrder[0]?.idNumber,
      '低保对象',
      '终止',
      '2026-03-01',
      '2026-06-15',
      '城关镇民政办',
      '东村',
      '',
    ]);
    expect(values(4)?.[1]).toBe(juneOrder[1]?.name);
    expect(sheet.rowCount).toBe(4);
    // The ID is a text cell: all 18 characters, not a number Excel would round.
    const idCell = sheet.getRow(2).getCell(3);
    expect(idCell.type).toBe(ExcelJS.ValueType.String);
    expect(idCell.value).toBe(spouse.idNumber);
    expect(String(idCell.value)).toHaveLength(18);

    const logged = await accessLogOf(db, spouse.id);
    expect(logged).toMatchObject([
      {
        action: 'export',
        subjectKind: 'person',
        maskedSubject: `${spouse.idNumber.slice(0, 6)}********${spouse.idNumber.slice(14)}`,
        purpose: '医疗救助变动表 2026-04-01~2026-06-30',
      },
    ]);
    expect(JSON.stringify(logged)).not.toContain(spouse.idNumber);
  });

  it('March lists the new 低保 coverage of both members', async () => {
    const { db, as } = await office();
    const file = await exportCoverageChanges(db, as('supervisor'), {
      from: '2026-03-01',
      to: '2026-03-31',
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes.buffer);
    const sheet = book.worksheets[0];
    const kinds = [2, 3].map((r) => (sheet?.getRow(r).values as unknown[]).slice(4, 8));
    expect(kinds).toEqual([
      ['低保对象', '新增', '2026-03-01', '2026-06-15'],
      ['低保对象', '新增', '2026-03-01', '2026-06-15'],
    ]);
  });
});

describe('a category the county adds', () => {
  it('is refused until HQ publishes medical.category.<code>, then usable and named in the export', async () => {
    const { db, ctx, as, spouse } = await office();
    const disabled = { ...monitored(spouse.id, '2026-04-01', null), category: 'severeDisability' };
    await expect(addCoverage(db, ctx, disabled)).rejects.toMatchObject({
      fieldErrors: [{ path: 'category', code: 'medical.category_unknown' }],
    });
    // The rule as a pull from HQ stores it (reference data: desks never write it).
    await db.programmeRules.put({
      id: 'rule-disabled',
      officeId: 'reference',
      version: 1,
      hqVersion: 1,
      hlc: 'x',
      createdAt: '2026-03-01T00:00:00.000Z',
      createdBy: 'county',
      updatedAt: '2026-03-01T00:00:00.000Z',
      updatedBy: 'county',
      deleted: false,
      key: 'medical.category.severeDisability',
      areaCode: null,
      effectiveFrom: '2026-03-01',
      effectiveTo: null,
      value: 150,
      source: 'hq',
      note: '重度残疾人',
    });
    await addCoverage(db, ctx, disabled);
    const file = await exportCoverageChanges(db, as('supervisor'), {
      from: '2026-04-01',
      to: '2026-04-30',
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes.buffer);
    const line = (book.worksheets[0]?.getRow(2).values as unknown[]).slice(1);
    expect(line.slice(1, 7)).toEqual([
      spouse.name,
      spouse.idNumber,
      '重度残疾人',
      '新增',
      '2026-04-01',
      '',
    ]);
  });
});
