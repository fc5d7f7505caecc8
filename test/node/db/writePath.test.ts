import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors/appError';
import { write } from '../../../renderer/src/db/writePath';
import {
  openTestDesk,
  personInput,
  queuedAfterSetup,
  residentId,
  setupOps,
} from '../../fakes/deskFixtures';

describe('the one write path', () => {
  it("dates its work by the office's (China's) day whatever zone the PC's clock is in, as HQ does", async () => {
    const { db, ctx } = await openTestDesk();
    // 17:30 UTC is already 01:30 the next day in China; HQ dates an op by China's day.
    const late = { ...ctx, now: () => new Date('2026-12-05T17:30:00.000Z') };
    const today = await write(db, late, (w) => Promise.resolve(w.today));
    expect(today).toBe('2026-12-06');
  });

  it('writes the record and its queue entry together, stamped with actor, clock and sequence', async () => {
    const { db, ctx } = await openTestDesk();
    const person = await write(db, ctx, (w) =>
      w.create('person', { ...personInput(), householdId: null }),
    );

    expect(person).toMatchObject({
      version: 1,
      officeId: 'office-chengguan',
      deleted: false,
      createdBy: 'user-registrar',
      updatedBy: 'user-registrar',
    });
    expect(person.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(person.searchTokens).toEqual(expect.arrayContaining(['张三丰', 'zsf', 'zhangsanfeng']));

    const queue = await queuedAfterSetup(db);
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({
      seq: setupOps + 1, // the setup's accounts and settings come first
      kind: 'person',
      recordId: person.id,
      op: 'create',
      baseVersion: 0,
      deviceId: ctx.deviceId,
      hlc: person.hlc,
      actor: { userId: 'user-registrar', role: 'registrar' },
    });
    expect(queue[0]?.fields).toMatchObject({ name: '张三丰', idNumber: person.idNumber });
  });

  it('queues only the changed fields of an update, against the HQ version it was based on', async () => {
    const { db, ctx } = await openTestDesk();
    const created = await write(db, ctx, (w) =>
      w.create('person', { ...personInput(), householdId: null }),
    );
    const updated = await write(db, ctx, (w) =>
      w.update(
        'person',
        created.id,
        created.version,
        { currentAddress: '城关镇新街2号' },
        { reason: '搬家' },
      ),
    );

    expect(updated.version).toBe(2);
    expect(updated.hlc > created.hlc).toBe(true);
    const entries = await queuedAfterSetup(db);
    expect(entries.map((e) => e.seq)).toEqual([setupOps + 1, setupOps + 2]);
    expect(entries[1]).toMatchObject({
      op: 'update',
      baseVersion: 0, // HQ has not sent this record back yet (envelope.ts: hqVersion)
      fields: { currentAddress: '城关镇新街2号' },
    });
  });

  it('refuses a kind the role may not write, as HQ does, and writes nothing', async () => {
    const { db, ctx } = await openTestDesk();
    // A registrar making an account or changing the settings straight through write():
    // the same table HQ checks (shared/authority/kindWriters.ts), not only the screens.
    const account = { username: 'boss', displayName: '新主管', roles: ['supervisor' as const] };
    await expect(
      write(db, ctx, (w) =>
        w.create('staffMember', { ...account, disabled: false, deviceId: ctx.deviceId }),
      ),
    ).rejects.toMatchObject({ code: 'forbidden', details: { kind: 'staffMember' } });
    const settings = await db.settings.toCollection().first();
    await expect(
      write(db, ctx, (w) =>
        w.update('officeSettings', settings?.id ?? '', settings?.version ?? 0, {
          noticeWorkingDays: 1,
        }),
      ),
    ).rejects.toMatchObject({ code: 'forbidden', details: { kind: 'officeSettings' } });
    expect(await db.staff.filter((s) => s.username === 'boss').count()).toBe(0);
    expect((await db.settings.toCollection().first())?.noticeWorkingDays).toBe(7);
    expect(await queuedAfterSetup(db)).toHaveLength(0);
  });

  it('writes nothing when validation fails', async () => {
    const { db, ctx } = await openTestDesk();
    const badId = residentId('330102', '1960-05-04', '013').slice(0, 17) + '0';
    const attempt = write(db, ctx, (w) =>
      w.create('person', { ...personInput({ idNumber: badId }), householdId: null }),
    );

    await expect(attempt).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: [expect.objectContaining({ path: 'idNumber', code: 'id.checksum' })],
    });
    expect(await db.persons.count()).toBe(0);
    expect(await queuedAfterSetup(db)).toHaveLength(0);
    expect((await db.meta.get('deviceSeq'))?.value).toBe(setupOps);
  });

  it('leaves neither record nor entry when a later step of the same transaction fails', async () => {
    const { db, ctx } = await openTestDesk();
    const first = personInput();
    const second = personInput({ name: '李四', idNumber: first.idNumber });
    const attempt = write(db, ctx, async (w) => {
      await w.create('person', { ...first, householdId: null });
      await w.create('person', { ...second, householdId: null }); // same ID: refused
    });

    await expect(attempt).rejects.toMatchObject({ code: 'duplicate' });
    expect(await db.persons.count()).toBe(0);
    expect(await queuedAfterSetup(db)).toHaveLength(0);
  });

  it('rolls the record back when the queue write itself fails in the middle', async () => {
    const { db, ctx } = await openTestDesk();
    await write(db, ctx, (w) => w.create('person', { ...personInput(), householdId: null }));
    // Corrupt the device sequence so the next queue insert collides with entry 1: the
    // record put succeeds, then the queue add throws a ConstraintError.
    await db.meta.put({ key: 'deviceSeq', value: 1 });

    const attempt = write(db, ctx, async (w) => {
      await w.create('person', {
        ...personInput({ name: '李四', idNumber: residentId('330102', '1970-01-01', '022') }),
        householdId: null,
      });
      // Runs on after the failed add, into the aborted transaction.
      await w.create('person', {
        ...personInput({ name: '王五', idNumber: residentId('330102', '1971-01-01', '032') }),
        householdId: null,
      });
    });

    // The queue add's own error, not the abort the rest of the work ran into after it.
    await expect(attempt).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.persons.count()).toBe(1);
    expect(await queuedAfterSetup(db)).toHaveLength(1);
  });

  it('stamps the records of one transaction with consecutive seqs and rising clocks', async () => {
    const { db, ctx } = await openTestDesk();
    const before = (await db.meta.get('deviceSeq'))?.value as number;
    const [a, b] = await write(db, ctx, async (w) => {
      const first = await w.create('person', { ...personInput(), householdId: null });
      const second = await w.create('person', {
        ...personInput({ name: '李四', idNumber: residentId('330102', '1970-01-01', '022') }),
        householdId: null,
      });
      return [first, second] as const;
    });

    const entries = await queuedAfterSetup(db);
    expect(entries.map((e) => e.seq)).toEqual([before + 1, before + 2]);
    expect(a.hlc < b.hlc).toBe(true);
    expect((await db.meta.get('deviceSeq'))?.value).toBe(before + 2);
    expect((await db.meta.get('hlc'))?.value).toBe(b.hlc);
  });

  it('refuses a write inside another, which would hand out its device seq twice', async () => {
    const { db, ctx } = await openTestDesk();
    const before = await queuedAfterSetup(db);
    const attempt = write(db, ctx, async (w) => {
      await w.create('person', { ...personInput(), householdId: null });
      await write(db, ctx, (inner) =>
        inner.create('person', {
          ...personInput({ name: '李四', idNumber: residentId('330102', '1970-01-01', '022') }),
          householdId: null,
        }),
      );
    });

    await expect(attempt).rejects.toMatchObject({ code: 'internal' });
    expect(await db.persons.count()).toBe(0);
    expect(await queuedAfterSetup(db)).toEqual(before);
  });

  it('refuses a stale edit instead of silently overwriting a colleague', async () => {
    const { db, ctx } = await openTestDesk();
    const created = await write(db, ctx, (w) =>
      w.create('person', { ...personInput(), householdId: null }),
    );
    await write(db, ctx, (w) =>
      w.update('person', created.id, 1, { phone: '13800000000' }, { reason: '补登电话' }),
    );

    const stale = write(db, ctx, (w) =>
      w.update('person', created.id, 1, { phone: '13900000000' }, { reason: '改电话' }),
    );

    await expect(stale).rejects.toMatchObject({ code: 'conflict' });
    expect((await db.persons.get(created.id))?.phone).toBe('13800000000');
  });

  it('refuses a correction whose reason is longer than a history keeps, and writes nothing', async () => {
    const { db, ctx } = await openTestDesk();
    const created = await write(db, ctx, (w) =>
      w.create('person', { ...personInput(), householdId: null }),
    );
    const queued = await db.queue.count();
    await expect(
      write(db, ctx, (w) =>
        w.update('person', created.id, 1, { phone: '13900000000' }, { reason: '改'.repeat(501) }),
      ),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'reason', code: 'record.correction_reason_too_long' }],
    });
    expect((await db.persons.get(created.id))?.version).toBe(1);
    expect(await db.queue.count()).toBe(queued);
  });

  it('never deletes a record that is corrected instead, and writes nothing', async () => {
    const { db, ctx } = await openTestDesk();
    const created = await write(db, ctx, (w) =>
      w.create('person', { ...personInput(), householdId: null }),
    );
    const queued = await db.queue.count();
    await expect(
      write(db, ctx, (w) => w.remove('person', created.id, created.version)),
    ).rejects.toMatchObject({ code: 'forbidden' });

    expect(await db.persons.get(created.id)).toMatchObject({ deleted: false, version: 1 });
    expect(await db.queue.count()).toBe(queued);
  });

  it('skips the queue for device-local kinds but still validates them', async () => {
    const { db, ctx } = await openTestDesk();
    const bad = write(db, ctx, (w) =>
      w.create('localUser', {
        username: 'bad name',
        displayName: 'x',
        roles: ['admin'],
        passwordHash: 'h',
        passwordSalt: 's',
        passwordIterations: 310000,
        disabled: false,
      }),
    );
    await expect(bad).rejects.toBeInstanceOf(AppError);
    expect(await db.users.count()).toBe(0);
    expect(await queuedAfterSetup(db)).toHaveLength(0);
  });

  it('refuses a record naming someone other than its writer, as HQ does, and writes nothing', async () => {
    const { db, ctx } = await openTestDesk();
    const event = (actorName: string) => ({
      caseId: '0190f0c2-0000-7000-8000-000000000001',
      action: 'submit' as const,
      from: 'draft' as const,
      to: 'submitted' as const,
      actorId: ctx.actor.userId,
      actorName,
      actorRole: ctx.actor.role,
      at: ctx.now().toISOString(),
      opinion: '',
      reason: '',
    });
    // An edited page puts the supervisor's name on the registrar's own step.
    const forged = write(db, ctx, (w) => w.create('caseEvent', event('李主任')));
    await expect(forged).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: [{ path: 'actorName', code: 'actor.name_not_actor' }],
    });
    expect(await queuedAfterSetup(db)).toHaveLength(0);
    // The writer's own name goes through.
    await write(db, ctx, (w) => w.create('caseEvent', event(ctx.actor.name)));
    expect(await queuedAfterSetup(db)).toHaveLength(1);
  });

  it('makes a no-op update write nothing', async () => {
    const { db, ctx } = await openTestDesk();
    const created = await write(db, ctx, (w) =>
      w.create('person', { ...personInput(), householdId: null }),
    );
    const same = await write(db, ctx, (w) =>
      w.update('person', created.id, 1, { name: '张三丰' }, { reason: '核对' }),
    );
    expect(same.version).toBe(1);
    expect(await queuedAfterSetup(db)).toHaveLength(1);
  });

  it('stores one spelling of an ID so spaces or a lower-case x cannot dodge the duplicate check', async () => {
    const { db, ctx } = await openTestDesk();
    const id = residentId('110105', '1949-12-31', '002'); // ends in X
    await write(db, ctx, (w) =>
      w.create('person', {
        ...personInput({ idNumber: id, birthDate: '1949-12-31', sex: 'female' }),
        householdId: null,
      }),
    );
    const spaced = `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14).toLowerCase()}`;
    const again = write(db, ctx, (w) =>
      w.create('person', {
        ...personInput({ name: '李四', idNumber: spaced, birthDate: '1949-12-31', sex: 'female' }),
        householdId: null,
      }),
    );
    await expect(again).rejects.toMatchObject({ code: 'duplicate' });
    expect((await db.persons.toArray()).map((p) => p.idNumber)).toEqual([id]);
  });
});
