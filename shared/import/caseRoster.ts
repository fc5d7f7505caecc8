import { isoDateFromParts } from '../calendar/dates';
import { parseMoneyCell, type CellResult } from './cells';
import type { RosterDefinition } from './roster';
import { rowHead } from './rowHead';
import type { RosterColumn, RowProblem } from './types';

/**
 * 在保对象名册 (active cases with their amounts): one row per household already paid by
 * the old system, brought in by the step 名册转入 (shared/programmes/rosterEnrolment.ts)
 * within the county's window. The household must be registered (households roster
 * first): it is found by the head's ID number. Covered: the members listed by ID number,
 * else the whole household (保障人数, when given, must match). 月收入 is the household's
 * monthly income, or one figure per listed member (800、0、0), summed; 月保障金额 is only
 * compared: the amount is the calculator's.
 */
export const caseRosterFields = [
  'headName',
  'headIdNumber',
  'programme',
  'coveredCount',
  'coveredIds',
  'incomeYuan',
  'amountYuan',
  'paymentFrom',
  'decidedOn',
] as const;
export type CaseRosterField = (typeof caseRosterFields)[number];

export const caseRosterColumns: readonly RosterColumn<CaseRosterField>[] = [
  { field: 'headName', required: true, headings: ['户主姓名', '户主', '申请人', '姓名'] },
  {
    field: 'headIdNumber',
    required: true,
    headings: ['户主身份证号', '户主身份证号码', '户主公民身份号码', '身份证号', '身份证号码'],
  },
  {
    field: 'programme',
    required: true,
    headings: ['保障类别', '保障项目', '救助类别', '救助项目', '类别'],
  },
  { field: 'coveredCount', required: false, headings: ['保障人数', '享受人数', '救助人数'] },
  {
    field: 'coveredIds',
    required: false,
    headings: ['保障人员身份证号', '保障成员身份证号', '保障对象身份证号', '成员身份证号'],
  },
  {
    field: 'incomeYuan',
    required: true,
    headings: ['月收入', '家庭月收入', '家庭月总收入', '月总收入'],
  },
  {
    field: 'amountYuan',
    required: false,
    headings: ['月保障金额', '保障金额', '月补助金额', '月发放金额', '补差金额'],
  },
  {
    field: 'paymentFrom',
    required: true,
    headings: ['开始发放年月', '发放起始年月', '起始发放月份', '开始发放月份', '开始发放时间'],
  },
  { field: 'decidedOn', required: false, headings: ['批准日期', '审批日期', '批准时间'] },
];

export type RosterProgramme = 'dibao' | 'tekun';

export interface CaseRosterRow {
  headName: string;
  headIdNumber: string;
  programme: RosterProgramme;
  coveredCount: number | null;
  /** Normalized ID numbers listed (empty: the whole household). */
  coveredIds: string[];
  incomeFen: number;
  /** The sheet's amount, compared with the calculator's (null: not given). */
  amountFen: number | null;
  paymentFrom: string;
  decidedOn: string | null;
}

/** 低保 / 城市低保 / 农村低保 / 最低生活保障 → dibao; 特困 / 特困供养 / 五保 → tekun. */
export function parseProgrammeCell(text: string): CellResult<RosterProgramme> {
  const t = text.replace(/\s/g, '');
  if (/低保|最低生活保障/.test(t)) return { ok: true, value: 'dibao' };
  if (/特困|五保/.test(t)) return { ok: true, value: 'tekun' };
  return { ok: false, code: 'import.programme', params: { value: text } };
}

/** 2026-12, 2026/12, 2026.12, 2026年12月, 202612 or a date in the month → '2026-12'. */
export function parseMonthCell(text: string): CellResult<string> {
  const t = text.trim();
  const match =
    /^(\d{4})[-/.年](\d{1,2})月?(?:[-/.](\d{1,2})日?|\d{1,2}日)?$/.exec(t) ??
    /^(\d{4})(\d{2})$/.exec(t);
  const day = match ? isoDateFromParts(Number(match[1]), Number(match[2]), 1) : null;
  if (!day) return { ok: false, code: 'import.month_format', params: { value: t } };
  return { ok: true, value: day.slice(0, 7) };
}

const problem = (
  row: number,
  field: CaseRosterField,
  group: RowProblem['group'],
  result: { code: string; params?: RowProblem['params'] },
): RowProblem => ({
  row,
  field,
  group,
  code: result.code,
  params: result.params,
  severity: 'error',
});

export const caseRoster: RosterDefinition<CaseRosterField, CaseRosterRow> = {
  type: 'cases',
  columns: caseRosterColumns,
  readRow(cells, row, today) {
    const { problems, id, date } = rowHead(caseRosterColumns, cells, row, today);
    const headIdNumber = id('headIdNumber');
    const coveredIds = cells.coveredIds
      .split(/[、，,;；\s]+/)
      .filter(Boolean)
      .map((text) => id('coveredIds', text))
      .filter(Boolean);
    let programme: RosterProgramme = 'dibao';
    if (cells.programme) {
      const p = parseProgrammeCell(cells.programme);
      if (p.ok) programme = p.value;
      else problems.push(problem(row, 'programme', 'value', p));
    }
    let coveredCount: number | null = null;
    if (cells.coveredCount) {
      const n = Number(cells.coveredCount.replace(/人$/, ''));
      if (Number.isInteger(n) && n >= 1 && n <= 30) coveredCount = n;
      else {
        const params = { value: cells.coveredCount };
        problems.push(
          problem(row, 'coveredCount', 'value', { code: 'import.covered_count', params }),
        );
      }
    }
    // Per member (one figure per person, 800、0、0): the household's income is their sum.
    let incomeFen: number | null = null;
    const incomes = cells.incomeYuan.split(/[、;；\s]+/).filter(Boolean);
    for (const text of incomes) {
      const m = parseMoneyCell(text);
      if (m.ok) incomeFen = (incomeFen ?? 0) + m.value;
      else problems.push(problem(row, 'incomeYuan', 'money', m));
    }
    if (incomes.length > 1 && coveredIds.length > 0 && incomes.length !== coveredIds.length) {
      const params = { incomes: incomes.length, persons: coveredIds.length };
      problems.push(
        problem(row, 'incomeYuan', 'value', { code: 'import.income_per_member', params }),
      );
    }
    let amountFen: number | null = null;
    if (cells.amountYuan) {
      const m = parseMoneyCell(cells.amountYuan);
      if (m.ok) amountFen = m.value;
      else problems.push(problem(row, 'amountYuan', 'money', m));
    }
    let paymentFrom = '';
    if (cells.paymentFrom) {
      const m = parseMonthCell(cells.paymentFrom);
      if (m.ok) paymentFrom = m.value;
      else problems.push(problem(row, 'paymentFrom', 'date', m));
    }
    const decidedOn = date('decidedOn') || null;
    if (problems.length > 0) return { value: null, problems };
    return {
      value: {
        headName: cells.headName,
        headIdNumber,
        programme,
        coveredCount,
        coveredIds,
        incomeFen: incomeFen ?? 0,
        amountFen,
        paymentFrom,
        decidedOn,
      },
      problems,
    };
  },
};
