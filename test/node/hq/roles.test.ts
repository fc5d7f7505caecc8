import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc, parseHlc } from '@shared/clock/hlc';
import { newRecordId } from '@shared/records/ids';
import { hqRoutes } from '@shared/sync/httpApi';
import { pushResponseSchema, type OpResult } from '@shared/sync/protocol';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import type { WriteContext } from '../../../renderer/src/db/writeContext';
import { write } from '../../../renderer/src/db/writePath';
import { openTestDesk, personInput, threeMemberHousehold } from '../../fakes/deskFixtures';
import { hqStorages, postJson, startHq, type RunningHq } from '../../support/hqHarness';
import { enroll, openOfficeDesk, sync, type SyncDesk } from '../../support/syncDesks';

/**
 * Issue #12 at HQ: every op names the one role its account acted in, and HQ checks the
 * account held that role at the op's clock and that the role may write the kind —
 * casework is the registrars' and supervisors', never an administrator-only account's.
 * The forged ops are pushed straight to the real HQ on loopback with the desk's token.
 */
let hq: RunningHq | undefined;

afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

async function office(storage: (typeof hqStorages)[number]) {
  hq = await startHq({ storage });
  const desk = await openOfficeDesk('office-a', 'r1');
  await enroll(desk, hq);
  // Two accounts of this desk, made by its administrator: one administrator only, one
  // that also registers (a small office).
  await write(desk.db, desk.as('admin'), async (w) => {
    for (const [id, roles] of [
      ['user-adm', ['admin']],
      ['user-both', ['admin', 'registrar']],
    ] as const)
      await w.create(
        'staffMember',
        {
          username: id,
          displayName: id,
          roles: [...roles],
          disabled: false,
          deviceId: desk.deviceId,
        },
        id,
      );
  });
  expect((await sync(desk)).rejected).toBe(0);
  return { running: hq, desk, forge: await forger(hq, desk) };
}

/** Person fields exactly as a desk's write path makes them (search tokens and all). */
async function personFields(): Promise<Record<string, unknown>> {
  const scratch = await openTestDesk();
  const person = await write(scratch.db, scratch.ctx, (w) =>
    w.create('person', { ...personInput({ name: '钱多多' }), householdId: null }),
  );
  const op = (await scratch.db.queue.toArray()).find((e) => e.recordId === person.id);
  if (!op) throw new Error('The scratch desk queued no person.');
  return op.fields;
}

/** Hand-made ops from the desk's own device, numbered on from what HQ holds of it. */
async function forger(running: RunningHq, desk: SyncDesk) {
  const row = await running.hq.db
    .selectFrom('devices')
    .select('last_seq')
    .where('id', '=', desk.deviceId)
    .executeTakeFirstOrThrow();
  let seq = Number(row.last_seq);
  let clock = Date.parse('2026-03-05T02:00:00Z');
  return {
    op(over: Partial<QueueEntry>): QueueEntry {
      seq += 1;
      clock += 60_000;
      return {
        seq,
        opId: newRecordId(),
        txId: newRecordId(),
        deviceId: desk.deviceId,
        officeId: desk.officeId,
        kind: 'person',
        recordId: newRecordId(),
        op: 'create',
        fields: {},
        baseVersion: 0,
        transition: null,
        reason: null,
        hlc: formatHlc({ wallMs: clock, counter: 0, node: desk.deviceId }),
        actor: { userId: 'user-adm', name: 'x', role: 'admin' },
        createdAt: new Date(clock).toISOString(),
        ...over,
      };
    },
    async send(op: QueueEntry): Promise<OpResult> {
      const answer = await postJson(
        `${running.url}${hqRoutes.push}`,
        { ops: [op] },
        desk.token ?? '',
      );
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const [result] = pushResponseSchema.parse(answer.body).results;
      if (!result) throw new Error('HQ answered nothing for the op.');
      return result;
    },
  };
}

function refusedWith(result: OpResult): string | undefined {
  return result.status === 'rejected'
    ? `${result.reason.code}:${result.reason.fieldErrors?.[0]?.code ?? ''}`
    : result.status;
}

async function hqHolds(running: RunningHq, kind: string, id: string) {
  const row = await running.hq.db
    .selectFrom('records')
    .select('data')
    .where('office_id', '=', 'office-a')
    .where('kind', '=', kind)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? (JSON.parse(row.data) as Record<string, unknown>) : null;
}

describe.each(hqStorages)('roles at HQ ($kind)', (storage) => {
  it('refuses casework from an administrator-only account, in either role it claims', async () => {
    const { running, forge } = await office(storage);
    const fields = await personFields();
    const asAdmin = forge.op({ fields, actor: { userId: 'user-adm', name: 'x', role: 'admin' } });
    expect(refusedWith(await forge.send(asAdmin))).toBe('forbidden:actor.role_may_not');
    // Claiming a role the account does not hold does not help.
    const claimed = forge.op({
      fields,
      actor: { userId: 'user-adm', name: 'x', role: 'registrar' },
    });
    expect(refusedWith(await forge.send(claimed))).toBe('forbidden:actor.role_not_held');
    expect(await hqHolds(running, 'person', asAdmin.recordId)).toBeNull();
    expect(await hqHolds(running, 'person', claimed.recordId)).toBeNull();
  });

  it('lets an account holding two roles act in either, and in no other', async () => {
    const { running, desk } = await office(storage);
    // Honest work first: the desk's write path names the role each change was made in.
    const both: WriteContext = {
      ...desk.ctx,
      actor: {
        userId: 'user-both',
        name: '钱兼任',
        role: 'registrar',
        roles: ['admin', 'registrar'],
      },
    };
    const { household } = await registerHousehold(desk.db, both, threeMemberHousehold('rural'));
    await write(desk.db, both, (w) =>
      w.create(
        'staffMember',
        {
          username: 'sun',
          displayName: '孙登记',
          roles: ['registrar'],
          disabled: false,
          deviceId: desk.deviceId,
        },
        'user-sun',
      ),
    );
    const queued = await desk.db.queue.toArray();
    expect(queued.find((e) => e.recordId === household.id)?.actor.role).toBe('registrar');
    expect(queued.find((e) => e.recordId === 'user-sun')?.actor.role).toBe('admin');
    expect((await sync(desk)).rejected).toBe(0);
    expect(await hqHolds(running, 'household', household.id)).not.toBeNull();
    expect(await hqHolds(running, 'staffMember', 'user-sun')).toMatchObject({
      roles: ['registrar'],
    });

    // Forged: the same account claiming the supervisor's role it does not hold.
    const next = await forger(running, desk);
    const fields = await personFields();
    const asSupervisor = next.op({
      fields,
      actor: { userId: 'user-both', name: 'x', role: 'supervisor' },
    });
    expect(refusedWith(await next.send(asSupervisor))).toBe('forbidden:actor.role_not_held');
    // And an account it made as administrator, claimed as registrar (the role may not).
    const account = next.op({
      kind: 'staffMember',
      recordId: 'user-evil',
      fields: {
        username: 'evil',
        displayName: 'evil',
        roles: ['admin'],
        disabled: false,
        deviceId: desk.deviceId,
      },
      actor: { userId: 'user-both', name: 'x', role: 'registrar' },
    });
    expect(refusedWith(await next.send(account))).toBe('forbidden:actor.role_may_not');
  });

  it('reads an old single-role account record as the one role it held', async () => {
    const { running, desk, forge } = await office(storage);
    // As HQ held accounts before they could hold two roles: `role`, no `roles`.
    const stored = await hqHolds(running, 'staffMember', 'user-registrar-r1');
    const old: Record<string, unknown> = { ...stored, role: 'registrar' };
    delete old.roles;
    await running.hq.db
      .updateTable('records')
      .set({ data: JSON.stringify(old) })
      .where('office_id', '=', 'office-a')
      .where('kind', '=', 'staffMember')
      .where('id', '=', 'user-registrar-r1')
      .execute();
    const fields = await personFields();
    const asRegistrar = forge.op({
      fields,
      actor: { userId: 'user-registrar-r1', name: 'x', role: 'registrar' },
    });
    expect(refusedWith(await forge.send(asRegistrar))).toBe('applied');
    const asSupervisor = forge.op({
      fields: { ...fields },
      actor: { userId: 'user-registrar-r1', name: 'x', role: 'supervisor' },
    });
    expect(refusedWith(await forge.send(asSupervisor))).toBe('forbidden:actor.role_not_held');

    // A desk not yet upgraded still sends an account with a single `role`: HQ stores it
    // as a list, and the account acts in that role.
    const oldShape = forge.op({
      kind: 'staffMember',
      recordId: 'user-zhou',
      fields: {
        username: 'zhou',
        displayName: '周主管',
        role: 'supervisor',
        disabled: false,
        deviceId: desk.deviceId,
      },
      actor: { userId: 'user-admin-r1', name: 'x', role: 'admin' },
    });
    expect(refusedWith(await forge.send(oldShape))).toBe('applied');
    const zhou = await hqHolds(running, 'staffMember', 'user-zhou');
    expect(zhou).toMatchObject({ roles: ['supervisor'] });
    expect(zhou).not.toHaveProperty('role');
    const byZhou = forge.op({
      fields: await personFields(),
      actor: { userId: 'user-zhou', name: 'x', role: 'supervisor' },
    });
    expect(refusedWith(await forge.send(byZhou))).toBe('applied');
  });
});

describe.each(hqStorages)('accounts stay on their desk ($kind)', (storage) => {
  it('refuses an edit that moves an account to another desk, and takes a change of roles', async () => {
    const { running, desk, forge } = await office(storage);
    const admin = { userId: 'user-admin-r1', name: 'x', role: 'admin' };
    const moved = forge.op({
      kind: 'staffMember',
      recordId: 'user-both',
      op: 'update',
      baseVersion: 1,
      fields: { deviceId: 'some-other-desk' },
      actor: admin,
    });
    expect(refusedWith(await forge.send(moved))).toBe('forbidden:actor.other_device');
    const regranted = forge.op({
      kind: 'staffMember',
      recordId: 'user-both',
      op: 'update',
      baseVersion: 1,
      fields: { roles: ['admin', 'supervisor'] },
      actor: admin,
    });
    expect(refusedWith(await forge.send(regranted))).toBe('applied');
    expect(await hqHolds(running, 'staffMember', 'user-both')).toMatchObject({
      roles: ['admin', 'supervisor'],
      deviceId: desk.deviceId,
    });
    // From its clock on, the account acts as supervisor and no longer as registrar.
    const fields = await personFields();
    const asRegistrar = forge.op({
      fields,
      actor: { userId: 'user-both', name: 'x', role: 'registrar' },
    });
    expect(refusedWith(await forge.send(asRegistrar))).toBe('forbidden:actor.role_not_held');
    const asSupervisor = forge.op({
      fields,
      actor: { userId: 'user-both', name: 'x', role: 'supervisor' },
    });
    expect(refusedWith(await forge.send(asSupervisor))).toBe('applied');
    // Work done offline before the change (its clock earlier) keeps the role it was
    // done in: the account held the registrar's role then.
    const offline = forge.op({
      fields: await personFields(),
      hlc: formatHlc({ ...(parseHlc(moved.hlc) ?? { wallMs: 0, node: 'x' }), counter: 1 }),
      actor: { userId: 'user-both', name: 'x', role: 'registrar' },
    });
    expect(offline.hlc < regranted.hlc).toBe(true);
    expect(refusedWith(await forge.send(offline))).toBe('applied');
  });
});
