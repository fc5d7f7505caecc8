import { afterEach, describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import type { OpResult } from '@shared/sync/protocol';
import { officeToday } from '@shared/validation/dates';
import { rollHash } from '@shared/rolls/rollHash';
import type { PaymentRollData } from '@shared/rolls/rollRecord';
import { publicHqKeys, loadHqKeys } from '../../../hq/src/store/hqKeys';
import {
  advanceRoll,
  drawMonthRoll,
  markUnpaid,
} from '../../../renderer/src/db/repositories/rolls/paymentRolls';
import { startHq, type RunningHq } from '../../support/hqHarness';
import { connect, enroll, openOfficeDesk, sync } from '../../support/syncDesks';
import { Forge, forgerActors, reasonOf, type Office } from './hostileDeskKit';
import { keyedDesk } from './packageKit';
import { activeCase, hqRoll } from './rollsHqKit';

/**
 * Payment rolls at a real HQ (SQLite on loopback): an honest desk's roll — drawn,
 * checked, approved by its supervisor — is taken; HQ draws the roll itself from its own
 * records and refuses a forged one: approved by a registrar, lines raised (with a hash
 * made to match), a hash that is not the lines', a roll created approved, a change to a
 * locked roll, an unpaid mark on a roll not approved.
 */
let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

const refusedFields = (result: OpResult | undefined) =>
  result?.status === 'rejected'
    ? (result.reason.fieldErrors ?? []).map((e) => `${e.path}:${e.code}`)
    : result?.status;

describe.each(['online', 'package'] as const)(
  'payment rolls at HQ (SQLite), forged ops %s',
  (mode) => {
    it('takes the honest roll and refuses every forged one', async () => {
      hq = await startHq({ storage: { kind: 'sqlite' } as never });
      // The desk's clock starts 42 days back so the county's decision (today) follows its steps.
      const honest = await openOfficeDesk('office-a', 'a1', new Date(Date.now() - 42 * 86_400_000));
      await enroll(honest, hq);
      const active = await activeCase(honest, hq);
      const month = active.paymentFrom as string;
      expect(month).toMatch(/^\d{4}-\d{2}$/);

      // The honest roll: drawn by the registrar, checked, approved by the supervisor.
      const drawn = await drawMonthRoll(honest.db, honest.ctx, 'dibao', month);
      expect(drawn.lines.map((l) => [l.caseId, l.kind, l.accountNumber])).toEqual([
        [active.id, 'new', '6228480012345678901'],
      ]);
      expect(drawn.problems).toEqual([]);
      const checked = await advanceRoll(honest.db, honest.ctx, drawn.id, 'checked');
      await expect(
        advanceRoll(honest.db, honest.ctx, drawn.id, 'approved', checked.hash),
      ).rejects.toMatchObject({ code: 'forbidden' });
      expect((await sync(honest)).rejected).toBe(0);
      expect((await hqRoll(hq as RunningHq, drawn.id))?.data.status).toBe('checked');

      // The forger: an enrolled device of the office, sending hand-made ops.
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
      // Its clock after the honest desk's, so its writes win the merge and meet the rules.
      (forge as unknown as { clock: number }).clock = Date.now();
      const { registrar, supervisor } = forgerActors;
      const atHq = await hqRoll(hq as RunningHq, drawn.id);
      if (!atHq) throw new Error('no roll at HQ');
      const update = (fields: Partial<PaymentRollData>, actor = registrar) =>
        forge.op({
          kind: 'paymentRoll',
          recordId: drawn.id,
          op: 'update',
          baseVersion: atHq.version,
          fields,
          actor,
        });
      const approval = {
        status: 'approved' as const,
        approvedBy: '登记员f1',
        approvedOn: '2026-04-15',
      };

      // Approved by a registrar: refused.
      expect(reasonOf((await forge.send([update(approval)]))[0])).toBe('roll.approve_role');
      // Approved by the supervisor in another's name, or dated another day than the op's
      // own (HQ's day of op.createdAt), or an approver written on a roll not approved.
      const other = update({ ...approval, approvedBy: '县长' }, supervisor);
      other.fields.approvedOn = officeToday(new Date(other.createdAt));
      expect(refusedFields((await forge.send([other]))[0])).toEqual([
        'approvedBy:approval.not_actor',
      ]);
      const backDated = update({ ...approval, approvedBy: '主管f1' }, supervisor);
      expect(refusedFields((await forge.send([backDated]))[0])).toEqual([
        'approvedOn:approval.not_op_day',
      ]);
      expect(refusedFields((await forge.send([update({ approvedBy: '主管f1' })]))[0])).toEqual([
        'approvedBy:approval.not_approved',
      ]);
      // A line raised by 100.00 yuan, total and hash made to match: HQ draws another roll.
      const raised = atHq.data.lines.map((l) => ({
        ...l,
        monthlyFen: l.monthlyFen + 10_000,
        paidFen: l.paidFen + 10_000,
      }));
      const forgedLines = {
        lines: raised,
        totalFen: atHq.data.totalFen + 10_000,
        hash: await rollHash(raised),
      };
      expect(reasonOf((await forge.send([update(forgedLines)]))[0])).toBe('roll.lines_differ');
      // The same lines under a hash that is not theirs.
      expect(reasonOf((await forge.send([update({ hash: 'f'.repeat(64) })]))[0])).toBe(
        'roll.hash_mismatch',
      );
      // A roll created approved.
      const created = forge.op({
        kind: 'paymentRoll',
        recordId: newRecordId(),
        op: 'create',
        baseVersion: 0,
        actor: supervisor,
        fields: { ...atHq.data, rollVersion: 2, ...approval, approvedBy: '主管f1' },
      });
      expect(reasonOf((await forge.send([created]))[0])).toBe('roll.starts_as_draft');
      // A second roll of the month while the first is open (another desk drew it too).
      const second = forge.op({
        kind: 'paymentRoll',
        recordId: newRecordId(),
        op: 'create',
        baseVersion: 0,
        actor: registrar,
        fields: { ...atHq.data, status: 'draft', rollVersion: 1 },
      });
      expect(reasonOf((await forge.send([second]))[0])).toBe('roll.version_taken');
      // An unpaid mark on a roll not yet approved.
      const unpaid = (reason: string) =>
        forge.op({
          kind: 'rollUnpaid',
          recordId: newRecordId(),
          op: 'create',
          baseVersion: 0,
          actor: registrar,
          fields: { rollId: drawn.id, key: active.id, reason },
        });
      expect(reasonOf((await forge.send([unpaid('账户已销户')]))[0])).toBe(
        'roll.unpaid_not_approved',
      );
      expect((await hqRoll(hq as RunningHq, drawn.id))?.data.status).toBe('checked');

      // The honest supervisor approves with the hash shown: HQ takes it.
      const approved = await advanceRoll(
        honest.db,
        honest.as('supervisor'),
        drawn.id,
        'approved',
        checked.hash,
      );
      expect(approved).toMatchObject({ status: 'approved', approvedBy: '主管a1' });
      expect((await sync(honest)).rejected).toBe(0);
      const locked = await hqRoll(hq as RunningHq, drawn.id);
      expect(locked?.data).toMatchObject({
        status: 'approved',
        hash: checked.hash,
        totalFen: drawn.totalFen,
      });

      // Locked: a supervisor's change of an approved roll is refused at HQ as at the desk.
      const relock = forge.op({
        kind: 'paymentRoll',
        recordId: drawn.id,
        op: 'update',
        baseVersion: locked?.version ?? 0,
        fields: { approvedBy: '主管f1' },
        actor: supervisor,
      });
      expect(reasonOf((await forge.send([relock]))[0])).toBe('roll.locked');
      await expect(
        advanceRoll(honest.db, honest.as('supervisor'), drawn.id, 'approved', checked.hash),
      ).rejects.toMatchObject({
        fieldErrors: [{ code: 'roll.locked' }],
      });

      // Reported unpaid once (the honest desk), a second mark of the same line refused.
      await markUnpaid(honest.db, honest.ctx, drawn.id, active.id, '账户已销户');
      expect((await sync(honest)).rejected).toBe(0);
      expect(reasonOf((await forge.send([unpaid('户名不符')]))[0])).toBe('roll.unpaid_twice');
    }, 120_000);
  },
);
