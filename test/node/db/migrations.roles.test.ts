import { describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { hashPassword } from '../../../renderer/src/auth/password';
import { actorOf, authenticate } from '../../../renderer/src/db/repositories/users';

/**
 * v10 (accounts holding several roles): every stored account and office account record
 * with a single `role` gets `roles: [role]` — what it could do, it still can, nothing
 * more — and nothing is queued (HQ reads an old record's `role` the same way).
 */
describe('schema migration to v10 (roles as a list)', () => {
  it('turns each old single role into a list of one, queues nothing, and logs in as before', async () => {
    const name = `mig-roles-${newRecordId()}`;
    const old = new DeskDatabase(name, 8);
    await old.open();
    const hashed = await hashPassword('window-0001', 100_000);
    const meta = {
      officeId: 'office-a',
      version: 1,
      hlc: '0000000000001-0000-device-old',
      createdAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'user-admin',
      updatedAt: '2026-01-01T00:00:00.000Z',
      updatedBy: 'user-admin',
      deleted: false,
      hqVersion: 1,
    };
    const accounts = [
      { id: 'user-admin', username: 'admin', displayName: '赵管理', role: 'admin' },
      { id: 'user-wang', username: 'wang', displayName: '王登记', role: 'registrar' },
    ];
    await old.table('users').bulkAdd(
      accounts.map((a) => ({
        ...a,
        ...meta,
        passwordHash: hashed.hash,
        passwordSalt: hashed.salt,
        passwordIterations: hashed.iterations,
        disabled: false,
      })),
    );
    await old.table('staff').bulkAdd(
      accounts.map(({ id, username, displayName, role }) => ({
        id,
        username,
        displayName,
        role,
        disabled: false,
        deviceId: 'device-old',
        ...meta,
      })),
    );
    const queuedBefore = await old.table('queue').count();
    old.close();

    const db = new DeskDatabase(name);
    await db.open();
    const users = await db.users.orderBy('username').toArray();
    expect(users.map((u) => u.roles)).toEqual([['admin'], ['registrar']]);
    expect(users.every((u) => !('role' in u))).toBe(true);
    const staff = await db.staff.toArray();
    expect(staff.map((s) => [s.id, s.roles])).toEqual([
      ['user-admin', ['admin']],
      ['user-wang', ['registrar']],
    ]);
    expect(staff.every((s) => !('role' in s))).toBe(true);
    // Versions and clocks untouched: the records still match HQ's, nothing to send.
    expect(staff.map((s) => s.version)).toEqual([1, 1]);
    expect(await db.queue.count()).toBe(queuedBefore);

    // The old registrar logs in and acts as a registrar; the old administrator only as
    // an administrator (casework now needs a casework role, given explicitly).
    const wang = await authenticate(db, 'wang', 'window-0001');
    expect(wang && actorOf(wang)).toMatchObject({ role: 'registrar', roles: ['registrar'] });
    const admin = await db.users.get('user-admin');
    expect(admin && actorOf(admin)).toMatchObject({ role: 'admin', roles: ['admin'] });
    db.close();
  });
});
