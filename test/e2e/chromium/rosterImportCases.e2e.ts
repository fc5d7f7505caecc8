import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { officeToday } from '@shared/validation/dates';
import { putInStore } from './deskPage';
import {
  chooseAndCheck,
  group,
  openRoster,
  officeDesk,
  seedHouseholds,
  wang,
  xlsx,
  zhao,
} from './rosterImportPage';

/**
 * 在保对象名册 in Chromium on real IndexedDB: after the office's households were imported
 * through the screen, the active cases are refused until the county opens its window,
 * then brought in at the calculator's amounts with the step 名册转入 in their history.
 */
const desk = officeDesk(seedHouseholds);
let page: Page;
const { shot } = desk;

beforeAll(() => {
  page = desk.page;
});

/** The county's 名册转入期, stored as a pull from HQ stores reference data. */
const enrolmentWindowFromHq = () =>
  putInStore(page, {
    programmeRules: [
      {
        id: 'rule-roster-enrolment-e2e',
        officeId: 'reference',
        version: 1,
        hqVersion: 1,
        hlc: 'x',
        createdAt: '2026-01-01T00:00:00.000Z',
        createdBy: 'county',
        updatedAt: '2026-01-01T00:00:00.000Z',
        updatedBy: 'county',
        deleted: false,
        key: 'roster.enrolment',
        areaCode: null,
        effectiveFrom: '2026-01-01',
        effectiveTo: null,
        value: 1,
        source: 'hq',
        note: '名册转入期',
      },
    ],
  });

it('brings the active cases in within the county’s window, at the calculator’s amounts', async () => {
  await openRoster(page, /在保对象/);
  // The office's (China's) month, the one the desk judges the import by.
  const month = officeToday(new Date()).slice(0, 7);
  const bytes = await xlsx(
    '在保对象',
    [
      '户主姓名',
      '户主身份证号',
      '保障类别',
      '保障人数',
      '月收入',
      '月保障金额',
      '开始发放年月',
      '批准日期',
    ],
    [
      ['王大山', wang, '农村低保', '3', '600', '1500', month, '2023-05-10'],
      ['赵一', zhao, '低保', '1', '0', '', month, ''],
    ],
  );
  const summary = page.getByTestId('import-summary');

  // No window yet: every row is refused, saying so.
  await chooseAndCheck(page, '在保对象.xlsx', bytes);
  await expect.poll(() => summary.innerText()).toContain('共 2 行：2 行有错误');
  expect(await group(page, 'window')).toContain('县局尚未开放名册转入期');
  expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
  await shot('import-cases-window-closed', 1100);

  // The county opens it: the sheet's amount beside the calculator's, a warning only.
  await enrolmentWindowFromHq();
  await chooseAndCheck(page, '在保对象-转入期.xlsx', bytes);
  await expect.poll(() => page.getByTestId('import-commit').innerText()).toBe('转入 2 户在保对象');
  expect(await group(page, 'amount')).toMatch(
    /名册金额 1500\.00 元，按现行标准计算 [\d.]+ 元，以计算为准/,
  );
  await shot('import-cases-report', 1100);
  await page.getByTestId('import-commit').click();
  await expect
    .poll(() => page.getByTestId('import-outcome').innerText())
    .toContain('导入完成：2 户已转入在保');

  // The case stands 保障中 with the step 名册转入 in its history.
  await page.getByTestId('import-outcome').getByRole('button', { name: '查看救助案件' }).click();
  await page.getByTestId('case-row').filter({ hasText: '王大山' }).click();
  await page.getByText('名册转入').first().waitFor();
  expect(await page.getByText('保障中').count()).toBeGreaterThan(0);
  await shot('import-cases-case', 1100);
});
