import { afterEach, describe, expect, it } from 'vitest';
import { addMonthsToDate } from '@shared/calendar/dates';
import { officeToday } from '@shared/validation/dates';
import { loadRuleBook } from '../../../renderer/src/db/repositories/reference';
import {
  adminPost,
  hqRowCounts,
  hqStorages,
  startHq,
  type RunningHq,
} from '../../support/hqHarness';
import { caseAtCountyReview, registerFamily } from '../../support/officeWork';
import { enroll, openOfficeDesk, sync } from '../../support/syncDesks';

/**
 * A programme's numbers are the county's, with effective dates (shared/programmes/
 * ruleBook.ts): published at HQ, refused when no programme reads the key or the value is
 * out of its bounds, pulled by every desk, and used where the decision takes effect.
 */

let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

describe.each(hqStorages)('programme rules over $kind', (storage) => {
  it('a published review interval reaches the desks and dates the next review of a case the county confirms', async () => {
    hq = await startHq({ storage });
    const a1 = await openOfficeDesk('office-a', 'a1');
    await enroll(a1, hq);
    const url = hq.url;

    const before = await hqRowCounts(hq.hq);
    const unknown = await adminPost(url, '/rules', {
      key: 'dibao.noSuchNumber',
      value: 3,
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
      publishedBy: '县民政局',
    });
    expect(unknown).toMatchObject({
      status: 400,
      body: { fieldErrors: [{ path: 'key', code: 'rule.unknown' }] },
    });
    const tooLong = await adminPost(url, '/rules', {
      key: 'dibao.reviewMonths',
      value: 99,
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
      publishedBy: '县民政局',
    });
    expect(tooLong).toMatchObject({
      status: 400,
      body: {
        fieldErrors: [{ path: 'value', code: 'rule.out_of_range', params: { min: 1, max: 36 } }],
      },
    });
    const reversed = await adminPost(url, '/rules', {
      key: 'dibao.reviewMonths',
      value: 6,
      effectiveFrom: '2026-06-01',
      effectiveTo: '2026-01-01',
      publishedBy: '县民政局',
    });
    expect(reversed).toMatchObject({
      status: 400,
      body: { fieldErrors: [{ path: 'effectiveTo', code: 'standard.period_reversed' }] },
    });
    expect(await hqRowCounts(hq.hq)).toEqual(before);

    const published = await adminPost(url, '/rules', {
      key: 'dibao.reviewMonths',
      value: 6,
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
      note: '收入不稳定地区半年复核',
      publishedBy: '县民政局',
    });
    expect(published.status).toBe(200);

    await sync(a1);
    // The offices' day (China's), as HQ dates a county decision.
    const today = officeToday(new Date());
    expect((await loadRuleBook(a1.db)).value('dibao.reviewMonths', today)).toBe(6);
    expect(await a1.db.programmeRules.toArray()).toMatchObject([
      { key: 'dibao.reviewMonths', value: 6, source: 'hq', areaCode: null },
    ]);

    const atCounty = await caseAtCountyReview(a1, await registerFamily(a1));
    await sync(a1);
    const decided = await adminPost(url, `/cases/${atCounty.id}/decision`, {
      action: 'confirm',
      opinion: '符合条件',
      decidedBy: '县民政局',
    });
    expect(decided.status).toBe(200);
    await sync(a1);
    // HQ dated the decision on its own day; the next review is six months on.
    expect(await a1.db.cases.get(atCounty.id)).toMatchObject({
      status: 'confirmed',
      decidedOn: today,
      paymentFrom: addMonthsToDate(today, 1).slice(0, 7),
      reviewDue: addMonthsToDate(today, 6),
    });
  });
});
