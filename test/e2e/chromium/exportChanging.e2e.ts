import ExcelJS from 'exceljs';
import { beforeAll, expect, inject, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { addUser, logIn } from '../deskSession';
import { deskPage, readStore, tabShot } from './deskPage';
import { deskWithPulled, pulledOffice, registrar } from './pulledOffice';

/**
 * The persons list exported (导出人员表格) while another tab of the same desk corrects a
 * person (更正) — in Chromium on real IndexedDB, the change told to the exporting tab as
 * Dexie tells it (storagemutated, through its BroadcastChannel). The export reads the list
 * again from the start and says so on its button (名单有变动，重新导出); the file has every
 * person once, the corrected one by the new name. A list that changes in every reading is
 * given up after three (导出时名单一直在变动…): no file, no export in the access log.
 *
 * Paced, not timed: a third tab of the same origin holds the households store in a
 * read-write transaction (as a long write would), so the export stops at its next page's
 * households and the other tab's save waits behind it; the hold is let go once the page
 * shows the export under way and the save waiting. The save then commits a few
 * milliseconds into a reading that has twenty pages still to read.
 */
const desk = deskPage({ fullPage: false, settleMs: 300 });
let page: Page;
let other: Page;
let holder: Page;

// Twenty pages of 1,000 (exportPageSize): one reading lasts seconds.
const count = 20_000;
const counted = count.toLocaleString('zh-CN');
const { persons, households } = pulledOffice(31, { persons: count, cases: 0 });
const supervisor = { username: 'li', name: '李主管', password: 'desk-chief-2026' };
// The list is exported sorted by name: the first person by name (as the name index
// orders it: by code unit, then id), renamed to a name after every other, moves from the
// first page, already read, to the last. Read once, without a second reading it would be
// in the file twice (its old name on the first page, its new on the last).
const byName = (a: (typeof persons)[number], b: (typeof persons)[number]) =>
  String(a.name) < String(b.name) ? -1 : String(a.name) > String(b.name) ? 1 : a.id < b.id ? -1 : 1;
const target = [...persons].sort(byName)[0] as (typeof persons)[number];
const targetId = String(target.idNumber);
const corrected = '龘改名';

const button = (p: Page) => p.getByTestId('export-persons');
/** What the export's message says while it runs (the button keeps its own words). */
const underWaySays = (text: string | RegExp) =>
  page
    .getByTestId('export-persons-under-way')
    .filter({ hasText: text })
    .waitFor({ timeout: 60_000 });
const again = '名单有变动，重新导出';
const keptChanging =
  '导出时名单一直在变动（可能正在与县局同步），没有保存文件。请等同步完成后再导出。';

/** Downloads in the exporting tab since it logged in. */
const downloads: Download[] = [];

const exportEntries = async () =>
  (await readStore<{ action: string; subjectId: string }>(page, 'accessLog', supervisor)).filter(
    (e) => e.action === 'export' && e.subjectId === 'persons',
  );

/**
 * Holds the desk's households store (a read-write transaction kept busy) from the holder
 * tab; resolves once the hold has begun: reads asked for after it wait until `letGo`.
 */
async function hold(): Promise<void> {
  await holder.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('minzheng-desk');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('households', 'readwrite');
          const store = tx.objectStore('households');
          let held = true;
          const done = new Promise<void>((ended) => {
            tx.oncomplete = () => {
              db.close();
              ended();
            };
          });
          (window as unknown as { letGo: () => Promise<void> }).letGo = () => {
            held = false;
            return done;
          };
          const spin = () => {
            if (held) store.get('').onsuccess = spin;
          };
          store.get('').onsuccess = () => {
            resolve();
            spin();
          };
        };
      }),
  );
}

async function letGo(): Promise<void> {
  await holder.evaluate(() => (window as unknown as { letGo: () => Promise<void> }).letGo());
}

/** In the other tab: 更正 of the open person, the new name and a reason typed, not saved. */
async function startCorrection(name: string, reason: string) {
  await other.getByRole('button', { name: '更正', exact: true }).click();
  const panel = other.getByTestId('person-correction');
  await panel.getByLabel('姓名').fill(name);
  await panel.getByTestId('correction-reason').fill(reason);
}

/** 保存更正 pressed; resolves once the save is under way (waiting, while the store is held). */
async function pressSave() {
  const panel = other.getByTestId('person-correction');
  await panel.getByRole('button', { name: '保存更正' }).click();
  await panel.getByRole('button', { name: '正在保存…' }).waitFor();
}

/** The save done: the panel closed, the person page showing the new name. */
async function saved(name: string) {
  await other.getByTestId('person-correction').waitFor({ state: 'detached' });
  await other.getByRole('heading', { name }).first().waitFor();
}

/** A picture of one tab (desk.shot takes the first tab's). */
const shotOf = (p: Page, name: string) => tabShot(p, name);

beforeAll(() => {
  page = desk.page;
});

it('opens a desk of 20,000 persons in two tabs: a supervisor’s and a registrar’s', async () => {
  await deskWithPulled(page, inject('rendererUrl'), { persons, households });
  await logIn(page);
  await addUser(page, supervisor, '主管');
  await page.getByRole('button', { name: '退出登录' }).click();
  // The supervisor exports in full: a finished export is written to the access log.
  await logIn(page, supervisor);
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: '人员' }).first().click();
  await page
    .getByTestId('person-count')
    .filter({ hasText: `共 ${counted} 人` })
    .waitFor();
  expect(persons.every((p) => String(p.name) < corrected)).toBe(true);
  const nameHeader = page.getByRole('columnheader', { name: '姓名' });
  await nameHeader.click();
  await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
  await page.getByTestId('person-row').first().getByText(String(target.name)).waitFor();

  // The other tab: the registrar, with the newest person open.
  other = await desk.context.newPage();
  other.on('pageerror', (error) => console.error('[renderer, other tab]', error));
  await other.goto(inject('rendererUrl'));
  await logIn(other, registrar);
  await other.getByRole('button', { name: '人员' }).first().click();
  expect(persons.filter((p) => p.idNumber === target.idNumber)).toHaveLength(1);
  await other.getByLabel(/^搜索（姓名/).fill(targetId);
  await other.getByTestId('person-row').getByText(String(target.name)).click();
  await other
    .getByRole('heading', { name: String(target.name) })
    .first()
    .waitFor();

  // The holder: a page of the same origin that runs none of the desk's code.
  holder = await desk.context.newPage();
  await holder.goto(new URL('favicon.png', inject('rendererUrl')).href);
  expect(await exportEntries()).toEqual([]);
});

it('reads the list again when another tab corrects a person during the export', async () => {
  await startCorrection(corrected, '按户口簿更正姓名');
  await hold();
  const idle = await button(page).boundingBox();
  await button(page).click();
  // The first reading under way (the list counted, its changes watched), at its first page.
  await underWaySays(`正在导出：0 / ${counted} 行`);
  // The button keeps its words and its width (the one beside it does not move).
  expect(await button(page).innerText()).toBe('导出人员表格');
  expect((await button(page).boundingBox())?.width).toBe(idle?.width);
  // One export at a time: the households' button waits while this one runs.
  expect(await page.getByTestId('export-households').isDisabled()).toBe(true);
  await pressSave();
  await letGo();
  await saved(corrected);
  await underWaySays(again);
  // Held again for the picture: the second reading stands still at its next page.
  await hold();
  expect(await page.getByTestId('export-persons-under-way').innerText()).toMatch(
    /^名单有变动，重新导出：[\d,]+ 行$/,
  );
  await desk.shot('export-changing-again');
  // The screen left and opened again while it runs: the export goes on, and the button
  // drawn again shows it (greyed, its message under way), as does its neighbour.
  await page.getByRole('button', { name: '救助案件' }).first().click();
  await page.getByTestId('case-list').waitFor();
  await page.getByRole('button', { name: '人员' }).first().click();
  await page.getByTestId('export-persons-under-way').filter({ hasText: again }).waitFor();
  expect(await button(page).isDisabled()).toBe(true);
  expect(await page.getByTestId('export-households').isDisabled()).toBe(true);
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await letGo();

  const file = await downloading;
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await file.path());
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: unknown[][] = [];
  for (let n = 3; n <= sheet.rowCount; n++) {
    rows.push((sheet.getRow(n).values as unknown[]).slice(1));
  }
  // Each person once, the corrected one by the new name only (the supervisor's file has
  // the ID numbers in full, each person's own).
  const shown = rows.map((r) => `${String(r[1])} ${String(r[0])}`).sort();
  const stored = persons
    .map((p) => `${p.idNumber} ${p === target ? corrected : String(p.name)}`)
    .sort();
  expect(new Set(persons.map((p) => p.idNumber)).size).toBe(count);
  expect(shown).toEqual(stored);
  expect(rows.filter((r) => r[1] === targetId).map((r) => r[0])).toEqual([corrected]);
  const done = page.getByTestId('export-persons-done');
  await done.waitFor();
  expect(await done.innerText()).toContain(`已导出 ${counted} 行`);
  expect(downloads).toHaveLength(1);
  expect(await exportEntries()).toHaveLength(1);
  await expect.poll(() => page.getByTestId('export-households').isEnabled()).toBe(true);
  await done.getByRole('button').click();
  await done.waitFor({ state: 'detached' });
});

it('gives up without a file when the list changes in every reading', async () => {
  const error = page.getByTestId('export-persons-error');
  await button(page).click();
  await underWaySays(`/ ${counted} 行`);
  // One correction after another in the other tab, each saved while the export is held
  // at a page, until the export gives up: between two changes it reads a page or two.
  const names = ['欧阳甲', '欧阳乙'];
  let saves = 0;
  while (!(await error.isVisible())) {
    expect(saves).toBeLessThan(12);
    const name = names[saves % names.length] as string;
    await hold();
    await startCorrection(name, `第 ${saves + 1} 次更正姓名`);
    await pressSave();
    await letGo();
    await saved(name);
    saves += 1;
  }
  // Three readings, each with a change of its own (a change is seen by one reading).
  expect(saves).toBeGreaterThanOrEqual(3);
  console.log(`kept changing after ${saves} corrections`);
  expect(await error.innerText()).toBe(keptChanging);
  await desk.shot('export-kept-changing');
  // The button can be pressed again; no file was made, no export written to the access log.
  await expect.poll(() => button(page).isEnabled()).toBe(true);
  expect(await page.getByTestId('export-persons-under-way').count()).toBe(0);
  expect(downloads).toHaveLength(1);
  expect(await exportEntries()).toHaveLength(1);
  await shotOf(other, 'export-kept-changing-other-tab');
  await Promise.all([other.close(), holder.close()]);
});
