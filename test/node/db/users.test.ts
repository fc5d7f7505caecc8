import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../renderer/src/auth/password';
import {
  authenticate,
  createFirstAdmin,
  createUser,
  hasAnyUser,
} from '../../../renderer/src/db/repositories/users';
import { openTestDesk } from '../../fakes/deskFixtures';

describe('local accounts', () => {
  it('hashes with a salted slow KDF and verifies', async () => {
    const a = await hashPassword('correct horse', 100_000);
    const b = await hashPassword('correct horse', 100_000);
    expect(a.hash).not.toBe(b.hash); // different salts
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('wrong horse', a)).toBe(false);
  });

  it('creates the first admin once, then authenticates users by password', async () => {
    const { db, ctx } = await openTestDesk();
    expect(await hasAnyUser(db)).toBe(false);
    const admin = await createFirstAdmin(db, ctx, {
      username: 'admin',
      displayName: '系统管理员',
      password: 's3cret-pass',
    });
    expect(admin).toMatchObject({ role: 'admin', createdBy: admin.id });
    expect(admin.passwordHash).not.toContain('s3cret');
    await expect(
      createFirstAdmin(db, ctx, { username: 'x', displayName: 'x', password: 'another-pass' }),
    ).rejects.toMatchObject({ code: 'forbidden' });

    await createUser(db, ctx, {
      username: 'wang',
      displayName: '王登记',
      role: 'registrar',
      password: 'window-01',
    });
    expect((await authenticate(db, 'wang', 'window-01'))?.role).toBe('registrar');
    expect(await authenticate(db, 'wang', 'window-02')).toBeNull();
    expect(await authenticate(db, 'nobody', 'window-01')).toBeNull();
    // Accounts stay on the device: nothing queued for HQ.
    expect(await db.queue.count()).toBe(0);
  });

  it('refuses short passwords and taken usernames with field errors', async () => {
    const { db, ctx } = await openTestDesk();
    await expect(
      createUser(db, ctx, {
        username: 'li',
        displayName: '李',
        role: 'supervisor',
        password: 'short',
      }),
    ).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ code: 'user.password_short' })],
    });
    await createUser(db, ctx, {
      username: 'li',
      displayName: '李',
      role: 'supervisor',
      password: 'long-enough',
    });
    await expect(
      createUser(db, ctx, {
        username: 'li',
        displayName: '李二',
        role: 'registrar',
        password: 'long-enough',
      }),
    ).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ code: 'user.username_taken' })],
    });
  });
});
