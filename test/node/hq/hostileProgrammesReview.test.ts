import { afterEach, describe, expect, it } from 'vitest';
import type { OpResult } from '@shared/sync/protocol';
import { adminPost } from '../../support/hqHarness';
import { cases, Forge, forgerActors, hqCase, setUp, stopHostileOffice } from './hostileDeskKit';

/**
 * Hostile review of 复核 at a real HQ: a review (under_review; 特困's 重新评估 likewise)
 * may correct members, income and the amount — not hand the decided case to another
 * person. A forged review correction naming another member as the applicant would give
 * the county's decision to someone it never decided on; a new head is a successor case.
 */

afterEach(stopHostileOffice);

const rule = (result: OpResult | undefined) =>
  result?.status === 'rejected'
    ? result.reason.fieldErrors?.map((e) => `${e.path}:${e.code}`)
    : result?.status;

describe.each(cases)('review at HQ, $storage.kind, $mode', ({ storage, mode }) => {
  it('refuses a review correction that changes the applicant', async () => {
    const office = await setUp(storage);
    const forge = new Forge(office, mode);
    await forge.start();
    const { supervisor, registrar } = forgerActors;
    const delegated = await adminPost(office.hq.url, '/delegations', {
      office: 'office-a',
      confirmationDelegated: true,
      effectiveFrom: '2026-01-01',
      setBy: '县民政局',
    });
    expect(delegated.status).toBe(200);
    const id = office.noticeId;
    const steps = [
      [{ action: 'confirm_at_township', from: 'public_notice', to: 'confirmed' }, supervisor],
      [{ action: 'start_payment', from: 'confirmed', to: 'active' }, supervisor],
      [{ action: 'start_review', from: 'active', to: 'under_review' }, registrar],
    ] as const;
    for (const [transition, actor] of steps) {
      const { version } = await hqCase(office, id);
      const sent = await forge.send(
        forge.step(id, version, transition, actor, { opinion: '同意' }),
      );
      expect(sent.map((r) => r.status)).toEqual(['applied', 'applied']);
    }
    const inReview = await hqCase(office, id);
    expect(inReview.data.status).toBe('under_review');
    const covered = inReview.data.coveredPersonIds as string[];
    const other = covered.find((p) => p !== inReview.data.applicantPersonId);
    if (!other) throw new Error('the household needs a second member');
    const row = await office.hq.hq.db
      .selectFrom('records')
      .select('data')
      .where('kind', '=', 'person')
      .where('id', '=', other)
      .executeTakeFirstOrThrow();
    const name = (JSON.parse(row.data) as { name: string }).name;
    const [switched] = await forge.send([
      forge.op({
        recordId: id,
        op: 'update',
        baseVersion: inReview.version,
        fields: {
          applicantPersonId: other,
          applicantName: name,
          // The benefit as a review computes it: on the day the review started.
          benefit: {
            ...(inReview.data.benefit as object),
            computedForDate: inReview.data.reviewStartedOn,
          },
        },
        reason: '复核更正',
        actor: registrar,
      }),
    ]);
    expect(rule(switched)).toEqual(['applicantPersonId:case.applicant_fixed']);
    expect((await hqCase(office, id)).data).toEqual(inReview.data);
  });
});
