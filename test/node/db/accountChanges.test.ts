import { describe, expect, it, vi } from 'vitest';
import {
  defaultPasswordIterations,
  hashPassword,
  verifyPassword,
} from '../../../renderer/src/auth/password';
import {
  changeOwnPassword,
  resetPassword,
  setUserDisabled,
  upgradePasswordHash,
} from '../../../renderer/src/db/repositories/accountChanges';
import { authenticate, createUser } from '../../../renderer/src/db/repositories/users';
import type { WriteContext } from '../../../renderer/src/db/writeContext';
import { openTestDesk } from '../../fakes/deskFixtures';

/** Issue #16 item 4: disable and enable, reset (a change forced at the next login), KDF. */
async function deskWithClerk() {
  const desk = await openTestDesk();
  const admin = desk.as('admin');
  const clerk = await createUser(desk.db, admin, {
    username: 'wang',
    displayName: '王登记',
    roles: ['registrar'],
    password: 'window-01',
  });
  const clerkCtx: WriteContext = {
    ...desk.ctx,
    actor: { userId: clerk.id, name: clerk.displayName, role: 'registrar', roles: ['registrar'] },
  };
  return { ...desk, admin, clerk, clerkCtx };
}

const queuedStaff = async (db: Awaited<ReturnType<typeof openTestDesk>>['db'], id: string) =>
  (await db.queue.toArray()).filter((e) => e.kind === 'staffMember' && e.recordId === id);

describe('account changes', () => {
  it('a disabled account cannot log in; its office record says so and is queued for HQ', async () => {
    const { db, admin, clerk, clerkCtx } = await deskWithClerk();
    // Not the administrator's job for anyone else: the registrar may not.
    await expect(setUserDisabled(db, clerkCtx, clerk.id, true)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await setUserDisabled(db, admin, clerk.id, true);
    expect(await authenticate(db, 'wang', 'window-01')).toBeNull();
    expect((await db.staff.get(clerk.id))?.disabled).toBe(true);
    const ops = await queuedStaff(db, clerk.id);
    expect(ops.at(-1)).toMatchObject({ op: 'update', fields: { disabled: true } });
    expect(ops.at(-1)?.actor.userId).toBe('user-admin');

    await setUserDisabled(db, admin, clerk.id, false);
    expect((await authenticate(db, 'wang', 'window-01'))?.id).toBe(clerk.id);
    expect((await db.staff.get(clerk.id))?.disabled).toBe(false);
  });

  it('an administrator cannot disable their own account or the last administrator', async () => {
    const { db, admin, clerk } = await deskWithClerk();
    const boss = await createUser(db, admin, {
      username: 'zhao',
      displayName: '赵管理',
      roles: ['admin'],
      password: 'admin-pass-1',
    });
    const bossCtx: WriteContext = {
      ...admin,
      actor: { userId: boss.id, name: boss.displayName, role: 'admin', roles: ['admin'] },
    };
    await expect(setUserDisabled(db, bossCtx, boss.id, true)).rejects.toMatchObject({
      fieldErrors: [{ path: 'disabled', code: 'user.disable_self' }],
    });
    // The test desk's own administrator account has no local login: boss is the only one.
    await expect(setUserDisabled(db, admin, boss.id, true)).rejects.toMatchObject({
      fieldErrors: [{ path: 'disabled', code: 'user.last_admin' }],
    });
    expect((await db.users.get(boss.id))?.disabled).toBe(false);
    await setUserDisabled(db, bossCtx, clerk.id, true);
  });

  it('a reset sets a temporary password that must be changed, on the record HQ gets', async () => {
    const { db, admin, clerk, clerkCtx } = await deskWithClerk();
    await expect(resetPassword(db, admin, clerk.id, 'short')).rejects.toMatchObject({
      fieldErrors: [{ path: 'password', code: 'user.password_short' }],
    });
    await expect(resetPassword(db, clerkCtx, clerk.id, 'temp-pass-1')).rejects.toMatchObject({
      code: 'forbidden',
    });
    await resetPassword(db, admin, clerk.id, 'temp-pass-1');
    expect(await authenticate(db, 'wang', 'window-01')).toBeNull();
    const user = await authenticate(db, 'wang', 'temp-pass-1');
    expect(user?.mustChangePassword).toBe(true);
    const ops = await queuedStaff(db, clerk.id);
    expect(ops.at(-1)?.fields).toMatchObject({ passwordResetAt: expect.any(String) });
    // Neither the password nor its hash goes anywhere.
    const queued = JSON.stringify(await db.queue.toArray());
    expect(queued).not.toContain('temp-pass-1');
    expect(queued).not.toContain(user?.passwordHash);

    // The account chooses its own: the temporary one proven, the new one not the same.
    await expect(
      changeOwnPassword(db, clerkCtx, 'wrong-temp', 'my-own-pass'),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'currentPassword' }] });
    await expect(
      changeOwnPassword(db, clerkCtx, 'temp-pass-1', 'temp-pass-1'),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'newPassword', code: 'user.password_same' }] });
    await expect(changeOwnPassword(db, clerkCtx, 'temp-pass-1', 'short')).rejects.toMatchObject({
      fieldErrors: [{ path: 'newPassword', code: 'user.password_short' }],
    });
    await changeOwnPassword(db, clerkCtx, 'temp-pass-1', 'my-own-pass');
    const after = await authenticate(db, 'wang', 'my-own-pass');
    expect(after?.mustChangePassword).toBe(false);
    expect(await authenticate(db, 'wang', 'temp-pass-1')).toBeNull();
  });

  it('a hash made with fewer iterations is made again at the next login', async () => {
    const { db, clerk, clerkCtx } = await deskWithClerk();
    const old = await hashPassword('window-01', 310_000);
    await db.users.update(clerk.id, {
      passwordHash: old.hash,
      passwordSalt: old.salt,
      passwordIterations: old.iterations,
    });
    const proven = await authenticate(db, 'wang', 'window-01');
    if (!proven) throw new Error('the old hash no longer verifies');
    expect(proven.passwordIterations).toBe(310_000);
    const upgraded = await upgradePasswordHash(db, clerkCtx, proven, 'window-01');
    expect(upgraded.passwordIterations).toBe(defaultPasswordIterations);
    expect(defaultPasswordIterations).toBeGreaterThanOrEqual(600_000);
    const stored = await db.users.get(clerk.id);
    if (!stored) throw new Error('the account is gone');
    expect(stored.passwordHash).not.toBe(old.hash);
    expect(
      await verifyPassword('window-01', {
        hash: stored.passwordHash,
        salt: stored.passwordSalt,
        iterations: stored.passwordIterations,
      }),
    ).toBe(true);
    // Already current: nothing is written.
    const version = stored.version;
    await upgradePasswordHash(db, clerkCtx, stored, 'window-01');
    expect((await db.users.get(clerk.id))?.version).toBe(version);
  });

  it('an unknown or disabled name is refused after the same hashing as a wrong password', async () => {
    const { db, admin, clerk } = await deskWithClerk();
    await setUserDisabled(db, admin, clerk.id, true);
    await createUser(db, admin, {
      username: 'li',
      displayName: '李登记',
      roles: ['registrar'],
      password: 'window-02',
    });
    // Counted, not timed: each refusal derives one key at today's full work factor, as a
    // wrong password for a real account does (the spy passes every call through).
    const derive = vi.spyOn(crypto.subtle, 'deriveBits');
    const fullHashes = () =>
      derive.mock.calls.filter(
        ([params]) => (params as Pbkdf2Params).iterations === defaultPasswordIterations,
      ).length;
    try {
      for (const [name, password] of [
        ['nobody', 'window-01'],
        ['wang', 'window-01'], // disabled
        ['li', 'wrong-password'],
      ] as const) {
        const before = fullHashes();
        expect(await authenticate(db, name, password)).toBeNull();
        expect(fullHashes() - before, name).toBe(1);
      }
    } finally {
      derive.mockRestore();
    }
  });
});
