import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { deleteFromStore, putInStore, readStore } from './deskPage';
import { officeDesk, seedHouseholds, wang } from './rosterImportPage';

/**
 * No log, no display (issue #16 item 3; useLoggedView): opening a person logs the look
 * first. Here that write really fails in Chromium's IndexedDB — the desk's next queue
 * number is already taken (a record put straight into the store), so the write
 * transaction aborts with a ConstraintError — and the screen shows nothing of the person.
 * With the number free again, the same opening is logged and shows the person.
 */
const desk = officeDesk(seedHouseholds);
let page: Page;
const { shot } = desk;

beforeAll(() => {
  page = desk.page;
});

const maskedWang = `${wang.slice(0, 6)}********${wang.slice(14)}`;
const blocker = 'queue-number-taken';

async function openWang() {
  await page.getByRole('button', { name: '人员' }).first().click();
  await page.getByText('王大山').first().click();
}

const viewsOf = async (personId: string) =>
  (await readStore<{ subjectId: string; action: string }>(page, 'accessLog')).filter(
    (e) => e.subjectId === personId && e.action === 'view',
  );

it('shows nothing of a person when the access-log write fails, and the person once it is written', async () => {
  const person = (await readStore<{ id: string; idNumber: string }>(page, 'persons')).find(
    (p) => p.idNumber === wang,
  );
  if (!person) throw new Error('王大山 was not imported.');
  const seq = (await readStore<{ key: string; value: unknown }>(page, 'meta')).find(
    (m) => m.key === 'deviceSeq',
  )?.value;
  expect(typeof seq).toBe('number');
  await putInStore(page, {
    queue: [{ seq: Number(seq) + 1, opId: blocker, recordId: blocker }],
  });

  await openWang();
  await page.getByText('无法写入访问记录，暂不显示此人的信息').waitFor();
  const main = await page.locator('main').innerText();
  for (const sensitive of [maskedWang, wang, '13800138000', '东村', '户主']) {
    expect(main).not.toContain(sensitive);
  }
  expect(await page.getByTestId('person-id').count()).toBe(0);
  expect(await viewsOf(person.id)).toEqual([]);
  await shot('person-view-log-failed', 700);

  // The number free again: the same opening is logged, then the person shows.
  await deleteFromStore(page, 'queue', [Number(seq) + 1]);
  await page.getByRole('button', { name: '家庭登记' }).first().click();
  await openWang();
  await expect.poll(() => page.getByTestId('person-id').innerText()).toBe(maskedWang);
  expect(await viewsOf(person.id)).toHaveLength(1);
});
