import { describe, expect, it } from 'vitest';
import type { RowProblem } from '@shared/import/types';
import type { RosterSheet } from '../../../renderer/src/db/repositories/import/readSheet';
import { calculateApplication } from '@shared/programmes/caseEngine';
import { commitCases, dryRunCases } from '../../../renderer/src/db/repositories/import/caseImport';
import { ImportCancelled } from '../../../renderer/src/db/repositories/import/importRun';
import { reportWorkbook } from '../../../renderer/src/db/repositories/import/reportSheet';
import { drawMonthRoll } from '../../../renderer/src/db/repositories/rolls/paymentRolls';
import { listStandards, loadRuleBook } from '../../../renderer/src/db/repositories/reference';
import { loadSettings } from '../../../renderer/src/db/repositories/settings';
import { translate, type Translate } from '../../../renderer/src/i18n/translate';
import { problemText } from '../../../renderer/src/screens/import/problemText';
import { openOfficeDesk } from '../../support/syncDesks';
import { uniquePerson } from '../../support/officeWork';
import { caseFile, families, storeWindow } from './caseRosterKit';
import { readXlsx } from './importFiles';

const today = '2026-03-02';

function said(p: RowProblem | undefined, sheet: RosterSheet) {
  if (!p) throw new Error('no problem');
  return problemText(t, p, sheet);
}
const t: Translate = (key, params) => translate('zh-CN', key, params);
let deskCount = 0;

async function office(window = { effectiveFrom: '2026-02-01', effectiveTo: '2026-04-30' }) {
  const desk = await openOfficeDesk('office-a', `e${++deskCount}`);
  await storeWindow(desk.db, window);
  const [a, b, c] = await families(desk, 3);
  if (!a || !b || !c) throw new Error('no families');
  return { desk, a, b, c };
}

/** The calculator's amount for a household of two with this income, today. */
async function computed(desk: Awaited<ReturnType<typeof office>>['desk'], incomeFen: number) {
  const [standards, settings, rules] = await Promise.all([
    listStandards(desk.db),
    loadSettings(desk.db),
    loadRuleBook(desk.db),
  ]);
  if (!settings) throw new Error('no settings');
  return calculateApplication(
    {
      programme: 'dibao',
      category: 'rural',
      areaCode: '330102',
      coveredPersonIds: ['a', 'b'],
      income: { wagesFen: incomeFen, businessFen: 0, propertyFen: 0, transferFen: 0 },
      deductionsFen: 0,
      assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
      applicationDate: today,
    } as never,
    today,
    { standards, settings, rules },
  ).benefitFen;
}

describe('active cases roster (在保对象名册)', () => {
  it('dry run: the household by its head, the amounts side by side, and every bad row named', async () => {
    const { desk, a, b, c } = await office();
    const stranger = uniquePerson('陌生人');
    const expected = await computed(desk, 30_000);
    const { sheet, mapping } = await caseFile([
      // Good; the sheet's amount differs from the calculator's: a warning, the row goes in.
      [a.head.name, a.head.idNumber, '农村低保', '2', '300', '1.00', '2026-03', '2021-06-15'],
      // Good, no amount given; the month written 2026年3月.
      [b.head.name, b.head.idNumber, '低保', '', '300', '', '2026年3月', ''],
      // Not registered.
      ['陌生人', stranger.idNumber, '低保', '1', '0', '', '2026-03', ''],
      // Before the window's first month (February).
      [c.head.name, c.head.idNumber, '低保', '2', '0', '', '2026-01', ''],
      // Money not a number, month not a month, a programme not known.
      [c.head.name, c.head.idNumber, '救济', '2', '三百', '', '下月', ''],
      // The same head twice in the file.
      [a.head.name, a.head.idNumber, '低保', '2', '300', '', '2026-03', ''],
    ]);
    const dry = await dryRunCases(desk.db, sheet, mapping, today);
    const byRow = (row: number) => dry.problems.filter((p) => p.row === row).map((p) => p.code);
    expect(byRow(0)).toEqual(['import.amount_differs']);
    const warning = dry.problems.find((p) => p.row === 0);
    expect(warning?.severity).toBe('warning');
    expect(said(warning, sheet)).toBe(
      `名册金额 1.00 元，按现行标准计算 ${(expected / 100).toFixed(2)} 元，以计算为准`,
    );
    expect(byRow(1)).toEqual([]);
    expect(byRow(2)).toEqual(['import.not_registered']);
    expect(byRow(3)).toEqual(['enrol.payment_before_window']);
    expect(byRow(4).sort()).toEqual(
      ['import.programme', 'import.month_format', 'money.format'].sort(),
    );
    expect(byRow(5)).toContain('import.duplicate_in_file');
    expect([...dry.cases.keys()].sort()).toEqual([0, 1, 5]);
    // The report downloads with the problems in a column.
    const report = await readXlsx(
      await reportWorkbook(sheet, dry.problems, (p) => problemText(t, p, sheet)),
    );
    expect(report.flat().join('|')).toContain('早于名册转入期');
  });

  it('a closed window is an error on every row, saying when the county opened it', async () => {
    const { desk, a, b } = await office({ effectiveFrom: '2026-01-01', effectiveTo: '2026-02-28' });
    const { sheet, mapping } = await caseFile([
      [a.head.name, a.head.idNumber, '低保', '2', '300', '', '2026-03', ''],
      [b.head.name, b.head.idNumber, '低保', '2', '300', '', '2026-03', ''],
      // Not even registered: the closed window is said first, as on every row.
      ['陌生人', uniquePerson('陌生人').idNumber, '低保', '1', '0', '', '2026-03', ''],
    ]);
    const dry = await dryRunCases(desk.db, sheet, mapping, today);
    expect(dry.problems.map((p) => [p.row, p.code, p.severity])).toEqual([
      [0, 'import.enrol_window_was', 'error'],
      [1, 'import.enrol_window_was', 'error'],
      [2, 'import.enrol_window_was', 'error'],
    ]);
    expect(said(dry.problems[0], sheet)).toContain('（2026-01-01 至 2026-02-28）');
  });

  it('commits draft + 名册转入 per row in one transaction, at the calculator’s amount; the roll pays from paymentFrom', async () => {
    const { desk, a, b } = await office();
    const expected = await computed(desk, 30_000);
    const { sheet, mapping } = await caseFile([
      [a.head.name, a.head.idNumber, '低保', '2', '300', '999.00', '2026-04', '2021-06-15'],
      [b.head.name, b.head.idNumber, '低保', '2', '300', '', '2026-03', ''],
    ]);
    const dry = await dryRunCases(desk.db, sheet, mapping, today);
    expect(dry.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const queuedBefore = await desk.db.queue.count();
    // A registrar may not.
    await expect(commitCases(desk.db, desk.ctx, { sheet, mapping, dry })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const progress: number[] = [];
    const done = await commitCases(
      desk.db,
      desk.as('supervisor'),
      { sheet, mapping, dry },
      { onProgress: (p) => progress.push(p.done) },
    );
    expect(done).toEqual({ cases: 2 });
    expect(progress.at(-1)).toBe(2);
    const cases = await desk.db.cases.toArray();
    const of = (id: string) => cases.find((c) => c.applicantPersonId === id);
    expect(of(a.head.id)).toMatchObject({
      status: 'active',
      paymentFrom: '2026-04',
      decidedOn: '2021-06-15',
      applicationDate: today,
      benefit: { benefitFen: expected, computedForDate: today },
    });
    // No approval day: the step's day.
    expect(of(b.head.id)).toMatchObject({
      status: 'active',
      paymentFrom: '2026-03',
      decidedOn: today,
    });
    // Per case: its create, its step and the step's history event — all one transaction.
    const queued = (await desk.db.queue.toArray()).slice(queuedBefore);
    expect(queued.map((q) => `${q.kind}:${q.op}`)).toEqual([
      'assistanceCase:create',
      'assistanceCase:transition',
      'caseEvent:create',
      'assistanceCase:create',
      'assistanceCase:transition',
      'caseEvent:create',
    ]);
    expect(new Set(queued.map((q) => q.txId)).size).toBe(1);
    const events = await desk.db.caseEvents.toArray();
    expect(events.map((e) => [e.action, e.opinion])).toEqual([
      ['enrol_from_roster', '名册转入（原名册月保障金额 999.00 元）'],
      ['enrol_from_roster', '名册转入'],
    ]);

    // The roll pays each from its own month, at the calculator's amount, no back pay.
    const march = await drawMonthRoll(desk.db, desk.ctx, 'dibao', '2026-03');
    const line = (l: (typeof march.lines)[number]) => [
      l.headName,
      l.kind,
      l.monthlyFen,
      l.adjustments,
    ];
    expect(march.lines.map(line)).toEqual([[b.head.name, 'new', expected, []]]);
    desk.advanceDays(31);
    const april = await drawMonthRoll(desk.db, desk.ctx, 'dibao', '2026-04');
    // The case paid from April starts in April: nothing owed for the months before.
    expect(april.lines.filter((l) => l.caseId === of(a.head.id)?.id).map(line)).toEqual([
      [a.head.name, 'new', expected, []],
    ]);

    // The same file again: both households have an open case now.
    const again = await dryRunCases(desk.db, sheet, mapping, today);
    expect(again.problems.map((p) => p.code)).toEqual(['import.case_open', 'import.case_open']);
    expect(said(again.problems[0], sheet)).toBe(
      `${a.head.name} 家已有在办的救助案件（最低生活保障（低保），保障中）：不能再转入`,
    );
  });

  it('a cancel halfway leaves nothing behind', async () => {
    const { desk, a, b, c } = await office();
    const { sheet, mapping } = await caseFile(
      [a, b, c].map((f) => [f.head.name, f.head.idNumber, '低保', '2', '300', '', '2026-03', '']),
    );
    const dry = await dryRunCases(desk.db, sheet, mapping, today);
    const queuedBefore = await desk.db.queue.count();
    const controller = new AbortController();
    let written = 0;
    const countCreate = () => {
      written++;
      if (written === 2) controller.abort();
    };
    desk.db.cases.hook('creating', countCreate);
    await expect(
      commitCases(
        desk.db,
        desk.as('supervisor'),
        { sheet, mapping, dry },
        { signal: controller.signal },
      ),
    ).rejects.toBeInstanceOf(ImportCancelled);
    desk.db.cases.hook('creating').unsubscribe(countCreate);
    expect(written).toBe(2);
    expect(await desk.db.cases.count()).toBe(0);
    expect(await desk.db.caseEvents.count()).toBe(0);
    expect(await desk.db.queue.count()).toBe(queuedBefore);
  });
});
