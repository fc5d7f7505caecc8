import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc } from '@shared/clock/hlc';
import { newRecordId } from '@shared/records/ids';
import { hqRoutes } from '@shared/sync/httpApi';
import { pushResponseSchema } from '@shared/sync/protocol';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { ensureStaffRecords } from '../../../renderer/src/db/repositories/users';
import { hqStorages, postJson, startHq, type RunningHq } from '../../support/hqHarness';
import { createPersons } from '../../support/officeWork';
import { enroll, openOfficeDesk, sync } from '../../support/syncDesks';

/**
 * An HQ upgraded to check actors (migration 0006) while a desk enrolled before it still
 * holds ops queued before its own upgrade, under accounts HQ has not heard of: those
 * apply (nothing the office did offline is lost), the accounts follow, and from then on
 * every op is judged by them.
 */

let running: RunningHq | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe.each(hqStorages)('upgrading to HQ’s authority over $kind', (storage) => {
  it('records when it began, applies what older desks queued before it, then checks every actor', async () => {
    running = await startHq({ storage });
    const hq = running;
    const since = await hq.hq.db
      .selectFrom('hq_meta')
      .select('value')
      .where('key', '=', 'authority_since')
      .executeTakeFirstOrThrow();
    expect(Date.parse(since.value)).not.toBeNaN();

    // A desk as an older version left it: its accounts are device-local only.
    const desk = await openOfficeDesk('office-a', 'old');
    // (the setup's records stay; its queue, accounts included, is as if already sent
    // to an older HQ that kept no accounts).
    await desk.db.staff.clear();
    await desk.db.queue.clear();
    await desk.db.meta.put({ key: 'deviceSeq', value: 0 });
    await enroll(desk, hq);
    await createPersons(desk, 2);
    // HQ upgrades after the desk enrolled and queued that work.
    const upgradedAt = new Date(Date.now() + 86_400_000).toISOString();
    await hq.hq.db
      .updateTable('hq_meta')
      .set({ value: upgradedAt })
      .where('key', '=', 'authority_since')
      .execute();

    const first = await sync(desk);
    expect(first).toMatchObject({ rejected: 0 });
    expect(await desk.db.queue.count()).toBe(0);

    // The desk's next start gives its accounts their records; HQ takes the first
    // administrator's own, then the rest on that administrator's word.
    await desk.db.users.bulkAdd(
      ['admin', 'registrar', 'supervisor'].map((role) => ({
        id: `user-${role}-old`,
        username: `${role}-old`,
        displayName: `${role}`,
        roles: [role as 'admin'],
        passwordHash: 'h',
        passwordSalt: 's',
        passwordIterations: 600_000,
        disabled: false,
        officeId: 'office-a',
        version: 1,
        hlc: '0',
        createdAt: `2026-01-0${['admin', 'registrar', 'supervisor'].indexOf(role) + 1}T00:00:00.000Z`,
        createdBy: 'x',
        updatedAt: 'x',
        updatedBy: 'x',
        deleted: false,
        hqVersion: 0,
      })),
    );
    expect(await ensureStaffRecords(desk.db, desk.ctx)).toBe(3);
    expect(await sync(desk)).toMatchObject({ rejected: 0 });
    const staffAtHq = await hq.hq.db
      .selectFrom('records')
      .select('id')
      .where('kind', '=', 'staffMember')
      .execute();
    expect(staffAtHq.map((r) => r.id).sort()).toEqual([
      'user-admin-old',
      'user-registrar-old',
      'user-supervisor-old',
    ]);

    // From now on an op by someone HQ does not know is refused, however old it claims to be.
    const row = await hq.hq.db
      .selectFrom('devices')
      .select('last_seq')
      .where('id', '=', desk.deviceId)
      .executeTakeFirstOrThrow();
    const person = await desk.db.persons.toCollection().first();
    const forged: QueueEntry = {
      seq: Number(row.last_seq) + 1,
      opId: newRecordId(),
      txId: newRecordId(),
      deviceId: desk.deviceId,
      officeId: 'office-a',
      kind: 'person',
      recordId: person?.id ?? '',
      op: 'update',
      fields: { phone: '13800000000' },
      baseVersion: 1,
      transition: null,
      reason: '补登电话',
      hlc: formatHlc({
        wallMs: Date.parse('2026-03-01T00:00:00Z'),
        counter: 0,
        node: desk.deviceId,
      }),
      actor: { userId: 'someone-else', name: '?', role: 'supervisor' },
      createdAt: '2026-03-01T00:00:00.000Z',
    };
    const answer = await postJson(`${hq.url}${hqRoutes.push}`, { ops: [forged] }, desk.token ?? '');
    const [result] = pushResponseSchema.parse(answer.body).results;
    expect(result).toMatchObject({
      status: 'rejected',
      reason: { fieldErrors: [{ code: 'actor.unknown' }] },
    });
  });
});
