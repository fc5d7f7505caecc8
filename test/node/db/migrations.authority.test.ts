import { describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { latestSchemaVersion } from '../../../renderer/src/db/schema';
import { completeFirstRun } from '../../../renderer/src/db/repositories/firstRun';
import { createUser, ensureStaffRecords } from '../../../renderer/src/db/repositories/users';
import type { WriteContext } from '../../../renderer/src/db/writeContext';

/**
 * v8 (HQ's authority): the `staff` and `delegations` tables arrive empty; accounts made
 * before they synced get their staff records at the next start (`ensureStaffRecords`,
 * from session init), through the write path, the administrator's own first, so HQ can
 * check every later op's actor. The data step is what an older desk needs; the tables
 * themselves are checked with every version in migrations.test.ts.
 */
describe('schema migration to v8 (accounts as office records, delegation)', () => {
  it('adds the tables, then gives every older account its staff record once, without its hash', async () => {
    const name = `mig-${newRecordId()}`;
    const device = { deviceId: 'device-old', now: () => new Date('2026-03-02T09:00:00+08:00') };
    // A desk set up and given a second account, as an older version wrote them.
    const current = new DeskDatabase(name);
    await current.open();
    const { admin } = await completeFirstRun(current, device, {
      office: { officeId: '330102001', officeName: '城关镇民政办', areaCode: '330102' },
      admin: { username: 'admin', displayName: '管理员', password: 'first-run-01' },
    });
    const ctx: WriteContext = {
      ...device,
      officeId: '330102001',
      actor: { userId: admin.id, name: '管理员', role: 'admin' },
    };
    const clerk = await createUser(current, ctx, {
      username: 'wang',
      displayName: '王登记',
      roles: ['registrar'],
      password: 'window-0001',
    });
    // What an older desk had: no staff records, nothing of them queued.
    await current.staff.clear();
    await current.queue.filter((e) => e.kind === 'staffMember').delete();
    current.close();

    const db = new DeskDatabase(name);
    await db.open();
    expect(db.verno).toBe(latestSchemaVersion);
    expect(db.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['staff', 'delegations']));
    expect(await db.users.count()).toBe(2);

    expect(await ensureStaffRecords(db, { ...device, officeId: '330102001' })).toBe(2);
    const queued = (await db.queue.orderBy('seq').toArray()).filter(
      (e) => e.kind === 'staffMember',
    );
    expect(queued.map((e) => e.recordId)).toEqual([admin.id, clerk.id]);
    for (const op of queued) {
      expect(op.actor.userId).toBe(admin.id);
      expect(Object.keys(op.fields).sort()).toEqual([
        'deviceId',
        'disabled',
        'displayName',
        'roles',
        'username',
      ]);
    }
    expect(await db.staff.get(clerk.id)).toMatchObject({
      roles: ['registrar'],
      deviceId: 'device-old',
    });
    // Once done, a restart finds nothing to do.
    expect(await ensureStaffRecords(db, { ...device, officeId: '330102001' })).toBe(0);
    db.close();
  });
});
