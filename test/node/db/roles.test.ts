import { describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import {
  createDibaoCase,
  transitionCase,
  type DibaoApplicationInput,
} from '../../../renderer/src/db/repositories/cases';
import { caseHistory } from '../../../renderer/src/db/repositories/caseQueries';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { completeFirstRun } from '../../../renderer/src/db/repositories/firstRun';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import { seedSampleReferenceData } from '../../../renderer/src/db/repositories/reference';
import {
  actorOf,
  createUser,
  setUserRoles,
  type LocalUser,
} from '../../../renderer/src/db/repositories/users';
import type { WriteContext } from '../../../renderer/src/db/writeContext';
import { openTestDesk, queuedAfterSetup, threeMemberHousehold } from '../../fakes/deskFixtures';

/**
 * Issue #12: the administrator manages accounts, settings and sync; casework belongs to
 * registrars and supervisors. One account may hold both, chosen explicitly; each queued
 * change names the one role it was written in.
 */
async function deskWithAccount(roles: LocalUser['roles']) {
  const desk = await openTestDesk();
  await seedSampleReferenceData(desk.db, desk.ctx, '330102');
  const user = await createUser(desk.db, desk.as('admin'), {
    username: `u${roles.join('')}`,
    displayName: '钱兼任',
    roles,
    password: 'window-0001',
  });
  const ctx: WriteContext = { ...desk.ctx, actor: actorOf(user) };
  return { ...desk, user, ctx };
}

function application(
  household: {
    id: string;
    headPersonId: string;
    headName: string;
  },
  covered: string[],
): DibaoApplicationInput {
  return {
    householdId: household.id,
    applicantPersonId: household.headPersonId,
    applicantName: household.headName,
    category: 'rural',
    areaCode: '330102',
    coveredPersonIds: covered,
    income: { wagesFen: 150000, businessFen: 0, propertyFen: 0, transferFen: 39400 },
    deductionsFen: 0,
    assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
    applicationDate: '2026-03-02',
  };
}

describe('roles do what they are for', () => {
  it('refuses casework to an administrator-only account and writes nothing', async () => {
    const { db, ctx } = await deskWithAccount(['admin']);
    expect(ctx.actor).toMatchObject({ role: 'admin', roles: ['admin'] });
    const before = await db.queue.count();
    await expect(registerHousehold(db, ctx, threeMemberHousehold('rural'))).rejects.toMatchObject({
      code: 'forbidden',
      details: { kind: 'person' },
    });
    expect(await db.persons.count()).toBe(0);
    expect(await db.households.count()).toBe(0);
    expect(await db.queue.count()).toBe(before);
  });

  it('lets an administrator who also registers do casework as registrar and accounts as administrator', async () => {
    const { db, ctx } = await deskWithAccount(['admin', 'registrar']);
    expect(ctx.actor).toMatchObject({ role: 'registrar' });
    const { household } = await registerHousehold(db, ctx, threeMemberHousehold('rural'));
    const casework = (await queuedAfterSetup(db)).filter(
      (e) => e.actor.userId === ctx.actor.userId,
    );
    expect(casework.map((e) => e.kind)).toEqual(['person', 'person', 'person', 'household']);
    expect(new Set(casework.map((e) => e.actor.role))).toEqual(new Set(['registrar']));
    expect(casework.every((e) => Object.keys(e.actor).sort().join() === 'name,role,userId')).toBe(
      true,
    );
    expect(await db.households.get(household.id)).toBeDefined();

    // The same account adds a colleague: the account record is written as administrator.
    const clerk = await createUser(db, ctx, {
      username: 'sun',
      displayName: '孙登记',
      roles: ['registrar'],
      password: 'window-0002',
    });
    const staffOp = (await db.queue.toArray()).find((e) => e.recordId === clerk.id);
    expect(staffOp).toMatchObject({ kind: 'staffMember', actor: { role: 'admin' } });
    expect(staffOp?.fields).toMatchObject({ roles: ['registrar'] });
  });

  it('lets a supervisor who also registers take every step the state machine gives either role', async () => {
    const { db, ctx } = await deskWithAccount(['registrar', 'supervisor']);
    const { household, members } = await registerHousehold(db, ctx, threeMemberHousehold('rural'));
    let c = await createDibaoCase(
      db,
      ctx,
      application(
        household,
        members.map((m) => m.person.id),
      ),
    );
    for (const action of ['submit', 'accept', 'start_investigation'] as const)
      c = await transitionCase(db, ctx, c.id, c.version, { action });
    c = await transitionCase(db, ctx, c.id, c.version, {
      action: 'record_opinion',
      opinion: '经入户调查，符合低保条件',
    });
    expect(c.status).toBe('township_opinion');
    // Each step names one role the account holds and the step allows, and its history
    // event the same (HQ matches the two).
    const steps = (await db.queue.toArray()).filter((e) => e.op === 'transition');
    expect(steps.map((e) => e.actor.role)).toEqual([
      'supervisor',
      'supervisor',
      'supervisor',
      'supervisor',
    ]);
    const history = await caseHistory(db, c.id);
    expect(history.map((e) => e.actorRole)).toEqual(steps.map((e) => e.actor.role));
  });

  it('keeps the registrar to the registrar’s steps', async () => {
    const { db, ctx } = await deskWithAccount(['registrar']);
    const { household, members } = await registerHousehold(db, ctx, threeMemberHousehold('rural'));
    let c = await createDibaoCase(
      db,
      ctx,
      application(
        household,
        members.map((m) => m.person.id),
      ),
    );
    for (const action of ['submit', 'accept', 'start_investigation'] as const)
      c = await transitionCase(db, ctx, c.id, c.version, { action });
    const before = await db.queue.count();
    await expect(
      transitionCase(db, ctx, c.id, c.version, { action: 'record_opinion', opinion: '符合' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.queue.count()).toBe(before);
  });

  it('lets the administrator change an account’s roles, never leaving the desk without one', async () => {
    const { db, as, user, ctx } = await deskWithAccount(['admin']);
    // Only an administrator changes roles.
    await expect(
      setUserRoles(db, as('registrar'), user.id, ['admin', 'registrar']),
    ).rejects.toMatchObject({ code: 'forbidden' });
    // An empty or repeated set is refused by field.
    await expect(setUserRoles(db, ctx, user.id, [])).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ path: 'roles' })],
    });
    await expect(setUserRoles(db, ctx, user.id, ['admin', 'admin'])).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ path: 'roles', code: 'user.roles_repeated' })],
    });
    // The desk's only administrator keeps the administrator's role.
    await expect(setUserRoles(db, ctx, user.id, ['registrar'])).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ code: 'user.last_admin' })],
    });
    expect((await db.users.get(user.id))?.roles).toEqual(['admin']);

    const changed = await setUserRoles(db, ctx, user.id, ['admin', 'registrar']);
    expect(changed.roles).toEqual(['admin', 'registrar']);
    expect((await db.staff.get(user.id))?.roles).toEqual(['admin', 'registrar']);
    const op = (await db.queue.orderBy('seq').toArray()).at(-1);
    expect(op).toMatchObject({
      kind: 'staffMember',
      op: 'update',
      fields: { roles: ['admin', 'registrar'] },
      actor: { role: 'admin' },
    });
    // From now on the account does casework, as registrar.
    const now: WriteContext = { ...ctx, actor: actorOf(changed) };
    await registerHousehold(db, now, threeMemberHousehold('urban'));
    expect(await db.households.count()).toBe(1);
  });

  it('makes the first administrator a registrar too only when asked', async () => {
    const device = { deviceId: 'device-1', now: () => new Date('2026-03-02T09:00:00+08:00') };
    const office = { officeName: '城关镇民政办', officeId: '330102001', areaCode: '330102' };
    const plain = await completeFirstRun(new DeskDatabase(`fr-${newRecordId()}`), device, {
      office,
      admin: { username: 'admin', displayName: '赵管理', password: 'desk-admin-2026' },
    });
    expect(plain.admin.roles).toEqual(['admin']);
    const db = new DeskDatabase(`fr-${newRecordId()}`);
    const both = await completeFirstRun(db, device, {
      office,
      admin: {
        username: 'admin',
        displayName: '赵管理',
        password: 'desk-admin-2026',
        casework: true,
      },
    });
    expect(both.admin.roles).toEqual(['admin', 'registrar']);
    // Its own account reaches HQ written as administrator (the first run's bootstrap).
    const first = await db.queue.orderBy('seq').first();
    expect(first).toMatchObject({
      kind: 'staffMember',
      actor: { role: 'admin' },
      fields: { roles: ['admin', 'registrar'] },
    });
  });
});
