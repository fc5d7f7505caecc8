import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { residentIdCheckChar } from '../../../shared/identity/residentId';
import { addUser, admin, completeFirstRun, logIn, switchUser } from '../deskSession';
import { deskPage, readStore } from './deskPage';

/**
 * The papers in Chromium on real IndexedDB: two households of 东村 taken to 公示 through
 * the workflow panel, the village's 公示 list (a head whose name carries a phone number
 * prints masked), the 审批表 and the authorisations of the family case, then the other
 * case refused at the township (delegated) and its notice of refusal. Each paper is
 * shown in print media (what printing and printToPDF lay out) and printed to PDF.
 */
const desk = deskPage();
let page: Page;
const { shot } = desk;
const supervisor = { username: 'li', name: '李主管', password: 'desk-super-2026' };
const id = (first17: string) => first17 + residentIdCheckChar(first17);
const head = { name: '张三丰', id: id('33010219600504013') };
const spouse = { name: '李秀英', id: id('33010219620815024') };
const child = { name: '张小明', id: id('33010220120309031') };
const phone = '13812345678';
const loner = { name: `钱多多${phone}`, id: id('33010219580311051') };

beforeAll(() => {
  page = desk.page;
});

/** What the print path lays out: a picture of the print view, and the PDF itself. */
async function printed(name: string): Promise<number> {
  const pages = await desk.printed(name);
  // Every page carries the office, the date and 第 N 页 共 M 页 (CSS @page margin boxes).
  pages.forEach((text, i) => {
    expect(text).toContain('城关镇民政办');
    expect(text).toContain(`第${i + 1}页共${pages.length}页`);
  });
  return pages.length;
}

async function takeStep(action: string, opinion?: string) {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByTestId('transition-dialog');
  if (opinion) await dialog.getByLabel('意见').fill(opinion);
  await page.getByTestId('transition-confirm').click();
  await dialog.waitFor({ state: 'detached' });
}

async function household(members: { name: string; id: string }[], relations: string[]) {
  await page.getByRole('button', { name: '家庭登记' }).first().click();
  await page.getByLabel('村（社区）').fill('东村');
  await page.getByLabel('家庭住址').fill('城关镇东村3组12号');
  for (let i = 1; i < members.length; i += 1) {
    await page.getByRole('button', { name: '添加成员' }).click();
  }
  for (const [i, m] of members.entries()) {
    const row = page.getByTestId(`member-row-${i}`);
    await row.getByLabel('姓名').fill(m.name);
    await row.getByLabel('身份证号码').fill(m.id);
    const relation = relations[i - 1];
    if (relation) {
      await row.getByLabel('与户主关系').click();
      await page.getByRole('option', { name: relation }).click();
    }
  }
  await page.getByRole('button', { name: '保存家庭' }).click();
  await page.getByRole('button', { name: '申请低保' }).click();
  await page.getByLabel('工资性收入').fill('300');
  await page.getByRole('button', { name: '保存申请' }).click();
  await page.getByTestId('workflow-panel').waitFor();
  await takeStep('submit');
  await takeStep('accept');
  await takeStep('start_investigation');
  await takeStep('record_opinion', '经入户调查，家庭人均收入低于当地低保标准，同意公示。');
  await takeStep('start_notice');
  await expect.poll(() => page.getByTestId('case-status').innerText()).toContain('公示中');
}

/** The county's delegation of 审核确认 to this office, as HQ's reference data arrives. */
async function delegationArrives() {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('minzheng-desk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error as Error);
    });
    const at = new Date().toISOString();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('delegations', 'readwrite');
      tx.objectStore('delegations').put({
        id: '0193a000-0000-7000-8000-00000000d001',
        officeId: 'reference',
        version: 1,
        hlc: `${at}-0000-county`,
        createdAt: at,
        createdBy: 'county',
        updatedAt: at,
        updatedBy: 'county',
        deleted: false,
        hqVersion: 1,
        office: '330102001',
        confirmationDelegated: true,
        effectiveFrom: '2026-01-01',
        note: '',
      });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error as Error);
    });
    db.close();
  });
}

/** The access log's entries for printed papers, as the desk reads them (masked subjects only). */
async function paperLog(): Promise<{ purpose: string; maskedSubject: string; action: string }[]> {
  const all = await readStore<{ purpose: string; maskedSubject: string; action: string }>(
    page,
    'accessLog',
  );
  return all.filter((e) => e.purpose.startsWith('paper:'));
}

declare global {
  interface Window {
    printedPapers: { text: string; logged: number }[];
  }
}

/** The print copy's text, as the print stylesheet would lay it out. */
async function printCopy(): Promise<string> {
  return page.evaluate(() => document.querySelector('.desk-print-only')?.textContent ?? '');
}

/**
 * window.print, stood in for: records what the print copy held at the moment of
 * printing and how many access-log entries had been added by then.
 */
async function capturePrints() {
  await page.evaluate(async () => {
    // The access log's rows are sealed at rest, but they can be counted: how many there
    // were as printing was set up, and how many the moment the print starts.
    const count = () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('minzheng-desk');
        open.onsuccess = () => {
          const request = open.result.transaction('accessLog').objectStore('accessLog').count();
          request.onsuccess = () => {
            resolve(request.result);
            open.result.close();
          };
        };
      });
    const before = await count();
    window.printedPapers = [];
    window.print = () => {
      const text = document.querySelector('.desk-print-only')?.textContent ?? '';
      const entry = { text, logged: -1 };
      window.printedPapers.push(entry);
      void count().then((n) => {
        entry.logged = n - before;
      });
    };
  });
}

async function openPaper(kind: string) {
  await page.getByTestId('paper-menu').click();
  await page.getByTestId(`paper-${kind}`).click();
}

it('prints the 公示 list, the 审批表, the authorisations and the notice of refusal', async () => {
  await page.goto(inject('rendererUrl'));
  await completeFirstRun(page);
  // The county's delegation, as a pull stores it. Written behind Dexie's back, so before
  // any screen reads delegations: Dexie's live queries cache what they read and do not
  // see a write made outside Dexie.
  await delegationArrives();
  await logIn(page, admin);
  await addUser(page, supervisor, '主管');
  await switchUser(page, supervisor);

  await household([loner], []);
  await household([head, spouse, child], ['配偶', '子女']);

  // The case's 打印 menu: the module's four papers; no refusal for a case not refused.
  await page.getByTestId('paper-menu').click();
  await expect
    .poll(() => page.getByTestId('paper-refusal').getAttribute('aria-disabled'))
    .toBe('true');
  await expect.poll(() => page.getByTestId('paper-refusal').innerText()).toContain('未被不予批准');
  await shot('papers-case-menu');
  await page.keyboard.press('Escape');

  // 审批表: the members, the computation and every step. Its full ID numbers are printed
  // only by a logged print: on screen, and in the print copy at any other time (a print
  // from the browser's own menu), they are masked.
  await openPaper('approvalForm');
  const form = page.getByTestId('case-paper');
  await form.waitFor();
  const masked = (idNumber: string) => `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`;
  expect(await page.getByTestId('case-paper-members').innerText()).toContain(masked(spouse.id));
  expect(await form.innerText()).not.toContain(spouse.id);
  await expect.poll(() => page.getByTestId('case-paper-history').innerText()).toContain('开始公示');
  expect(await page.getByTestId('case-paper-history').innerText()).toContain('李主管（主管）');
  await shot('papers-approval-form');
  expect(await printed('papers-approval-form')).toBeGreaterThanOrEqual(1);
  expect(await printCopy()).not.toContain(spouse.id);
  // 打印: the log entry first, then the print dialog sees the full numbers, then the
  // copy is masked again.
  await capturePrints();
  await page.getByTestId('paper-print').click();
  await expect.poll(() => page.evaluate(() => window.printedPapers.length)).toBe(1);
  // The log count is read from IndexedDB as the print starts (asynchronously): wait for it.
  await expect.poll(() => page.evaluate(() => window.printedPapers[0]?.logged)).not.toBe(-1);
  const atPrint = await page.evaluate(() => window.printedPapers[0]);
  expect(atPrint?.text).toContain(spouse.id);
  expect(atPrint?.logged).toBe(1);
  expect(await printCopy()).not.toContain(spouse.id);
  await expect.poll(async () => (await paperLog()).length).toBe(1);
  expect((await paperLog())[0]).toMatchObject({
    action: 'print',
    purpose: 'paper:approvalForm',
    maskedSubject: `${head.id.slice(0, 6)}********${head.id.slice(14)}`,
  });

  // 授权书: one page for each adult (the child is named on the applicant's page).
  await page.getByRole('button', { name: '返回' }).first().click();
  await openPaper('authorisation');
  await page.getByTestId('case-paper').waitFor();
  expect(await page.getByTestId('case-paper').getByTestId('authorisation-page').count()).toBe(2);
  expect(await page.getByTestId('case-paper').innerText()).toContain(child.name);
  await shot('papers-authorisation');
  expect(await printed('papers-authorisation')).toBe(2);

  // The 公示 list of 东村 for the period: both cases, the phone masked, the period shown.
  await page.getByRole('button', { name: '返回' }).first().click();
  await openPaper('noticeList');
  await page.getByLabel('异议受理单位及电话').waitFor();
  await expect.poll(() => page.getByText('请填写受理异议的单位和电话').count()).toBe(1);
  await page.getByLabel('异议受理单位及电话').fill('城关镇民政办（电话 0571-88001234）');
  const list = page.getByTestId('notice-list');
  await list.waitFor();
  expect(await list.getByTestId('notice-row').count()).toBe(2);
  const text = await list.innerText();
  expect(text).not.toContain(phone);
  expect(text).toContain('钱多多***********');
  expect(text).not.toContain(head.id);
  expect(text).toContain(`${head.id.slice(0, 6)}********${head.id.slice(14)}`);
  expect(text).not.toContain('3组12号');
  expect(await list.getByTestId('notice-period').innerText()).toMatch(/公示期：\d{4}-\d\d-\d\d 至/);
  await shot('papers-notice-list');
  expect(await printed('papers-notice-list')).toBe(1);
  await page.getByTestId('paper-print').click();
  // One entry per listed case, the village and period named, no phone anywhere.
  await expect.poll(async () => (await paperLog()).length).toBe(3);
  const listed = (await paperLog()).filter((e) => e.purpose.startsWith('paper:noticeList'));
  expect(listed).toHaveLength(2);
  expect(JSON.stringify(listed)).not.toContain(phone);
  expect(listed[0]?.purpose).toMatch(/^paper:noticeList 东村 \d{4}-\d\d-\d\d~/);

  // The print stylesheet on a long list (the data path is above; here the print copy's
  // row is cloned): it runs over pages, the header repeated on each.
  await page.evaluate(() => {
    const body = document.querySelector('.desk-print-only tbody');
    const row = body?.querySelector('tr');
    if (!body || !row) throw new Error('no print copy of the list');
    for (let i = 0; i < 70; i += 1) body.insertBefore(row.cloneNode(true), body.lastElementChild);
  });
  expect(await printed('papers-notice-list-long')).toBeGreaterThanOrEqual(2);

  // The loner's case refused at the township under the county's delegation.
  await page.getByRole('button', { name: '救助案件' }).first().click();
  await page.getByTestId('case-row').filter({ hasText: '钱多多' }).click();
  await takeStep('deny_at_township', '家庭存款超过当地规定的财产限额（经银行查询核实）。');
  await expect.poll(() => page.getByTestId('case-status').innerText()).toContain('不予批准');
  await openPaper('refusal');
  await page.getByTestId('case-paper').waitFor();
  expect(await page.getByTestId('case-paper-reasons').innerText()).toContain('财产限额');
  expect(await page.getByTestId('case-paper').getByTestId('refusal-remedy').innerText()).toContain(
    '60 日内',
  );
  await shot('papers-refusal');
  expect(await printed('papers-refusal')).toBe(1);
});
