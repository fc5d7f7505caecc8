import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, expect, inject, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { residentIdCheckChar } from '../../../shared/identity/residentId';
import { createHttpIdCardReader } from '../../../electron/idCard/httpReader';
import { idCardHandlers } from '../../../electron/ipc/handlers/idCard';
import { createHandle } from '../../../electron/ipc/registerHandlers';
import {
  cardData,
  cardPhotoBase64,
  startFakeIdCardReader,
  type FakeIdCardReader,
} from '../../support/fakeIdCardReader';
import { startDeskAsAdmin } from '../deskSession';
import { launchDeskBrowser } from './browser';
import { readEveryStore } from './deskPage';
import { dateShown } from './dateInput';

/**
 * ID-card readers in Chromium on real IndexedDB (issue 15, item 6).
 *
 * 1. Keyboard-wedge readers, in the browser build as it ships: playwright types the
 *    number into 身份证号码 as a person does (pressSequentially, 150 ms apart) and as
 *    a reader does: 8 ms apart, through playwright's CDP session with each key stamped
 *    the way the OS stamps a USB reader's reports (Input.dispatchKeyEvent `timestamp`,
 *    which becomes KeyboardEvent.timeStamp). Stamping keeps the test independent of
 *    how long this shared machine takes to render between two dispatched keys (with
 *    pressSequentially and a 2 ms delay the page saw gaps of 20–55 ms). Only the reader
 *    replaces what the field held, checks at once, fills sex and birth date, and has
 *    its trailing Enter swallowed.
 * 2. A local reader service. Chromium has no Electron main process, so the page gets a
 *    stand-in for the preload's `window.desk` (addInitScript) whose readIdCard crosses
 *    to this Node test process (exposeFunction) and runs the REAL main-process handler
 *    (electron/ipc/handlers/idCard.ts, registered with createHandle as main.ts does)
 *    with the REAL HTTP adapter against the fake reader on loopback. Only
 *    ipcRenderer.invoke/ipcMain are stood in for; the production build has no test
 *    hook, and the store is the desk's real IndexedDB.
 */
const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);
const headId = withCheck('33010219600504013');
const womanId = withCheck('33010219620815024');

const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

async function openDesk(setup?: (context: BrowserContext) => Promise<void>): Promise<Page> {
  const browser = await launchDeskBrowser();
  closers.push(browser.close);
  await setup?.(browser.context);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('pageerror', (error) => console.error('[renderer]', error));
  await page.goto(inject('rendererUrl'));
  await startDeskAsAdmin(page, { casework: true });
  return page;
}

async function shot(page: Page, name: string, part?: Locator) {
  const dir = process.env.DESK_SCREENSHOTS;
  if (!dir) return;
  await page.waitForTimeout(400);
  const path = `${dir}/${name}.png`;
  await (part ? part.screenshot({ path }) : page.screenshot({ path }));
}

/** Counts Enter presses that reach the document (a form or shortcut would see them). */
async function watchKeys(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { enters: number; keyTimes: number[] };
    w.enters = 0;
    w.keyTimes = [];
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') w.enters += 1;
    });
    document.addEventListener('keydown', (e) => w.keyTimes.push(e.timeStamp), true);
  });
}
/**
 * Types `text` (\n = Enter) into the focused element with each key stamped `gapMs`
 * after the last, as a keyboard-wedge reader's keys arrive from the OS.
 */
async function typeStamped(page: Page, text: string, gapMs: number) {
  const cdp = await page.context().newCDPSession(page);
  let at = Date.now() / 1000;
  for (const ch of text) {
    const key =
      ch === '\n'
        ? { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' }
        : { key: ch, text: ch };
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...key, timestamp: at });
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyUp',
      key: key.key,
      timestamp: at + 0.001,
    });
    at += gapMs / 1000;
  }
  await cdp.detach();
}

const enters = (page: Page) =>
  page.evaluate(() => (window as unknown as { enters: number }).enters);
/** The largest gap between the keydowns since the last call, as the page saw them. */
const largestGap = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { keyTimes: number[] };
    const times = w.keyTimes;
    w.keyTimes = [];
    return Math.max(...times.slice(1).map((t, i) => t - (times[i] ?? t)));
  });

it('a keyboard-wedge burst fills the ID field and checks it; a person typing does not', async () => {
  const page = await openDesk();
  await page.getByRole('button', { name: '家庭登记' }).first().click();
  const row = page.getByTestId('member-row-0');
  const idField = row.getByLabel('身份证号码');
  const helper = row.locator('.MuiFormHelperText-root').nth(1);
  await watchKeys(page);

  // A person: digits already in the field stay, the typed ones are appended, the
  // number is checked as typed and Enter goes through to the page.
  await idField.fill('3301');
  await idField.press('End');
  await idField.pressSequentially(headId, { delay: 150 });
  expect(await largestGap(page)).toBeGreaterThan(100);
  expect(await idField.inputValue()).not.toBe(headId);
  expect(await helper.innerText()).not.toContain('读卡器');
  await idField.press('Enter');
  expect(await enters(page)).toBe(1);

  // A reader: the same keys a few ms apart replace the field with exactly the number,
  // its check shows at once (the field still has the focus), sex and birth date fill,
  // and the reader's Enter never reaches the page.
  await idField.fill('3301');
  await idField.press('End');
  await largestGap(page); // forget the keys before the burst
  await typeStamped(page, `${headId}\n`, 8);
  expect(await largestGap(page)).toBeLessThan(10);
  expect(await idField.inputValue()).toBe(headId);
  await expect.poll(() => helper.innerText()).toBe('已由读卡器录入，号码校验通过');
  expect(await enters(page)).toBe(1);
  expect(await row.getByLabel('性别').innerText()).toBe('男');
  expect(await dateShown(row, '出生日期')).toBe('1960-05-04');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('id'))).toBe(
    await idField.getAttribute('id'),
  );
  await shot(page, 'idcard-wedge', row);

  // A reader's number with a wrong check character: replaced and refused at once.
  const wrong = `${headId.slice(0, 17)}${headId.endsWith('0') ? '1' : '0'}`;
  await typeStamped(page, wrong, 8);
  expect(await idField.inputValue()).toBe(wrong);
  await expect.poll(() => helper.innerText()).toContain('校验位错误');
  await shot(page, 'idcard-wedge-wrong', row);
});

it('读卡 shows the card against the registry, differences marked; taken values save only with 保存', async () => {
  const reader: FakeIdCardReader = await startFakeIdCardReader();
  closers.push(reader.close);
  const page = await openDesk(async (context) => {
    const listeners = new Map<string, (event: IpcMainInvokeEvent, request: unknown) => unknown>();
    const handle = createHandle({ handle: (channel, fn) => void listeners.set(channel, fn) });
    handle(
      'idCard:read',
      idCardHandlers({ readerFor: (url) => createHttpIdCardReader({ url, timeoutMs: 3000 }) })[
        'idCard:read'
      ],
    );
    const event = { senderFrame: { url: 'app://desk/index.html' } } as IpcMainInvokeEvent;
    await context.exposeFunction('__idCardRead', (request: unknown) =>
      listeners.get('idCard:read')?.(event, request),
    );
    await context.addInitScript(() => {
      const ok = (value: unknown) => Promise.resolve({ ok: true, value });
      const no = () =>
        Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'not here' } });
      const w = window as unknown as { __idCardRead: (r: unknown) => Promise<unknown> };
      Object.defineProperty(window, 'desk', {
        value: {
          getAppInfo: () =>
            ok({
              appVersion: 'e2e',
              platform: 'linux',
              electronVersion: 'stand-in',
              chromeVersion: null,
              isPackaged: false,
            }),
          setMenuLanguage: () => ok(undefined),
          saveTextFile: no,
          openTextFile: no,
          savePagePdf: no,
          saveBytesFile: no,
          openBytesFile: no,
          enrollSync: no,
          syncStatus: () => ok({ enrolled: false, hqUrl: null, deviceId: null }),
          syncRequest: no,
          reportSyncQueue: () => ok(undefined),
          readIdCard: (request: unknown) => w.__idCardRead(request),
        },
      });
    });
  });

  // No reader configured: no 读卡 button.
  await page.getByRole('button', { name: '家庭登记' }).first().click();
  await page.getByTestId('member-row-0').getByLabel('姓名').waitFor();
  expect(await page.getByRole('button', { name: '读卡' }).count()).toBe(0);

  // 设置 → 身份证读卡器: an address off this computer is refused; the fake reader's is kept.
  await page.getByRole('button', { name: '设置' }).first().click();
  const urlField = page.getByLabel('读卡服务地址');
  await urlField.fill('http://192.168.1.20:19196/api/readcard');
  await page.getByRole('button', { name: '保存读卡器地址' }).click();
  await page.getByText('只能是本机地址（如 127.0.0.1 或 [::1]）').waitFor();
  await urlField.fill(reader.url);
  await page.getByRole('button', { name: '保存读卡器地址' }).click();
  await page.getByText('已保存。登记表单中将显示“读卡”按钮。').waitFor();
  await shot(page, 'idcard-settings', page.locator('section', { hasText: '身份证读卡器' }));
  expect(reader.requests).toBe(0);

  // 家庭登记: 读卡 into the empty head row fills name, number (so sex and birth date)
  // and 户籍地址; the clerk then mistypes the name and shortens the address.
  await page.getByRole('button', { name: '家庭登记' }).first().click();
  const row = page.getByTestId('member-row-0');
  await page.getByLabel('家庭住址').fill('城关镇东村3组12号');
  await row.getByRole('button', { name: '读卡' }).click();
  const first = page.getByRole('dialog');
  await first.getByTestId('card-photo').waitFor();
  expect(await first.locator('[data-differs="true"]').count()).toBe(0);
  await first.getByRole('button', { name: '全部采用身份证信息' }).click();
  await first.getByText('表单中的信息与身份证一致。').waitFor();
  await first.getByRole('button', { name: '关闭' }).click();
  await first.waitFor({ state: 'detached' });
  expect(await row.getByLabel('身份证号码').inputValue()).toBe(headId);
  expect(await dateShown(row, '出生日期')).toBe('1960-05-04');
  expect(await row.getByLabel('户籍地址').inputValue()).toBe(cardData().address);
  await row.getByLabel('姓名').fill('张三峰');
  await row.getByLabel('户籍地址').fill('城关镇东村3组');
  await page.getByRole('button', { name: '保存家庭' }).click();
  await page.getByRole('button', { name: '申请低保' }).waitFor();

  // 更正 of the person: 读卡 with no card on the reader first.
  await page.getByTestId('household-members').getByRole('button', { name: '张三峰' }).click();
  await page.getByRole('button', { name: '更正' }).click();
  const person = page.getByTestId('person-correction');
  await person.getByLabel('姓名').waitFor();
  await shot(page, 'idcard-person-form', person);
  reader.answer = { kind: 'code', code: 1, message: '未放卡' };
  await person.getByRole('button', { name: '读卡' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('读卡器上没有身份证：请放好身份证后重新读卡。').waitFor();
  await shot(page, 'idcard-no-card', dialog);

  // The card on the reader: 重新读卡 shows it against the registry's record.
  reader.answer = { kind: 'card', data: cardData() };
  await dialog.getByRole('button', { name: '重新读卡' }).click();
  await dialog.getByTestId('card-photo').waitFor();
  const differs = (field: string) =>
    dialog.getByTestId(`card-row-${field}`).getAttribute('data-differs');
  expect(await differs('name')).toBe('true');
  expect(await differs('address')).toBe('true');
  expect(await differs('idNumber')).toBe('false');
  expect(await differs('sex')).toBe('false');
  expect(await differs('birthDate')).toBe('false');
  expect(await dialog.getByTestId('card-row-nation').innerText()).toContain('登记中无此项');
  await dialog.getByText('有 2 项与身份证不一致，已标红。').waitFor();
  await shot(page, 'idcard-compare', dialog);

  // Field by field: the name only; then everything else at once.
  await dialog.getByTestId('card-row-name').getByRole('button', { name: '采用' }).click();
  await expect.poll(() => differs('name')).toBe('false');
  expect(await differs('address')).toBe('true');
  expect(await person.getByLabel('姓名').inputValue()).toBe('张三丰');
  await dialog.getByRole('button', { name: '全部采用身份证信息' }).click();
  await dialog.getByText('表单中的信息与身份证一致。').waitFor();
  await shot(page, 'idcard-taken', dialog);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(await person.getByLabel('户籍地址').inputValue()).toBe(cardData().address);

  // Nothing is saved until 保存更正: the page's own heading still has the old name.
  expect(await page.getByRole('heading', { name: '张三峰' }).count()).toBe(1);
  await person.getByTestId('correction-reason').fill('按身份证更正姓名和户籍地址');
  await person.getByRole('button', { name: '保存更正' }).click();
  await person.waitFor({ state: 'detached' });
  await page.getByRole('heading', { name: '张三丰' }).waitFor();
  await expect
    .poll(() => page.getByTestId('record-history').innerText())
    .toContain('按身份证更正姓名和户籍地址');

  // A card whose sex and birth date disagree with its number is refused in the main process.
  await page.getByRole('button', { name: '更正' }).click();
  reader.answer = { kind: 'card', data: cardData({ idNumber: womanId, sex: '男' }) };
  await page.getByTestId('person-correction').getByRole('button', { name: '读卡' }).click();
  await page
    .getByRole('dialog')
    .getByText(/未通过校验.*性别/)
    .waitFor();
  await shot(page, 'idcard-refused', page.getByRole('dialog'));

  // The photo was shown three times and kept nowhere: no IndexedDB store of the desk
  // (records, queue, drafts, meta) holds any part of it.
  const piece = cardPhotoBase64().slice(2000, 2060);
  // Read as the desk reads its store (rows sealed at rest are opened: docs/at-rest.md).
  const stored = await readEveryStore(page);
  expect(stored.length).toBeGreaterThan(1000);
  expect(stored).toContain('按身份证更正姓名和户籍地址');
  expect(stored).not.toContain(piece);
});
