import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { residentIdCheckChar } from '../../../shared/identity/residentId';
import { startDeskAsAdmin } from '../deskSession';
import { deskPage, screenshotsDir } from './deskPage';
import { compact, pdfPageTexts } from './pdfText';
import { officeToday } from '../../../shared/validation/dates';
import { dateGroup, typeDate } from './dateInput';

/**
 * 志愿服务 end to end in Chromium on real IndexedDB: register a person, make them a
 * volunteer, record a service (travel excluded), correct it with a reason, see both
 * versions, and issue the certificate with the masked ID and the corrected total.
 */
const desk = deskPage({ fullPage: false });
let page: Page;
const { shot } = desk;

const first17 = '33010219850721042';
const volunteer = { name: '陈志愿', id: first17 + residentIdCheckChar(first17) };
const maskedId = `330102********${volunteer.id.slice(14)}`;

beforeAll(() => {
  page = desk.page;
});

const queued = async () => Number(await page.getByTestId('queued-count').innerText());

it('records a volunteer service, corrects it, shows both versions and issues the certificate', async () => {
  await page.goto(inject('rendererUrl'));
  // A small office: its administrator also registers and keeps the community ledger.
  await startDeskAsAdmin(page, { casework: true });
  const today = officeToday(new Date());

  // A volunteer is always a registered person: register them as a one-person household.
  await page.getByRole('button', { name: '家庭登记' }).first().click();
  await page.getByLabel('村（社区）').fill('解放社区');
  await page.getByLabel('家庭住址').fill('城关镇解放路8号');
  await page.getByTestId('member-row-0').getByLabel('姓名').fill(volunteer.name);
  await page.getByTestId('member-row-0').getByLabel('身份证号码').fill(volunteer.id);
  await page.getByRole('button', { name: '保存家庭' }).click();
  await page.getByRole('button', { name: '申请低保' }).waitFor();
  const queuedBefore = await queued();

  // A community service record: a 协商议事 meeting the registered person attended.
  await page.getByRole('button', { name: '社区服务' }).first().click();
  await page.getByRole('button', { name: '新建服务记录' }).click();
  await page.getByLabel('服务类型').click();
  await page.getByRole('option', { name: '协商议事' }).click();
  await page.getByLabel('开始时间').fill(`${today}T14:00`);
  await page.getByLabel('结束时间').fill(`${today}T15:30`);
  await page.getByLabel('地点').fill('解放社区议事厅');
  await page.getByTestId('served-picker').fill('czy');
  await page.getByRole('option', { name: new RegExp(volunteer.name) }).click();
  await page.getByRole('button', { name: '保存记录' }).click();
  await page.getByTestId('service-facts').waitFor();
  expect(await page.getByTestId('service-facts').innerText()).toContain('1.5 小时');
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByTestId('service-list').waitFor();
  await page.mouse.move(0, 700);
  await shot('community-services');

  // The list's date filter: a date half cleared (its month, to type it again) keeps the
  // last whole date as the filter; the field emptied whole drops that bound. (The pickers
  // give null for both: DateField.tsx tells them apart.)
  const count = () => page.getByTestId('service-count').innerText();
  await expect.poll(count).toBe('共 1 条');
  await typeDate(page, '截止日期', `${Number(today.slice(0, 4)) - 1}-06-15`);
  await expect.poll(count).toBe('共 0 条');
  await dateGroup(page, '截止日期').locator('[role="spinbutton"]').nth(1).click();
  await page.keyboard.press('Backspace');
  await expect.poll(() => dateGroup(page, '截止日期').innerText()).toMatch(/月/);
  await page.waitForTimeout(300); // a filter dropped would show at once
  expect(await count()).toBe('共 0 条');
  await dateGroup(page, '截止日期').locator('[role="spinbutton"]').first().click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await expect.poll(count).toBe('共 1 条');

  // An activity the service belongs to, organised by the office.
  await page.getByRole('tab', { name: '志愿活动' }).click();
  await page.getByRole('button', { name: '新建活动' }).click();
  const activity = page.getByTestId('activity-dialog');
  await activity.getByLabel('活动名称').fill('敬老助医志愿服务');
  await activity.getByLabel('地点').fill('城关镇');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByTestId('activity-list').waitFor();

  // Make them a volunteer, picked from the registry by pinyin initials.
  await page.getByRole('tab', { name: '志愿者台账' }).click();
  await page.getByRole('button', { name: '登记志愿者' }).click();
  const dialog = page.getByTestId('volunteer-dialog');
  await page.getByTestId('volunteer-person').fill('czy');
  await page.getByRole('option', { name: new RegExp(volunteer.name) }).click();
  await dialog.getByLabel('志愿者编号').fill('ZJ-330102-0001');
  await dialog.getByLabel('技能特长').fill('助老');
  await dialog.getByLabel('技能特长').press('Enter');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByRole('button', { name: '登记服务' }).waitFor();

  // 08:00–10:30 with 30 minutes of travel: 2 hours of actual service.
  await page.getByRole('button', { name: '登记服务' }).click();
  await page.getByLabel('所属活动').click();
  await page.getByRole('option', { name: /敬老助医志愿服务/ }).click();
  await page.getByTestId('vs-content').fill('陪同独居老人就医');
  await page.getByTestId('vs-place').fill('城关镇卫生院');
  await page.getByTestId('vs-startAt').fill(`${today}T08:00`);
  await page.getByTestId('vs-endAt').fill(`${today}T10:30`);
  // Travel emptied is 必填, not 0 minutes; nothing is saved.
  const travel = page.getByTestId('vs-travelMinutes');
  await travel.fill('');
  await page.getByRole('button', { name: '保存记录' }).click();
  await expect.poll(() => travel.getAttribute('aria-invalid')).toBe('true');
  await page.getByTestId('volunteer-service-dialog').getByText('必填').first().waitFor();
  await travel.fill('30');
  await expect.poll(() => page.getByTestId('vs-actual').innerText()).toContain('2 小时');
  await page.getByRole('button', { name: '保存记录' }).click();
  await page.getByTestId('volunteer-service-dialog').waitFor({ state: 'detached' });
  await expect.poll(() => page.getByTestId('volunteer-total').innerText()).toContain('2 小时');

  // Correct it: the end was 11:00, so 2.5 hours. The old version stays, with the reason.
  await page.getByTestId('volunteer-service-row').first().click();
  await page.getByRole('button', { name: '更正' }).click();
  await page.getByTestId('vs-endAt').fill(`${today}T11:00`);
  await page.getByLabel('更正理由').fill('结束时间登记有误，应为 11:00');
  await page.getByRole('button', { name: '保存更正' }).click();
  await page.getByTestId('volunteer-service-dialog').waitFor({ state: 'detached' });
  const versions = page.getByTestId('record-version');
  await expect.poll(() => versions.count()).toBe(2);
  const history = await page.getByTestId('record-history').innerText();
  expect(history).toContain('第 2 版');
  expect(history).toContain('第 1 版');
  expect(history).toContain('结束时间登记有误');
  expect(history).toMatch(/2 小时\s*→\s*2\.5 小时/);
  await shot('community-version-history');

  await page.getByRole('button', { name: '返回' }).click();
  await expect.poll(() => page.getByTestId('volunteer-total').innerText()).toContain('2.5 小时');
  await page.mouse.move(0, 700);
  await shot('community-volunteer-services');

  // The certificate: masked ID, corrected total, issued by the logged-in user.
  await page.getByRole('button', { name: '开具志愿服务证明' }).click();
  await page.getByLabel('联系电话').fill('0571-88880000');
  await page.getByRole('button', { name: '开具证明' }).click();
  await page.getByTestId('certificate').waitFor();
  expect(await page.getByTestId('certificate-id').innerText()).toBe(maskedId);
  expect(await page.getByTestId('certificate-total').innerText()).toContain('2.5 小时');
  expect(await page.getByTestId('certificate-number').innerText()).toMatch(/ZYFW\d{8}-[0-9A-F]{6}/);
  expect(await page.getByTestId('certificate').innerText()).not.toContain(volunteer.id);
  await shot('community-certificate');

  // What printing and printToPDF see: only the certificate, on A4.
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('#root').isVisible()).toBe(false);
  if (screenshotsDir)
    await page.screenshot({ path: `${screenshotsDir}/community-certificate-print.png` });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });
  // The page header: the issuer, the paper's title and the date; the page line at the foot.
  const [certificatePage, ...more] = pdfPageTexts(pdf).map(compact);
  expect(more).toEqual([]);
  expect(certificatePage).toContain(officeToday(new Date()));
  expect(certificatePage).toContain('第1页共1页');

  // Service record, activity, volunteer, service, its correction, certificate: six changes.
  await expect.poll(queued).toBe(queuedBefore + 6);
  await page.getByRole('button', { name: '社区服务' }).first().click();
  await page.getByRole('tab', { name: '志愿者台账' }).click();
  await expect.poll(() => page.getByTestId('volunteer-row').first().innerText()).toContain('2.5');
  await shot('community-volunteer-ledger');

  // English is the second language: the ledger has English words, no raw codes.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('tab', { name: 'Volunteer ledger' }).waitFor();
  await page.getByTestId('volunteer-row').first().click();
  await expect.poll(() => page.getByTestId('volunteer-total').innerText()).toContain('2.5 h');
  await shot('community-english');
  await page.getByRole('button', { name: '中文' }).click();
});
