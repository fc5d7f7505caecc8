import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addMonths, monthOf } from '../../../shared/calendar/dates';
import { residentIdCheckChar } from '../../../shared/identity/residentId';
import { officeToday } from '../../../shared/validation/dates';
import { addUser, admin, startDeskAsAdmin, switchUser } from '../deskSession';
import { deskPage, putInStore } from './deskPage';
import { typeDate } from './dateInput';

/**
 * 发放 in Chromium on real IndexedDB: two active 低保 cases of this month (the county's
 * confirmation written into the store as a pull leaves it), one payee without an account.
 * The registrar draws the roll and sees the problem at its line, types the account
 * (a short number refused next to the field), draws again and checks it; the supervisor
 * approves it with the hash shown, exports the XLSX, marks a line unpaid; next month's
 * roll carries it.
 */
const desk = deskPage();
let page: Page;
const supervisor = { username: 'zhou', name: '周主管', password: 'desk-super-2026' };

beforeAll(() => {
  page = desk.page;
});

const shot = (name: string, height = 900) => desk.shot(name, height);

const id = (birth: string, seq: string) => {
  const first17 = `330102${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
};

/** Two households of one person each with an active 低保 case paid from `month`. */
async function seedCases(month: string) {
  const people = [
    { key: '1', name: '张三丰', idNumber: id('19420315', '042'), wagesFen: 13_200, account: true },
    { key: '2', name: '李秀英', idNumber: id('19500708', '021'), wagesFen: 3_200, account: false },
  ];
  // The rows built in the page, then stored as the desk stores them (sealed at rest).
  const rows = await page.evaluate(
    ({ people, month }) => {
      const byStore: Record<string, unknown[]> = {};
      const tx = {
        objectStore: (store: string) => ({
          put: (row: unknown) => (byStore[store] ??= []).push(row),
        }),
      };
      const meta = (rid: string) => ({
        id: rid,
        officeId: '330102001',
        version: 1,
        hqVersion: 1,
        hlc: '0000000000001-0000-hq',
        createdAt: '2026-11-01T01:00:00.000Z',
        createdBy: 'hq',
        updatedAt: '2026-11-01T01:00:00.000Z',
        updatedBy: 'hq',
        deleted: false,
      });
      for (const p of people) {
        const personId = `0190e000-0000-7000-8000-00000000000${p.key}`;
        const householdId = `0190e000-0000-7000-8000-00000000010${p.key}`;
        tx.objectStore('persons').put({
          ...meta(personId),
          name: p.name,
          idType: 'resident',
          idNumber: p.idNumber,
          sex: 'male',
          birthDate: '1942-03-15',
          phone: '',
          hukouType: 'rural',
          hukouAddress: '',
          currentAddress: '',
          disabilityGrade: 0,
          disabilityType: null,
          disabilityCertNo: '',
          seriousIllness: false,
          illnessNote: '',
          workCapacity: 'none',
          student: false,
          householdId,
          searchTokens: [p.name],
          idTails: [],
        });
        tx.objectStore('households').put({
          ...meta(householdId),
          headPersonId: personId,
          headName: p.name,
          members: [{ personId, relation: 'self' }],
          areaCode: '330102',
          hukouType: 'rural',
          villageName: '东村',
          address: '',
          searchTokens: [p.name],
        });
        tx.objectStore('cases').put({
          ...meta(`0190e000-0000-7000-8000-00000000020${p.key}`),
          programme: 'dibao',
          householdId,
          applicantPersonId: personId,
          applicantName: p.name,
          category: 'rural',
          areaCode: '330102',
          coveredPersonIds: [personId],
          income: { wagesFen: p.wagesFen, businessFen: 0, propertyFen: 0, transferFen: 0 },
          deductionsFen: 0,
          assets: {
            depositsFen: 0,
            securitiesFen: 0,
            vehicles: 0,
            extraHousingUnits: 0,
            note: '',
          },
          applicationDate: '2026-10-08',
          benefit: {
            standardId: null,
            standardFen: 63_200,
            coveredCount: 1,
            countedIncomeFen: p.wagesFen,
            benefitFen: 63_200 - p.wagesFen,
            classification: 'dibao',
            computedForDate: '2026-10-08',
            parts: [],
          },
          status: 'active',
          statusChangedAt: '2026-11-20T01:00:00.000Z',
          acceptedOn: '2026-10-09',
          noticeStartedOn: '2026-10-20',
          noticeEnd: '2026-10-29',
          decisionDue: '2026-11-20',
          decidedOn: '2026-11-20',
          paymentFrom: month,
          endedOn: null,
          paymentTo: null,
          helpedFirstOn: null,
          paperworkDue: null,
          reviewedOn: null,
          reviewDue: '2027-11-20',
          phaseOutUntil: null,
          programmeFacts: {},
          previousCaseId: null,
          searchTokens: [p.name],
        });
        if (p.account) {
          tx.objectStore('payeeAccounts').put({
            ...meta(`0190e000-0000-7000-8000-00000000030${p.key}`),
            personId,
            bankName: '浙江农商银行',
            accountNumber: '6228480012345678901',
            oneCard: true,
            note: '',
          });
        }
      }
      return byStore;
    },
    { people, month },
  );
  await putInStore(page, rows, admin);
}

// The office's month (China's), as the rolls screen opens on; a UTC month lags it for the
// last eight hours of every month.
const thisMonth = () => monthOf(officeToday(new Date()));
const nextMonth = () => addMonths(thisMonth(), 1);
const status = () => page.getByTestId('roll-status').innerText();

it('draws a roll, fixes its problem, approves it with its hash, exports it and carries an unpaid line', async () => {
  await page.goto(inject('rendererUrl'));
  await startDeskAsAdmin(page, { casework: true });
  await addUser(page, supervisor, '主管');
  const month = thisMonth();
  await seedCases(month);

  // The registrar draws this month's roll: the payee without an account is named at her line.
  await page.getByRole('button', { name: '资金发放' }).first().click();
  await page.getByRole('button', { name: '生成花名册' }).click();
  await expect.poll(status).toBe('草稿');
  const lines = page.getByTestId('roll-lines');
  expect(await lines.locator('tbody tr').count()).toBe(2);
  const her = page.locator('tbody tr', { hasText: '李秀英' });
  expect(await her.getByTestId('roll-problem').innerText()).toBe('李秀英 没有收款账户');
  // 632.00 − 132.00 = 500.00 and 632.00 − 32.00 = 600.00, 1,100.00 in all; IDs masked.
  const him = page.locator('tbody tr', { hasText: '张三丰' });
  expect(await him.innerText()).toContain('500.00');
  expect(await him.innerText()).toContain('330102********042');
  expect(await him.innerText()).toContain('****8901');
  expect(await him.innerText()).not.toContain('6228480012345678901');
  expect(await page.getByTestId('roll-total').innerText()).toBe('共 2 行，实发合计 1,100.00 元');
  expect(await page.getByRole('button', { name: '检查通过' }).isDisabled()).toBe(true);
  await shot('rolls-problems');

  // Her account: a short number is refused next to the field, a good one kept.
  await her.getByRole('button', { name: '录入账户' }).click();
  const dialog = page.getByTestId('payee-account-dialog');
  await dialog.getByLabel('开户行').fill('中国邮政储蓄银行');
  await dialog.getByLabel('账号').fill('62210000');
  await page.getByRole('button', { name: '保存' }).click();
  await expect
    .poll(() => dialog.getByText('账号应为 12 至 25 位数字').first().isVisible())
    .toBe(true);
  await shot('rolls-account-refused', 700);
  await dialog.getByLabel('账号').fill('6221 0000 0000 0000 77');
  await page.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'detached' });

  // Drawn again: no problem left; checked; the registrar has no approval button.
  await page.getByRole('button', { name: '重新生成' }).click();
  await expect.poll(() => page.getByTestId('roll-problem').count()).toBe(0);
  await page.getByRole('button', { name: '检查通过' }).click();
  await expect.poll(status).toBe('已检查');
  expect(await page.getByRole('button', { name: '批准并锁定' }).count()).toBe(0);
  const hash = await page.getByTestId('roll-hash').innerText();
  expect(hash).toMatch(/^[0-9a-f]{64}$/);

  // The supervisor approves with the hash shown.
  await switchUser(page, supervisor);
  await page.getByRole('button', { name: '资金发放' }).first().click();
  await expect.poll(status).toBe('已检查');
  await page.getByRole('button', { name: '批准并锁定' }).click();
  expect(await page.getByRole('dialog').innerText()).toContain(hash);
  await shot('rolls-approve-hash', 700);
  await page.getByTestId('roll-approve-confirm').click();
  await expect.poll(status).toBe('已批准（锁定）');
  expect(await page.getByRole('button', { name: '重新生成' }).count()).toBe(0);
  expect(await page.getByRole('button', { name: '生成更正版本' }).count()).toBe(1);

  // The XLSX for the bank (web build: a download), logged.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出花名册表格' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`发放花名册-dibao-${month}-第1版.xlsx`);
  await expect.poll(() => page.getByText('已导出（已记入查看记录）').isVisible()).toBe(true);

  // The bank returned his payment: marked unpaid with its reason.
  await him.getByRole('button', { name: '标记未到账' }).click();
  await page
    .getByTestId('unpaid-dialog')
    .getByLabel(/未到账原因/)
    .fill('账户已销户');
  await page.getByRole('dialog').getByRole('button', { name: '标记未到账' }).click();
  await expect.poll(() => him.innerText()).toContain('未到账：账户已销户（转入下月）');
  await shot('rolls-approved');

  // Next month: both continue, and his unpaid line is carried.
  await typeDate(page, '发放月份', nextMonth());
  await page.getByRole('button', { name: '生成花名册' }).click();
  await expect.poll(() => lines.locator('tbody tr').count()).toBe(3);
  expect(await page.getByTestId('roll-total').innerText()).toBe('共 3 行，实发合计 1,600.00 元');
  expect(await page.locator('tbody tr', { hasText: '上月未到账补发' }).innerText()).toContain(
    '账户已销户',
  );
  await shot('rolls-carried');
});
