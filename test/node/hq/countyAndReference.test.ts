import { afterEach, describe, expect, it } from 'vitest';
import { isAppErrorData } from '@shared/errors/appError';
import { caseHistory } from '../../../renderer/src/db/repositories/caseQueries';
import { listStandards } from '../../../renderer/src/db/repositories/reference';
import {
  adminPost,
  hqRowCounts,
  hqStorages,
  postJson,
  startHq,
  type RunningHq,
} from '../../support/hqHarness';
import { applyForDibao, caseAtCountyReview, registerFamily, step } from '../../support/officeWork';
import { enroll, openOfficeDesk, sync } from '../../support/syncDesks';

/**
 * What the county does at HQ reaches the desks as ordinary changes: decisions on cases
 * submitted to the county, and the reference data it publishes.
 */

let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

describe.each(hqStorages)('county decisions and reference data over $kind', (storage) => {
  it('a case at 县级审核 decided through the admin API reaches both desks of the office', async () => {
    hq = await startHq({ storage });
    const a1 = await openOfficeDesk('office-a', 'a1');
    const a2 = await openOfficeDesk('office-a', 'a2');
    const b1 = await openOfficeDesk('office-b', 'b1');
    for (const desk of [a1, a2, b1]) await enroll(desk, hq);
    const confirmed = await caseAtCountyReview(a1, await registerFamily(a1));
    const denied = await caseAtCountyReview(a1, await registerFamily(a1));
    expect(confirmed.status).toBe('county_review');
    await sync(a1);

    const decide = (caseId: string, body: unknown) =>
      adminPost((hq as RunningHq).url, `/cases/${caseId}/decision`, body);
    expect(
      await decide(confirmed.id, {
        action: 'confirm',
        opinion: '符合条件，予以确认',
        decidedBy: '县民政局',
      }),
    ).toMatchObject({ status: 200, body: { caseId: confirmed.id, action: 'confirm' } });
    expect(
      await decide(denied.id, { action: 'deny', opinion: '家庭收入超标', decidedBy: '县民政局' }),
    ).toMatchObject({ status: 200 });

    // A second decision, an unknown case, a bad body and a wrong token change nothing.
    const before = await hqRowCounts(hq.hq);
    const again = await decide(confirmed.id, { action: 'deny', opinion: '重复', decidedBy: '县' });
    expect(again).toMatchObject({ status: 409, body: { code: 'invalid_transition' } });
    expect(
      await decide('01900000-0000-7000-8000-000000000000', {
        action: 'confirm',
        opinion: 'x',
        decidedBy: 'y',
      }),
    ).toMatchObject({
      status: 404,
      body: { code: 'not_found' },
    });
    const badBody = await decide(denied.id, { action: 'grant', opinion: '', decidedBy: 3 });
    expect(badBody.status).toBe(400);
    expect(isAppErrorData(badBody.body)).toBe(true);
    expect(
      (badBody.body as { fieldErrors: { path: string }[] }).fieldErrors.map((f) => f.path).sort(),
    ).toEqual(['action', 'decidedBy', 'opinion']);
    const wrongToken = await postJson(
      `${hq.url}/v1/admin/cases/${denied.id}/decision`,
      { action: 'confirm', opinion: 'x', decidedBy: 'y' },
      'not-the-admin-token',
    );
    expect(wrongToken).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
    expect(await hqRowCounts(hq.hq)).toEqual(before);

    for (const desk of [a1, a2]) {
      await sync(desk);
      expect((await desk.db.cases.get(confirmed.id))?.status).toBe('confirmed');
      expect((await desk.db.cases.get(denied.id))?.status).toBe('denied');
      const history = await caseHistory(desk.db, confirmed.id);
      expect(history.at(-1)).toMatchObject({
        action: 'confirm',
        from: 'county_review',
        to: 'confirmed',
        actorRole: 'county',
        actorName: '县民政局',
        opinion: '符合条件，予以确认',
      });
      expect(history.map((e) => e.to)).toEqual([
        'submitted',
        'accepted',
        'investigating',
        'township_opinion',
        'public_notice',
        'county_review',
        'confirmed',
      ]);
      expect((await caseHistory(desk.db, denied.id)).at(-1)).toMatchObject({ to: 'denied' });
    }
    // The decision is office A's: office B's desk never sees the case.
    await sync(b1);
    expect(await b1.db.cases.count()).toBe(0);
    expect(await b1.db.caseEvents.count()).toBe(0);

    // The office goes on from the county's decision: 发放 starts at a2, reaches a1 —
    // on a day after the decision (HQ decided on its own clock, today).
    a2.advanceDays((Date.now() - a2.ctx.now().getTime()) / 86_400_000 + 1 / 24);
    await step(a2, confirmed.id, 'start_payment');
    await sync(a2);
    await sync(a1);
    expect(await a2.db.rejectedOps.toArray()).toEqual([]);
    expect((await a1.db.cases.get(confirmed.id))?.status).toBe('active');
  });

  it('a standard and a calendar published by the county reach every office and are used', async () => {
    hq = await startHq({ storage });
    const a1 = await openOfficeDesk('office-a', 'a1');
    const b1 = await openOfficeDesk('office-b', 'b1');
    for (const desk of [a1, b1]) await enroll(desk, hq);

    const standard = await adminPost(hq.url, '/standards', {
      areaCode: '330102',
      category: 'rural',
      // A raise from February over the standard in force since January.
      effectiveFrom: '2026-02-01',
      effectiveTo: null,
      amountFen: 70000,
      note: '县局2026年农村低保标准',
      publishedBy: '县民政局',
    });
    expect(standard.status).toBe(200);
    const standardId = (standard.body as { id: string }).id;
    const calendar = await adminPost(hq.url, '/calendars', {
      year: 2027,
      holidays: ['2027-01-01', '2027-02-06'],
      extraWorkdays: ['2027-02-14'],
      publishedBy: '县民政局',
    });
    expect(calendar).toMatchObject({ status: 200, body: { year: 2027 } });
    // A malformed standard names its fields and publishes nothing.
    const before = await hqRowCounts(hq.hq);
    const bad = await adminPost(hq.url, '/standards', {
      areaCode: 'x',
      category: 'urban',
      effectiveFrom: '1 January',
      effectiveTo: null,
      amountFen: -1,
      publishedBy: '县民政局',
    });
    expect(bad.status).toBe(400);
    const paths = (bad.body as { fieldErrors: { path: string }[] }).fieldErrors.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['areaCode', 'effectiveFrom', 'amountFen']));
    expect(await hqRowCounts(hq.hq)).toEqual(before);

    for (const desk of [a1, b1]) {
      await sync(desk);
      expect(await desk.db.benefitStandards.get(standardId)).toMatchObject({
        amountFen: 70000,
        source: 'hq',
        officeId: 'reference',
      });
      expect(await desk.db.calendarYears.get('calendar-2027')).toMatchObject({
        year: 2027,
        extraWorkdays: ['2027-02-14'],
        source: 'hq',
      });
      // Nothing of the reference data is queued back to HQ.
      expect(await desk.db.queue.count()).toBe(0);
    }
    // From then on the desk computes benefits with the county's standard.
    expect((await listStandards(a1.db)).some((s) => s.id === standardId)).toBe(true);
    const family = await registerFamily(a1);
    const created = await applyForDibao(a1, {
      householdId: family.household.id,
      headPersonId: family.household.headPersonId,
      headName: family.household.headName,
      memberIds: family.members.map((m) => m.person.id),
    });
    expect(created.benefit).toMatchObject({ standardId, standardFen: 70000 });
    await sync(a1);
    expect(await a1.db.queue.count()).toBe(0);
  });
});
