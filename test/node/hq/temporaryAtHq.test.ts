import { afterEach, describe, expect, it } from 'vitest';
import { AppError, type AppErrorData } from '@shared/errors/appError';
import { newRecordId } from '@shared/records/ids';
import type { OpResult } from '@shared/sync/protocol';
import { httpError } from '../../../hq/src/http/errors';
import { loadHqKeys, publicHqKeys } from '../../../hq/src/store/hqKeys';
import { adminPost, startHq, type RunningHq } from '../../support/hqHarness';
import { registerFamily } from '../../support/officeWork';
import { connect, enroll, openOfficeDesk, sync } from '../../support/syncDesks';
import { cases, Forge, forgerActors, hqCase, type Office } from './hostileDeskKit';
import { keyedDesk } from './packageKit';
import { applyForTemporary, fireFacts, temporaryCaseFields, walk } from './temporaryKit';

/**
 * 临时救助 at a real HQ: an honest desk's cases (a small and a large amount at the
 * township's opinion, a household helped first and paid) and a forger's hand-made ops,
 * online and in signed packages. Each forged op is refused with a 4xx naming the field
 * and the rule, and HQ keeps the case as it was.
 */

let running: RunningHq | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/** The refusal as the HTTP answer HQ gives it: 4xx, field and rule. */
function refusal(result: OpResult | undefined) {
  if (result?.status !== 'rejected') throw new Error(`not refused: ${JSON.stringify(result)}`);
  return {
    http: httpError(new AppError(result.reason as AppErrorData)).status,
    field: result.reason.fieldErrors?.[0]?.path,
    rule: result.reason.fieldErrors?.[0]?.code,
    params: result.reason.fieldErrors?.[0]?.params,
  };
}

const daysSince = (start: string) => Math.floor((Date.now() - Date.parse(start)) / 86_400_000);

describe.each(cases)('临时救助 at HQ ($storage.kind, $mode)', ({ storage, mode }) => {
  it('refuses forged amounts, tiers, repeated help and a registrar approving', async () => {
    const hq = await startHq({ storage });
    running = hq;
    const honest = await openOfficeDesk('office-a', 'a1');
    await enroll(honest, hq);
    await sync(honest); // the county's standards: rural S = 63 200 fen
    const [smallFamily, largeFamily, helpedFamily, otherFamily] = [
      await registerFamily(honest),
      await registerFamily(honest),
      await registerFamily(honest),
      await registerFamily(honest),
    ];
    const toOpinion = ['submit', 'accept', 'start_investigation', 'record_opinion'] as const;
    const small = await applyForTemporary(honest, smallFamily, fireFacts());
    await walk(honest, small.id, [...toOpinion]);
    // 3 000 元: tier3, over the township's 2 000 元.
    const large = await applyForTemporary(honest, largeFamily, fireFacts({ proposedFen: 300000 }));
    expect(large.benefit).toMatchObject({ benefitFen: 300000, classification: 'tier3' });
    await walk(honest, large.id, [...toOpinion]);
    // Two members of one more household apply each for herself; the first is helped.
    const twoFamily = await registerFamily(honest);
    const [headOf, spouseOf] = twoFamily.members.map((m) => ({
      personId: m.person.id,
      name: m.person.name,
    }));
    const headCase = await applyForTemporary(honest, twoFamily, fireFacts(), undefined, headOf);
    const spouseCase = await applyForTemporary(honest, twoFamily, fireFacts(), undefined, spouseOf);
    await walk(honest, spouseCase.id, ['submit', 'accept']);
    await walk(honest, headCase.id, ['submit', 'accept', 'help_first']);
    // Helping the spouse too, the same day, is a second help to the household: the desk
    // refuses it without a reason.
    await expect(walk(honest, spouseCase.id, ['help_first'])).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ code: 'temporary.repeat_needs_reason' })],
    });
    const first = await applyForTemporary(honest, helpedFamily, fireFacts());
    const paid = await walk(honest, first.id, [
      'submit',
      'accept',
      'help_first',
      'start_investigation',
      'record_opinion',
      'approve_at_township',
      'pay',
    ]);
    expect(paid).toMatchObject({ status: 'paid', helpedFirstOn: '2026-03-02' });
    // The desk itself shows and refuses a second help inside the window without reason.
    await expect(applyForTemporary(honest, helpedFamily, fireFacts())).rejects.toMatchObject({
      fieldErrors: [
        expect.objectContaining({
          path: 'programmeFacts.repeatReason',
          code: 'temporary.repeat_needs_reason',
        }),
      ],
    });
    expect((await sync(honest)).rejected).toBe(0);

    const forger = await keyedDesk(hq.hq, 'office-a', 'f1');
    const hqKeys = await loadHqKeys(hq.hq);
    await connect(forger.desk, { token: forger.token, hqKeys: publicHqKeys(hqKeys) }, hq.url);
    expect((await sync(forger.desk)).rejected).toBe(0);
    const office: Office = {
      hq,
      hqKeys,
      honest,
      other: honest,
      forger,
      draftId: small.id,
      noticeId: large.id,
      investigatingId: small.id,
    };
    const forge = new Forge(office, mode);
    await forge.start();

    // 1. The large amount approved at the township.
    const before = await hqCase(office, large.id);
    const approveLarge = await forge.send(
      forge.step(
        large.id,
        before.version,
        { action: 'approve_at_township', from: 'township_opinion', to: 'approved' },
        forgerActors.supervisor,
        { opinion: '同意' },
      ),
    );
    expect(refusal(approveLarge[0])).toEqual({
      http: 409,
      field: 'benefit.benefitFen',
      rule: 'temporary.over_township_limit',
      params: { amountFen: 300000, limitFen: 200000, amount: '3,000.00', limit: '2,000.00' },
    });
    expect(await hqCase(office, large.id)).toEqual(before);

    // 2. A forged tier, and an amount above the top tier's cap (6 × 632 元 = 3 792 元).
    const honestFields = await temporaryCaseFields(honest, otherFamily, fireFacts());
    const forgedTier = {
      ...honestFields,
      benefit: { ...honestFields.benefit, classification: 'tier1' },
    };
    const overCap = await temporaryCaseFields(
      honest,
      otherFamily,
      fireFacts({ proposedFen: 500000 }),
    );
    const overCapForged = {
      ...overCap,
      benefit: { ...overCap.benefit, benefitFen: 500000 },
    };
    const creates = await forge.send([
      forge.op({ op: 'create', recordId: newRecordId(), baseVersion: 0, fields: forgedTier }),
      forge.op({ op: 'create', recordId: newRecordId(), baseVersion: 0, fields: overCapForged }),
    ]);
    expect(refusal(creates[0])).toEqual({
      http: 400,
      field: 'benefit.classification',
      rule: 'benefit.mismatch',
      params: { sent: 'tier1', computed: 'tier2' },
    });
    expect(refusal(creates[1])).toEqual({
      http: 400,
      field: 'benefit.benefitFen',
      rule: 'benefit.mismatch',
      params: { sent: 500000, computed: 379200 },
    });

    // 3. A second help to the helped household inside the window, without its reason.
    const again = await temporaryCaseFields(honest, helpedFamily, fireFacts(), '2026-03-02');
    const secondId = newRecordId();
    const second = await forge.send([
      forge.op({ op: 'create', recordId: secondId, baseVersion: 0, fields: again }),
    ]);
    expect(refusal(second[0])).toEqual({
      http: 400,
      field: 'programmeFacts.repeatReason',
      rule: 'temporary.repeat_needs_reason',
      params: { helpedOn: '2026-03-02', windowEnd: '2026-05-31', previousCaseId: first.id },
    });
    const withReason = { ...again, programmeFacts: fireFacts({ repeatReason: '再次遭受火灾' }) };
    const reasoned = await forge.send([
      forge.op({ op: 'create', recordId: newRecordId(), baseVersion: 0, fields: withReason }),
    ]);
    expect(reasoned[0]?.status).toBe('applied');

    // 3b. The same, as a forged step: the household's other case was helped first.
    const spouseBefore = await hqCase(office, spouseCase.id);
    const spouseHelp = await forge.send(
      forge.step(
        spouseCase.id,
        spouseBefore.version,
        { action: 'help_first', from: 'accepted', to: 'helped_first' },
        forgerActors.supervisor,
        { opinion: '先行救助' },
      ),
    );
    expect(refusal(spouseHelp[0])).toEqual({
      http: 400,
      field: 'programmeFacts.repeatReason',
      rule: 'temporary.repeat_needs_reason',
      params: { helpedOn: '2026-03-02', windowEnd: '2026-05-31', previousCaseId: headCase.id },
    });
    expect(await hqCase(office, spouseCase.id)).toEqual(spouseBefore);

    // 4. A registrar approving the small amount at the township.
    const smallBefore = await hqCase(office, small.id);
    const byRegistrar = await forge.send(
      forge.step(
        small.id,
        smallBefore.version,
        { action: 'approve_at_township', from: 'township_opinion', to: 'approved' },
        forgerActors.registrar,
        { opinion: '同意' },
      ),
    );
    expect(refusal(byRegistrar[0])).toMatchObject({
      http: 403,
      field: 'actor',
      rule: 'workflow.role_may_not',
    });
    expect(await hqCase(office, small.id)).toEqual(smallBefore);

    // The honest route: the large amount goes to the county, which approves it; the
    // desk pays it once.
    await walk(honest, large.id, ['submit_to_county']);
    expect((await sync(honest)).rejected).toBe(0);
    const decided = await adminPost(hq.url, `/cases/${large.id}/decision`, {
      action: 'approve',
      opinion: '同意救助 3000 元',
      decidedBy: '县民政局',
    });
    expect(decided.status).toBe(200);
    await sync(honest);
    expect(await honest.db.cases.get(large.id)).toMatchObject({ status: 'approved' });
    // The county decided today (HQ's clock): the desk pays after it.
    honest.advanceDays(daysSince('2026-03-02T09:00:00+08:00'));
    await walk(honest, large.id, ['pay']);
    const report = await sync(honest);
    expect(report.rejected, JSON.stringify(report)).toBe(0);
    expect((await hqCase(office, large.id)).data).toMatchObject({ status: 'paid' });
  });
});
