import { afterEach, describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import type { OpResult } from '@shared/sync/protocol';
import { adminPost } from '../../support/hqHarness';
import { sync } from '../../support/syncDesks';
import { cases, Forge, forgerActors, hqCase, setUp, stopHostileOffice } from './hostileDeskKit';

/**
 * 医疗救助 hand records at a real HQ: a hostile desk pushes medicalCoverage ops by hand.
 * HQ judges each against its own view of the person's coverage, derived from the cases
 * it holds: a derived category typed by hand, a "derived" source, an overlap with a
 * paid 低保 coverage without a reason, a second hand record over the first, a role that
 * may not write — refused, naming the field and the rule; the honest version applies.
 */

afterEach(stopHostileOffice);

const refusal = (result: OpResult | undefined) =>
  result?.status === 'rejected'
    ? result.reason.fieldErrors?.map((e) => `${e.path}:${e.code}`)
    : result?.status;

describe.each(cases)('medicalCoverage at HQ, $storage.kind, $mode', ({ storage, mode }) => {
  it('refuses forged and overlapping hand records and keeps the honest one', async () => {
    const office = await setUp(storage);
    const forge = new Forge(office, mode);
    await forge.start();
    const { supervisor, registrar, admin } = forgerActors;

    // The county delegates confirmation; the 公示 case is confirmed and paid: 低保 coverage.
    const delegated = await adminPost(office.hq.url, '/delegations', {
      office: 'office-a',
      confirmationDelegated: true,
      effectiveFrom: '2026-01-01',
      setBy: '县民政局',
    });
    expect(delegated.status).toBe(200);
    const notice = await hqCase(office, office.noticeId);
    const confirm = { action: 'confirm_at_township', from: 'public_notice', to: 'confirmed' };
    const confirmed = await forge.send(
      forge.step(office.noticeId, notice.version, confirm, supervisor, { opinion: '符合条件' }),
    );
    expect(confirmed.map((r) => r.status)).toEqual(['applied', 'applied']);
    const pay = { action: 'start_payment', from: 'confirmed', to: 'active' };
    const paid = await forge.send(forge.step(office.noticeId, notice.version + 1, pay, supervisor));
    expect(paid.map((r) => r.status)).toEqual(['applied', 'applied']);
    const active = await hqCase(office, office.noticeId);
    expect(active.data.status).toBe('active');
    const personId = (active.data.coveredPersonIds as string[])[0] ?? '';
    const decidedOn = active.data.decidedOn as string;
    const coveredFrom = `${active.data.paymentFrom as string}-01`;
    // Approved on the forger's clock (15 April), paid from the next month.
    expect([decidedOn, coveredFrom]).toEqual(['2026-04-15', '2026-05-01']);

    const record = (fields: Record<string, unknown>, actor = registrar) =>
      forge.op({
        kind: 'medicalCoverage',
        op: 'create',
        recordId: newRecordId(),
        baseVersion: 0,
        actor,
        fields: {
          personId,
          category: 'monitored',
          from: decidedOn,
          to: null,
          note: '',
          source: 'manual',
          overlapReason: '',
          ...fields,
        },
      });

    const [typedDibao, derivedSource, overlapping, byAdmin, unknownCategory] = await forge.send([
      record({ category: 'dibao' }),
      record({ source: 'derived' }),
      record({ from: decidedOn }),
      record({ to: decidedOn }, admin),
      record({ category: 'notACategory' }),
    ]);
    expect(refusal(typedDibao)).toEqual(['category:medical.category_derived']);
    expect(refusal(derivedSource)?.[0]).toMatch(/^source:/);
    expect(refusal(overlapping)).toEqual(['overlapReason:medical.overlaps_derived']);
    expect(refusal(byAdmin)).toEqual(['actor:actor.role_may_not']);
    expect(refusal(unknownCategory)).toEqual(['category:medical.category_unknown']);

    // Ending before the 低保 coverage starts needs no reason; with a reason it may overlap.
    const before = record({ from: decidedOn, to: decidedOn }, supervisor);
    const withReason = record({ from: coveredFrom, overlapReason: '县乡村振兴局监测名单' });
    const [early, reasoned] = await forge.send([before, withReason]);
    expect(refusal(early)).toBe('applied');
    expect(refusal(reasoned)).toBe('applied');

    // A second hand record over the first is refused, even with a reason.
    const [second] = await forge.send([
      record({ from: coveredFrom, category: 'monitored', overlapReason: '重复' }),
    ]);
    expect(refusal(second)).toEqual(['from:medical.overlaps_manual']);

    // The office's honest desk receives what HQ kept and nothing it refused.
    expect(await sync(office.honest)).toMatchObject({ rejected: 0 });
    const kept = (await office.honest.db.table('medicalCoverages').toArray()).filter(
      (r: { deleted: boolean }) => !r.deleted,
    );
    expect(kept.map((r: { from: string }) => r.from).sort()).toEqual([decidedOn, coveredFrom]);
  });
});
