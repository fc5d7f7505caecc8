// The desk side runs on fake-indexeddb like the HQ suite's desks (its real write path
// and sync engine); the console is the built page in Chromium.
import 'fake-indexeddb/auto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../hq/src/console/audit';
import { defaultConsoleConfig } from '../../../hq/src/console/consoleConfig';
import { consoleUser } from '../../support/consoleClient';
import { hqStorages, startHq, type RunningHq } from '../../support/hqHarness';
import { caseAtCountyReview, registerFamily } from '../../support/officeWork';
import { enroll, openOfficeDesk, sync, type SyncDesk } from '../../support/syncDesks';
import { applyForTemporary, fireFacts, walk } from '../../node/hq/temporaryKit';
import { consoleDir, launchConsoleBrowser, shot, signedIn } from './consolePage';

/**
 * 待确认 in Chromium against the real HQ (issue #14 item 2): a desk sends a 低保 case to
 * county review, a reviewer confirms it in the console (an empty opinion refused next to
 * the field), the desk shows it confirmed after its next sync; a viewer sees the queue
 * and the case file without a decision button. On SQLite, and on PostgreSQL when
 * HQ_TEST_DATABASE_URL names one (as `npm test` in CI does).
 */
let hq: RunningHq;
let browser: Browser;
let desk: SyncDesk;

describe.each(hqStorages)('the confirmation queue in Chromium over $kind', (storage) => {
  beforeAll(async () => {
    hq = await startHq({
      storage,
      server: { consoleDir, console: { ...defaultConsoleConfig, spotCheckPercent: 50 } },
    });
    await consoleUser(hq, 'li', 'reviewer');
    await consoleUser(hq, 'kan', 'viewer');
    desk = await openOfficeDesk('office-a', 'a1');
    await enroll(desk, hq);
    await sync(desk);
    browser = await launchConsoleBrowser();
  });

  /** A page signed in as `username` at 待确认. */
  const signedInAs = (username: string): Promise<Page> =>
    signedIn(browser, hq, username, '#/queue', '待确认');

  afterAll(async () => {
    await browser?.close();
    await hq?.stop();
  });

  it('a reviewer confirms a case the desk sent to the county; the desk shows it confirmed after sync', async () => {
    const family = await registerFamily(desk);
    const sent = await caseAtCountyReview(desk, family);
    const other = await caseAtCountyReview(desk, await registerFamily(desk));
    // A 临时救助 case over the township's limit waits for the county's 'approve'.
    const large = await applyForTemporary(
      desk,
      await registerFamily(desk),
      fireFacts({ proposedFen: 300000 }),
    );
    await walk(desk, large.id, [
      'submit',
      'accept',
      'start_investigation',
      'record_opinion',
      'submit_to_county',
    ]);
    expect((await sync(desk)).rejected).toBe(0);

    const page = await signedInAs('li');
    await page.getByRole('tab', { name: '待确认' }).click();
    const queue = page.getByRole('table', { name: '待确认' });
    await expect.poll(() => queue.getByRole('row').count()).toBe(4);
    expect(await queue.getByRole('cell', { name: '临时救助' }).count()).toBe(1);
    expect(await queue.getByRole('cell', { name: '低保' }).count()).toBe(2);
    await shot(page, 'console-queue');

    // The case file: masked IDs, the history with the township's opinions.
    const row = queue.getByRole('row').filter({ hasText: sent.applicantName }).first();
    await row.getByRole('button', { name: '查看案卷' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /^案卷：/ }).count()).toBe(1);
    const head = family.members[0]?.person;
    if (!head) throw new Error('no head');
    expect(await page.getByText(head.idNumber).count()).toBe(0);
    await expect.poll(() => page.getByText('submit_to_county 意见').count()).toBe(1);
    await page
      .getByRole('row')
      .filter({ hasText: head.name })
      .getByRole('button', { name: '查看完整号码' })
      .click();
    await expect.poll(() => page.getByText(head.idNumber, { exact: false }).count()).toBe(1);

    // The decision: an empty opinion is refused next to the field, then confirmed.
    await page.getByRole('button', { name: '审核确认' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '审核确认' }).click();
    await expect.poll(() => dialog.getByText('请填写意见').count()).toBe(1);
    await shot(page, 'console-queue-decision-refused');
    await dialog.getByLabel('审核意见').fill('经审核，符合低保条件，同意');
    await dialog.getByRole('button', { name: '审核确认' }).click();
    await expect.poll(() => page.getByText('已审核确认', { exact: true }).count()).toBe(2);
    await shot(page, 'console-queue-case-file');

    await sync(desk);
    expect(await desk.db.cases.get(sent.id)).toMatchObject({ status: 'confirmed' });
    const audit = (await listAudit(hq.hq.db, 50)).map((a) => `${a.action}:${a.target}:${a.result}`);
    expect(audit).toContain(`case.confirm:${sent.id}:ok`);
    expect(audit).toContain(`id.reveal:${sent.id}:ok`);

    // Bulk confirm of the other two (selected in the queue), a result per case: 低保's
    // confirm, 临时救助's approve.
    await page.getByRole('button', { name: /返回待确认/ }).click();
    await expect.poll(() => queue.getByRole('row').count()).toBe(3);
    for (const box of await queue.getByRole('checkbox').all()) await box.check();
    await page.getByRole('button', { name: /批量审核确认/ }).click();
    await page.getByRole('dialog').getByLabel('审核意见').fill('同意');
    await page.getByRole('dialog').getByRole('button', { name: '批量审核确认' }).click();
    await expect.poll(() => page.getByText(/：已审核确认$/).count()).toBe(1);
    await expect.poll(() => page.getByText(/：已批准$/).count()).toBe(1);
    await expect.poll(() => page.getByText('没有等待县级审核的案件。').count()).toBe(1);
    await shot(page, 'console-queue-bulk');
    await sync(desk);
    expect(await desk.db.cases.get(other.id)).toMatchObject({ status: 'confirmed' });
    expect(await desk.db.cases.get(large.id)).toMatchObject({ status: 'approved' });
    await page.context().close();
  });

  it('a viewer sees the queue and the case file but no decision button', async () => {
    const waiting = await caseAtCountyReview(desk, await registerFamily(desk));
    await sync(desk);
    const page = await signedInAs('kan');
    await page.getByRole('tab', { name: '待确认' }).click();
    const queue = page.getByRole('table', { name: '待确认' });
    await expect.poll(() => queue.getByRole('row').count()).toBe(2);
    expect(await page.getByRole('button', { name: /批量审核确认/ }).count()).toBe(0);
    expect(await queue.getByRole('checkbox').count()).toBe(0);
    await queue.getByRole('button', { name: '查看案卷' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /^案卷：/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '审核确认' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '查看完整号码' }).count()).toBe(0);
    await shot(page, 'console-queue-viewer');
    await page.getByRole('tab', { name: '抽查' }).click();
    expect(await page.getByRole('button', { name: '随机抽取' }).count()).toBe(0);
    expect(await desk.db.cases.get(waiting.id)).toMatchObject({ status: 'county_review' });
    await page.context().close();
  });

  it('a reviewer draws a 抽查 sample of township-approved cases; the draw is kept', async () => {
    const small = await applyForTemporary(desk, await registerFamily(desk), fireFacts());
    await walk(desk, small.id, [
      'submit',
      'accept',
      'start_investigation',
      'record_opinion',
      'approve_at_township',
    ]);
    expect((await sync(desk)).rejected).toBe(0);
    const page = await signedInAs('li');
    await page.getByRole('tab', { name: '抽查' }).click();
    await expect.poll(() => page.getByText('尚未抽查。').count()).toBe(1);
    await page.getByRole('button', { name: '随机抽取' }).click();
    await expect.poll(() => page.getByText('已抽取 1 件。').count()).toBe(1);
    await expect
      .poll(() => page.getByText(/由 li 同志（li） 抽取：共 1 件中抽取 1 件/).count())
      .toBe(1);
    await shot(page, 'console-queue-spot-check');
    const kept = await hq.hq.db.selectFrom('spot_check_cases').selectAll().execute();
    expect(kept.map((k) => k.case_id)).toEqual([small.id]);
    await page.context().close();
  });

  it("a reviewer reads a 临时救助 case's own facts and returns it to the township with an opinion", async () => {
    const fire = await applyForTemporary(
      desk,
      await registerFamily(desk),
      fireFacts({ proposedFen: 320000 }),
    );
    await walk(desk, fire.id, [
      'submit',
      'accept',
      'start_investigation',
      'record_opinion',
      'submit_to_county',
    ]);
    expect((await sync(desk)).rejected).toBe(0);
    const page = await signedInAs('li');
    await page.goto(`${hq.url}/console/#/cases/${encodeURIComponent(fire.id)}`);
    const facts = page.getByRole('table', { name: '救助项目情况' });
    await expect.poll(() => facts.getByRole('row').filter({ hasText: '火灾' }).count()).toBe(1);
    expect(await facts.getByRole('row').filter({ hasText: '急难型' }).count()).toBe(1);
    expect(await facts.getByText('3200.00').count()).toBe(1);

    await page.getByRole('button', { name: '退回乡镇重新核查' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('审核意见').fill('拟救助金额缺少依据，请补充损失评估后重新核查');
    await dialog.getByRole('button', { name: '退回乡镇重新核查' }).click();
    await expect.poll(() => page.getByText(/已退回乡镇重新核查/).count()).toBeGreaterThan(0);
    await shot(page, 'console-queue-returned');
    await sync(desk);
    expect(await desk.db.cases.get(fire.id)).toMatchObject({ status: 'investigating' });
    await page.context().close();
  });
});
