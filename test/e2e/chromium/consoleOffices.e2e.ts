// The desk side runs on fake-indexeddb like the HQ suite's desks (its real write path
// and sync engine); the console is the built page in Chromium.
import 'fake-indexeddb/auto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { requestNonce } from '@shared/sync/hqSignature';
import { hqRoutes } from '@shared/sync/httpApi';
import { listAudit } from '../../../hq/src/console/audit';
import { logAccess } from '../../../renderer/src/db/repositories/accessLog';
import { logStoreAlterations } from '../../../renderer/src/db/repositories/storeAlterations';
import { rowFoundRemoved } from '../../support/storeAltered';
import { loadHqKeys } from '../../../hq/src/store/hqKeys';
import { consoleUser } from '../../support/consoleClient';
import { postJson, startHq, type RunningHq } from '../../support/hqHarness';
import { createPersons } from '../../support/officeWork';
import { enroll, openOfficeDesk, sync, type SyncDesk } from '../../support/syncDesks';
import { keyedDesk, openFromHq, sealForHq, type KeyedDesk } from '../../node/hq/packageKit';
import { consoleDir, launchConsoleBrowser, shot, signedIn } from './consolePage';

/**
 * 乡镇办 in Chromium against the real HQ (issue #14 item 4): an administrator sees a
 * desk's last contact and what it reported, makes an enrollment code a new desk enrolls
 * with, previews a desk's package by upload (nothing written), imports it and downloads
 * the return file the desk can open; a tampered file is refused in Chinese.
 */
let hq: RunningHq;
let browser: Browser;
let desk: SyncDesk;
let carrier: KeyedDesk;
let files: string;

beforeAll(async () => {
  hq = await startHq({ server: { consoleDir } });
  await consoleUser(hq, 'wang', 'admin');
  await consoleUser(hq, 'kan', 'viewer');
  desk = await openOfficeDesk('office-a', 'a1');
  await enroll(desk, hq);
  await createPersons(desk, 2);
  // Three looks on the desk's access chain; the second removed before it synced, the
  // queue numbered on as a careful tamperer would: HQ reports the gap.
  for (const subjectId of ['p1', 'p2', 'p3']) {
    await logAccess(desk.db, desk.ctx, {
      action: 'view',
      subjectKind: 'person',
      subjectId,
      maskedSubject: '',
    });
  }
  const looks = (await desk.db.queue.orderBy('seq').toArray()).filter(
    (e) => e.kind === 'accessLog',
  );
  const second = looks[1];
  if (!second) throw new Error('looks not queued');
  const later = (await desk.db.queue.orderBy('seq').toArray()).filter((e) => e.seq > second.seq);
  await desk.db.queue.where('seq').aboveOrEqual(second.seq).delete();
  await desk.db.queue.bulkAdd(later.map((e) => ({ ...e, seq: e.seq - 1 })));
  const deviceSeq = await desk.db.meta.get('deviceSeq');
  await desk.db.meta.put({ key: 'deviceSeq', value: Number(deviceSeq?.value) - 1 });
  // And its store's at-rest row found removed outside the desk, at four opens, each
  // written at a login: four reports, newer than the gap, which the row still lists first.
  for (let i = 0; i < 4; i++) {
    await rowFoundRemoved(desk.db);
    await logStoreAlterations(desk.db, desk.ctx);
  }
  await sync(desk);
  // A second desk of the office that only ever sends packages.
  carrier = await keyedDesk(hq.hq, 'office-a', 'a2');
  await createPersons(carrier.desk, 3);
  // An office whose only desk enrolled and never came back: flagged on the list.
  await keyedDesk(hq.hq, 'office-b', 'b1');
  files = await mkdtemp(join(tmpdir(), 'console-offices-'));
  browser = await launchConsoleBrowser();
});

afterAll(async () => {
  await browser?.close();
  await hq?.stop();
  if (files) await rm(files, { recursive: true, force: true });
});

/** A page signed in as `username` at 乡镇办 (downloads allowed). */
const signedInAs = (username: string): Promise<Page> =>
  signedIn(browser, hq, username, '#/offices', '乡镇办', { downloads: true });

it('an administrator sees a desk’s contact and makes an enrollment code a desk enrolls with', async () => {
  const page = await signedInAs('wang');
  await page.getByRole('tab', { name: '乡镇办' }).click();
  const list = page.getByRole('table', { name: '乡镇办' });
  const row = list.getByRole('row').filter({ hasText: 'office-a' });
  await expect.poll(() => row.count()).toBe(1);
  await expect.poll(() => row.getByText('2 台在用').count()).toBe(1);
  expect(await row.getByText('从未联系').count()).toBe(0);
  const silent = list.getByRole('row').filter({ hasText: 'office-b' });
  await expect.poll(() => silent.getByText('从未联系').count()).toBe(1);
  await shot(page, 'console-offices-list');

  await row.getByRole('button', { name: '查看' }).click();
  const desks = page.getByRole('table', { name: '工作台' });
  const a1 = desks.locator(`[data-desk="${desk.deviceId}"]`);
  await expect.poll(() => a1.getByText(/（同步）$/).count()).toBe(1);
  // The access chain's gap, in words, listed before the desk's newest reports; the rest
  // counted (all of them on hover).
  const chain = () => a1.getByTestId('desk-chain').innerText();
  await expect.poll(chain).toContain('另有 2 处');
  const lines = (await chain()).split('\n').filter((line) => line.trim() !== '');
  expect(lines.slice(0, 2)).toEqual(['发现 5 处异常', '第 2 条被删除']);
  expect(lines[2]).toMatch(/^工作台的加密记录被外部改动或删除（第 \d 条）$/);
  // The desk that never synced is flagged.
  const a2 = desks.locator(`[data-desk="${carrier.desk.deviceId}"]`);
  expect(await a2.getByText('从未联系').count()).toBeGreaterThan(0);
  await shot(page, 'console-offices-office');

  await page.getByRole('button', { name: '生成注册码' }).click();
  const dialog = page.getByRole('dialog');
  const code = (await dialog.getByTestId('enrollment-code').textContent()) ?? '';
  expect(code).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  await shot(page, 'console-offices-enrollment-code');
  await dialog.getByRole('button', { name: '关闭' }).click();
  const newcomer = await openOfficeDesk('office-a', 'a3');
  const enrolled = await postJson(`${hq.url}${hqRoutes.enroll}`, {
    code,
    deviceId: newcomer.deviceId,
    officeId: 'office-a',
    deviceName: '城关镇三号机',
  });
  expect(enrolled.status).toBe(200);

  // Revoking it, after a confirmation that says what it means.
  await page.reload();
  const a3 = desks.getByRole('row').filter({ hasText: '城关镇三号机' });
  await a3.getByRole('button', { name: '停用' }).click();
  await expect.poll(() => page.getByText(/县局不再接受这台电脑的同步/).count()).toBe(1);
  await shot(page, 'console-offices-revoke');
  await page.getByRole('dialog').getByRole('button', { name: '确认停用' }).click();
  await expect.poll(() => a3.getByText('已停用').count()).toBe(1);
  const audit = (await listAudit(hq.hq.db, 50)).map((a) => `${a.action}:${a.result}`);
  expect(audit).toContain('office.enrollmentCode:ok');
  expect(audit).toContain('device.revoke:ok');
  await page.context().close();
});

it('an administrator previews a package by upload, imports it and downloads the return file', async () => {
  const hqKeys = await loadHqKeys(hq.hq);
  const ops = await carrier.desk.store.pendingOps(500);
  const bytes = await sealForHq(carrier, hqKeys, ops);
  const good = join(files, '民政同步包_office-a_上报_1.mzpkg');
  await writeFile(good, bytes);
  const damaged = bytes.slice();
  damaged[damaged.length - 1] = (damaged[damaged.length - 1] ?? 0) ^ 0xff;
  const bad = join(files, 'damaged.mzpkg');
  await writeFile(bad, damaged);
  const before = await hq.hq.db.selectFrom('applied_ops').selectAll().execute();

  const page = await signedInAs('wang');
  await page.getByRole('tab', { name: '数据包' }).click();
  // A tampered file: refused in Chinese, nothing written.
  await page.getByTestId('package-file').setInputFiles(bad);
  await page.getByRole('button', { name: '预览' }).click();
  await expect.poll(() => page.getByText(/数据包内容已损坏或被改动/).count()).toBe(1);
  await shot(page, 'console-offices-package-refused');

  await page.getByTestId('package-file').setInputFiles(good);
  await page.getByRole('button', { name: '预览' }).click();
  const preview = page.getByTestId('package-preview');
  await expect.poll(() => preview.count()).toBe(1);
  expect(await preview.getByText('导入预览：尚未写入任何数据').count()).toBe(1);
  expect(await preview.getByRole('row').filter({ hasText: '将写入' }).textContent()).toContain(
    String(ops.length),
  );
  await shot(page, 'console-offices-package-preview');
  expect(await hq.hq.db.selectFrom('applied_ops').selectAll().execute()).toEqual(before);

  await page.getByRole('button', { name: '确认导入' }).click();
  await expect.poll(() => page.getByText(/已导入第 1 号数据包/).count()).toBe(1);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载回执文件' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^民政同步包_office-a_下发_.*\.mzpkg$/);
  const saved = join(files, 'return.mzpkg');
  await download.saveAs(saved);
  const back = await openFromHq(new Uint8Array(await readFile(saved)), carrier, hqKeys);
  expect(back.payload.results.map((r) => r.status)).toEqual(ops.map(() => 'applied'));
  await shot(page, 'console-offices-package-imported');

  // A forged op pushed straight to HQ by desk a1: refused, and listed in words.
  await createPersons(desk, 1);
  const [queued] = await desk.store.pendingOps(1);
  if (!queued || !desk.transport) throw new Error('no op');
  await desk.transport.push({
    ops: [{ ...queued, kind: 'benefitStandard' }],
    nonce: requestNonce(),
  });

  // The office's page lists both packages and the desk's contact by package.
  await page.goto(`${hq.url}/console/#/office/office-a`);
  const a2 = page
    .getByRole('table', { name: '工作台' })
    .locator(`[data-desk="${carrier.desk.deviceId}"]`);
  await expect.poll(() => a2.getByText(/（数据包）$/).count()).toBe(1);
  await expect
    .poll(() => page.getByRole('table', { name: '数据包记录' }).getByRole('row').count())
    .toBe(3);
  const packages = page.getByRole('table', { name: '数据包记录' });
  expect(
    await packages.getByText(`${ops.length} 项操作，写入 ${ops.length} 项，拒收 0 项`).count(),
  ).toBe(1);
  const refusals = page.getByRole('table', { name: '县局拒收的操作' });
  await expect.poll(() => refusals.getByText('工作台不能上报这类记录').count()).toBe(1);
  await shot(page, 'console-offices-office-refusals');

  // An export for the office from the 数据包 screen: a download the desks can open.
  await page.getByRole('tab', { name: '数据包' }).click();
  await page.getByLabel('乡镇办').click();
  await page.getByRole('option', { name: /office-a/ }).click();
  const [exported] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出', exact: true }).click(),
  ]);
  const out = join(files, 'export.mzpkg');
  await exported.saveAs(out);
  const news = await openFromHq(new Uint8Array(await readFile(out)), carrier, hqKeys);
  expect(news.payload.results).toEqual([]);
  await expect.poll(() => page.getByText(/^已导出 .*请带给乡镇办导入。$/).count()).toBe(1);
  await shot(page, 'console-offices-export');
  await page.context().close();
});

it('a viewer sees the offices and their desks but no managing button or package screen', async () => {
  const page = await signedInAs('kan');
  expect(await page.getByRole('tab', { name: '数据包' }).count()).toBe(0);
  await page.getByRole('tab', { name: '乡镇办' }).click();
  const row = page.getByRole('table', { name: '乡镇办' }).getByRole('row').filter({
    hasText: 'office-a',
  });
  expect(await page.getByRole('button', { name: '新增乡镇办' }).count()).toBe(0);
  await row.getByRole('button', { name: '查看' }).click();
  await expect.poll(() => page.getByRole('table', { name: '工作台' }).count()).toBe(1);
  for (const name of ['生成注册码', '导出下发数据包', '停用']) {
    expect(await page.getByRole('button', { name }).count(), name).toBe(0);
  }
  await page.context().close();
});
