import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../renderer/src/auth/password';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { completeFirstRun } from '../../../renderer/src/db/repositories/firstRun';
import { loadSettings } from '../../../renderer/src/db/repositories/settings';
import { authenticate, createUser, hasAnyUser } from '../../../renderer/src/db/repositories/users';
import { newRecordId } from '@shared/records/ids';
import { openTestDesk, queuedAfterSetup } from '../../fakes/deskFixtures';

describe('local accounts', () => {
  it('hashes with a salted slow KDF and verifies', async () => {
    const a = await hashPassword('correct horse', 100_000);
    const b = await hashPassword('correct horse', 100_000);
    expect(a.hash).not.toBe(b.hash); // different salts
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('wrong horse', a)).toBe(false);
  });

  it('sets up a new desk in one transaction: admin, settings and sample standards', async () => {
    const db = new DeskDatabase(`first-${newRecordId()}`);
    const device = { deviceId: 'device-1', now: () => new Date('2026-03-02T09:00:00+08:00') };
    const input = {
      office: { officeName: '城关镇民政办', officeId: '330102001', areaCode: '330102' },
      admin: { username: 'admin', displayName: '系统管理员', password: 's3cret-pass' },
    };
    expect(await hasAnyUser(db)).toBe(false);
    // A bad area code fails the whole setup: no half-made desk.
    await expect(
      completeFirstRun(db, device, { ...input, office: { ...input.office, areaCode: '33' } }),
    ).rejects.toMatchObject({ fieldErrors: [expect.objectContaining({ path: 'areaCode' })] });
    expect(await db.users.count()).toBe(0);
    expect(await db.queue.count()).toBe(0);

    const { admin, settings } = await completeFirstRun(db, device, input);
    expect(admin).toMatchObject({ roles: ['admin'], createdBy: admin.id });
    expect(admin.passwordHash).not.toContain('s3cret');
    expect(settings).toMatchObject({ officeId: '330102001', decisionLimitWorkingDays: 30 });
    expect(await loadSettings(db)).toMatchObject({ officeName: '城关镇民政办' });
    expect(await db.benefitStandards.count()).toBe(2);
    // The account (without its hash) and the settings are queued for HQ with the admin
    // as actor; the local account with the hash is not.
    const queue = await db.queue.toArray();
    expect(queue.map((e) => e.kind)).toEqual(['staffMember', 'officeSettings']);
    expect(queue[0]).toMatchObject({ recordId: admin.id, actor: { userId: admin.id } });
    expect(JSON.stringify(queue)).not.toContain(admin.passwordHash);
    expect(JSON.stringify(queue)).not.toContain(admin.passwordSalt);
    await expect(completeFirstRun(db, device, input)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lets only administrators create accounts, then authenticates by password', async () => {
    const { db, ctx, as } = await openTestDesk();
    const account = {
      username: 'wang',
      displayName: '王登记',
      roles: ['registrar' as const],
      password: 'window-01',
    };
    await expect(createUser(db, ctx, account)).rejects.toMatchObject({ code: 'forbidden' });
    await createUser(db, as('admin'), account);
    expect((await authenticate(db, 'wang', 'window-01'))?.roles).toEqual(['registrar']);
    expect(await authenticate(db, 'wang', 'window-02')).toBeNull();
    expect(await authenticate(db, 'nobody', 'window-01')).toBeNull();
    // The account reaches HQ as a staff record, never with its password hash.
    const queued = await queuedAfterSetup(db);
    expect(queued).toHaveLength(0);
    const staff = (await db.queue.toArray()).filter((e) => e.fields.username === 'wang');
    expect(staff).toHaveLength(1);
    expect(staff[0]?.fields).toMatchObject({ roles: ['registrar'], disabled: false });
    expect(Object.keys(staff[0]?.fields ?? {})).not.toContain('passwordHash');
  });

  it('refuses short passwords and taken usernames with field errors', async () => {
    const { db, as } = await openTestDesk();
    const ctx = as('admin');
    await expect(
      createUser(db, ctx, {
        username: 'li',
        displayName: '李',
        roles: ['supervisor'],
        password: 'short',
      }),
    ).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ code: 'user.password_short' })],
    });
    await createUser(db, ctx, {
      username: 'li',
      displayName: '李',
      roles: ['supervisor'],
      password: 'long-enough',
    });
    await expect(
      createUser(db, ctx, {
        username: 'li',
        displayName: '李二',
        roles: ['registrar'],
        password: 'long-enough',
      }),
    ).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ code: 'user.username_taken' })],
    });
  });
});
