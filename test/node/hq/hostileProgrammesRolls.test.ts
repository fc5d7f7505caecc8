import { afterEach, describe, expect, it } from 'vitest';
import { addMonths, monthOf } from '@shared/calendar/dates';
import { newRecordId } from '@shared/records/ids';
import { rollHash } from '@shared/rolls/rollHash';
import type { PaymentRollData } from '@shared/rolls/rollRecord';
import { officeToday } from '@shared/validation/dates';
import { publicHqKeys, loadHqKeys } from '../../../hq/src/store/hqKeys';
import {
  advanceRoll,
  drawMonthRoll,
} from '../../../renderer/src/db/repositories/rolls/paymentRolls';
import { startHq, type RunningHq } from '../../support/hqHarness';
import { connect, enroll, openOfficeDesk, sync } from '../../support/syncDesks';
import { Forge, forgerActors, reasonOf, type Office } from './hostileDeskKit';
import { keyedDesk } from './packageKit';
import { activeCase, hqRoll } from './rollsHqKit';

/**
 * Hostile review of issue #13's payment rolls at a real HQ: a forged desk that moves a
 * draft roll to another month (or version) — so that a second roll of an approved month
 * could be checked and approved, and the month paid twice — and a roll drawn for a month
 * far in the future, locked before its cases' month has come.
 */
let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

describe.each(['online', 'package'] as const)('hostile payment rolls at HQ, %s', (mode) => {
  it('refuses a draft moved to an approved month or version, and a roll of a far month', async () => {
    hq = await startHq({ storage: { kind: 'sqlite' } as never });
    const honest = await openOfficeDesk('office-a', 'a1', new Date(Date.now() - 42 * 86_400_000));
    await enroll(honest, hq);
    const active = await activeCase(honest, hq);
    const month = active.paymentFrom as string;
    const drawn = await drawMonthRoll(honest.db, honest.ctx, 'dibao', month);
    const checked = await advanceRoll(honest.db, honest.ctx, drawn.id, 'checked');
    await advanceRoll(honest.db, honest.as('supervisor'), drawn.id, 'approved', checked.hash);
    expect((await sync(honest)).rejected).toBe(0);
    const locked = await hqRoll(hq as RunningHq, drawn.id);
    expect(locked?.data.status).toBe('approved');
    if (!locked) throw new Error('no roll');

    const forger = await keyedDesk(hq.hq, 'office-a', 'f1');
    await connect(
      forger.desk,
      { token: forger.token, hqKeys: publicHqKeys(await loadHqKeys(hq.hq)) },
      hq.url,
    );
    expect((await sync(forger.desk)).rejected).toBe(0);
    const office = { hq, hqKeys: await loadHqKeys(hq.hq), forger } as unknown as Office;
    const forge = new Forge(office, mode);
    await forge.start();
    (forge as unknown as { clock: number }).clock = Date.now();
    const { registrar } = forgerActors;

    // A draft of the month before (its own version 1: allowed) with the approved month's lines.
    const copyId = newRecordId();
    const earlier = addMonths(month, -1);
    const draft = {
      ...locked.data,
      month: earlier,
      rollVersion: 1,
      status: 'draft' as const,
      approvedBy: null,
      approvedOn: null,
      hash: await rollHash(locked.data.lines),
    };
    const created = forge.op({
      kind: 'paymentRoll',
      recordId: copyId,
      op: 'create',
      baseVersion: 0,
      actor: registrar,
      fields: draft,
    });
    expect(reasonOf((await forge.send([created]))[0])).toBe('applied');
    const move = (fields: Partial<PaymentRollData>) =>
      forge.op({
        kind: 'paymentRoll',
        recordId: copyId,
        op: 'update',
        baseVersion: 1,
        fields,
        actor: registrar,
      });
    // Moved onto the approved month: a second version 1 of it, which HQ would then draw
    // exactly as the first (its lines match) and let a supervisor approve again.
    expect(reasonOf((await forge.send([move({ month })]))[0])).toBe('roll.identity_fixed');
    expect(reasonOf((await forge.send([move({ rollVersion: 2 })]))[0])).toBe('roll.identity_fixed');
    expect(reasonOf((await forge.send([move({ programme: 'tekun' })]))[0])).toBe(
      'roll.identity_fixed',
    );
    expect((await hqRoll(hq as RunningHq, copyId))?.data).toMatchObject({
      month: earlier,
      rollVersion: 1,
    });

    // A roll for a month years ahead: locked before its month has come.
    const far = addMonths(monthOf(officeToday(new Date())), 24);
    const farRoll = forge.op({
      kind: 'paymentRoll',
      recordId: newRecordId(),
      op: 'create',
      baseVersion: 0,
      actor: registrar,
      fields: { ...draft, month: far },
    });
    expect(reasonOf((await forge.send([farRoll]))[0])).toBe('roll.month_future');
  }, 120_000);
});
