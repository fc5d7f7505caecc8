import { afterEach, describe, expect, it } from 'vitest';
import type { OpResult } from '@shared/sync/protocol';
import type { QueueEntry } from '@shared/sync/queueEntry';
import {
  cases,
  Forge,
  forgerActors,
  hqRecord,
  reasonOf,
  setUp,
  stopHostileOffice,
  type Office,
} from './hostileDeskKit';

/**
 * Accounts are the administrator's (shared/authority/kindWriters.ts): a registrar's
 * forged staffMember update — a password reset, enabling a disabled account, roles for
 * itself — pushed straight to a real HQ with its desk's token, online and in a signed
 * package, is refused naming the rule, and HQ's accounts stay as they were. The same
 * change from the desk's administrator is taken.
 */
afterEach(stopHostileOffice);

const staffAtHq = (office: Office, id: string) => hqRecord(office, 'staffMember', id);

function refusal(result: OpResult | undefined) {
  if (result?.status !== 'rejected') return result?.status ?? 'missing';
  return { code: result.reason.code, message: result.reason.message, rule: reasonOf(result) };
}

describe.each(cases)("a registrar's forged account change ($storage.kind, $mode)", (c) => {
  it('is refused as the administrator’s to make, and the administrator’s own is taken', async () => {
    const office = await setUp(c.storage);
    const forge = new Forge(office, c.mode);
    await forge.start();
    const deviceId = office.forger.desk.deviceId;
    const { admin, registrar } = forgerActors;
    const update =
      (recordId: string, baseVersion: number, fields: Record<string, unknown>) =>
      (actor: QueueEntry['actor']) =>
        forge.op({ kind: 'staffMember', recordId, op: 'update', baseVersion, fields, actor });

    // The administrator keeps a disabled account on the desk (honest: taken).
    const clerk = 'user-clerk-f1';
    const made = forge.op({
      kind: 'staffMember',
      recordId: clerk,
      op: 'create',
      baseVersion: 0,
      actor: admin,
      fields: {
        username: 'clerk-f1',
        displayName: '办事员f1',
        roles: ['registrar'],
        disabled: true,
        deviceId,
      },
    });
    expect(reasonOf((await forge.send([made]))[0])).toBe('applied');

    const ids = ['user-admin-f1', clerk, registrar.userId];
    const before = await Promise.all(ids.map((id) => staffAtHq(office, id)));
    const [adminAccount, clerkAccount, ownAccount] = before;
    const resetAt = '2026-04-15T03:00:00.000Z';
    const forged = {
      passwordReset: update('user-admin-f1', adminAccount?.version ?? 1, {
        passwordResetAt: resetAt,
      }),
      enableDisabled: update(clerk, clerkAccount?.version ?? 1, { disabled: false }),
      ownRoles: update(registrar.userId, ownAccount?.version ?? 1, {
        roles: ['registrar', 'admin'],
      }),
    };
    for (const [what, op] of Object.entries(forged)) {
      // In the role it holds: registrars may not write accounts.
      const [asRegistrar] = await forge.send([op(registrar)]);
      expect(refusal(asRegistrar), what).toEqual({
        code: 'forbidden',
        message: 'Role registrar may not write staffMember records.',
        rule: 'actor.role_may_not',
      });
      // Claiming the administrator's role it does not hold.
      const [asAdmin] = await forge.send([op({ ...registrar, role: 'admin' })]);
      expect(reasonOf(asAdmin), what).toBe('actor.role_not_held');
    }
    expect(await Promise.all(ids.map((id) => staffAtHq(office, id)))).toEqual(before);

    // The desk's administrator resetting the password: taken, as the control.
    const [reset] = await forge.send([forged.passwordReset(admin)]);
    expect(reasonOf(reset)).toBe('applied');
    expect((await staffAtHq(office, 'user-admin-f1')).data.passwordResetAt).toBe(resetAt);
  });
});
