import { afterEach, describe, expect, it } from 'vitest';
import {
  resetPassword,
  setUserDisabled,
} from '../../../renderer/src/db/repositories/accountChanges';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import { createUser } from '../../../renderer/src/db/repositories/users';
import type { WriteContext } from '../../../renderer/src/db/writeContext';
import { loadRecord } from '../../../hq/src/store/recordStore';
import { personInput, residentId, threeMemberHousehold } from '../../fakes/deskFixtures';
import { hqStorages, startHq, type RunningHq } from '../../support/hqHarness';
import { enroll, openOfficeDesk, sync } from '../../support/syncDesks';

/**
 * Issue #16 item 4 at HQ: an account disabled at the desk is disabled at HQ too — an op
 * made in its name after that (a tampered desk that still writes as it) is refused there,
 * while its work from before stands; a password reset reaches HQ as the fact and the
 * administrator who made it, never the password or its hash.
 */
let hq: RunningHq | undefined;

afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

describe.each(hqStorages)('accounts at HQ on %s', (storage) => {
  it('refuses what a disabled account does afterwards and keeps what it did before', async () => {
    hq = await startHq({ storage });
    const desk = await openOfficeDesk('office-a', 'a1');
    await enroll(desk, hq);
    const admin = desk.as('admin');
    const clerk = await createUser(desk.db, admin, {
      username: 'wang',
      displayName: '王登记',
      roles: ['registrar'],
      password: 'window-01',
    });
    const clerkCtx: WriteContext = {
      ...desk.ctx,
      actor: { userId: clerk.id, name: clerk.displayName, role: 'registrar' },
    };
    const before = await registerHousehold(desk.db, clerkCtx, threeMemberHousehold('urban'));
    await resetPassword(desk.db, admin, clerk.id, 'temp-pass-1');
    await setUserDisabled(desk.db, admin, clerk.id, true);
    // A desk whose login check was bypassed still writes as the disabled clerk.
    const after = await registerHousehold(desk.db, clerkCtx, {
      ...threeMemberHousehold('rural'),
      members: [
        {
          relation: 'self',
          person: personInput({
            name: '赵四',
            idNumber: residentId('330102', '1970-01-01', '057'),
            birthDate: '1970-01-01',
          }),
        },
      ],
    });
    await sync(desk);

    const refused = await desk.db.rejectedOps.toArray();
    expect(refused.length).toBeGreaterThan(0);
    const codes = refused.map((r) => r.reason.fieldErrors?.[0]?.code ?? r.reason.code);
    expect(new Set(codes)).toEqual(new Set(['actor.disabled']));
    expect(refused.every((r) => r.entry.actor.userId === clerk.id)).toBe(true);
    const running = hq;
    const atHq = (kind: string, id: string) =>
      running.hq.db.transaction().execute((trx) => loadRecord(trx, 'office-a', kind, id));
    expect(await atHq('household', before.household.id)).not.toBeNull();
    expect(await atHq('household', after.household.id)).toBeNull();

    const staff = await atHq('staffMember', clerk.id);
    expect(staff?.data).toMatchObject({ disabled: true, passwordResetAt: expect.any(String) });
    const held = JSON.stringify(staff);
    expect(held).not.toContain('temp-pass-1');
    expect(held).not.toContain((await desk.db.users.get(clerk.id))?.passwordHash);
  });
});
