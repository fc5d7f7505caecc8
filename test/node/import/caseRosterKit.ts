import ExcelJS from 'exceljs';
import { findHeaderRow, matchColumns } from '@shared/import/headings';
import { caseRosterColumns } from '@shared/import/caseRoster';
import type { ProgrammeRuleData } from '@shared/programmes/ruleBook';
import {
  readRosterFile,
  rosterSheet,
} from '../../../renderer/src/db/repositories/import/readSheet';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import { registerFamily } from '../../support/officeWork';
import type { SyncDesk } from '../../support/syncDesks';

/** 在保对象名册 as offices write it: a title row, then the headings, then one row a household. */
export const caseHeadings = [
  '序号',
  '户主姓名',
  '户主身份证号',
  '保障类别',
  '保障人数',
  '月收入',
  '月保障金额',
  '开始发放年月',
  '批准日期',
];

export async function caseFile(rows: string[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('在保对象');
  sheet.addRow(['城关镇低保在保对象花名册']);
  sheet.addRow(caseHeadings);
  rows.forEach((row, i) => sheet.addRow([String(i + 1), ...row]));
  const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer).slice().buffer;
  const all = await readRosterFile('cases.xlsx', bytes);
  const read = rosterSheet(all, findHeaderRow(all, caseRosterColumns));
  return { sheet: read, mapping: matchColumns(read.header, caseRosterColumns) };
}

/** The county's window as a pull from HQ stores it (reference data: desks never write it). */
export async function storeWindow(
  db: DeskDatabase,
  window: Pick<ProgrammeRuleData, 'effectiveFrom' | 'effectiveTo'> & { value?: number },
) {
  await db.programmeRules.put({
    id: 'rule-roster-enrolment',
    officeId: 'reference',
    version: 1,
    hqVersion: 1,
    hlc: 'x',
    createdAt: '2026-02-01T00:00:00.000Z',
    createdBy: 'county',
    updatedAt: '2026-02-01T00:00:00.000Z',
    updatedBy: 'county',
    deleted: false,
    key: 'roster.enrolment',
    areaCode: null,
    value: window.value ?? 1,
    source: 'hq',
    note: '名册转入期',
    effectiveFrom: window.effectiveFrom,
    effectiveTo: window.effectiveTo,
  });
}

/** Households of two (head and spouse), registered as the households roster leaves them. */
export async function families(desk: SyncDesk, count: number) {
  const made = [];
  for (let i = 0; i < count; i++) {
    const family = await registerFamily(desk);
    const head = family.members.find((m) => m.relation === 'self')?.person;
    if (!head) throw new Error('no head');
    made.push({ family, head });
  }
  return made;
}
