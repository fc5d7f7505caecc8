import { describe, expect, it } from 'vitest';
import { recordHistory } from '../../../renderer/src/db/repositories/recordHistory';
import {
  correctVolunteerService,
  recordVolunteerService,
  servicesOfVolunteer,
  totalMinutesOf,
  voidVolunteerService,
} from '../../../renderer/src/db/repositories/community/volunteerServices';
import { openTestDesk } from '../../fakes/deskFixtures';
import { aVolunteer, morningService } from './communityFixtures';

async function deskWithService() {
  const desk = await openTestDesk();
  const { volunteer } = await aVolunteer(desk.db, desk.ctx);
  const service = await recordVolunteerService(desk.db, desk.ctx, volunteer.id, morningService);
  return { ...desk, volunteer, service };
}

describe('volunteer service records', () => {
  it('stores hours of actual service (travel excluded) and who recorded it, when', async () => {
    const { service, ctx } = await deskWithService();
    expect(service).toMatchObject({
      volunteerName: '陈志愿',
      serviceMinutes: 120,
      travelMinutes: 30,
      voided: false,
      recordedBy: { userId: ctx.actor.userId, name: '王登记' },
      version: 1,
    });
    expect(service.recordedBy.at).toMatch(/^2026-03-0\dT/);
  });

  it('a correction keeps the previous version, with the reason, in revisions', async () => {
    const { db, as, service } = await deskWithService();
    const supervisor = as('supervisor');
    const fixed = await correctVolunteerService(
      db,
      supervisor,
      service.id,
      service.version,
      { ...morningService, endAt: '2026-03-01T12:00' },
      '结束时间登记有误',
    );
    expect(fixed).toMatchObject({ version: 2, serviceMinutes: 150, updatedBy: 'user-supervisor' });
    // The original recorder stays: a correction does not rewrite who recorded the service.
    expect(fixed.recordedBy.name).toBe('王登记');

    const revisions = await db.revisions.toArray();
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({
      kind: 'volunteerService',
      recordId: service.id,
      version: 1,
      reason: '结束时间登记有误',
      supersededBy: 'user-supervisor',
      record: { endAt: '2026-03-01T11:30', serviceMinutes: 120, version: 1 },
    });
  });

  it('refuses a correction without a reason and leaves record, revisions and queue untouched', async () => {
    const { db, ctx, service } = await deskWithService();
    const queued = await db.queue.count();
    const attempt = correctVolunteerService(
      db,
      ctx,
      service.id,
      service.version,
      { ...morningService, endAt: '2026-03-01T12:00' },
      '   ',
    );
    await expect(attempt).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: [{ path: 'reason', code: 'record.correction_reason_required' }],
    });
    expect((await servicesOfVolunteer(db, service.volunteerId))[0]?.version).toBe(1);
    expect(await db.revisions.count()).toBe(0);
    expect(await db.queue.count()).toBe(queued);
  });

  it('refuses a correction based on a version that is no longer current', async () => {
    const { db, ctx, service } = await deskWithService();
    const later = { ...morningService, travelMinutes: 10 };
    await correctVolunteerService(db, ctx, service.id, 1, later, '路程时间有误');
    const stale = correctVolunteerService(db, ctx, service.id, 1, morningService, '再改');
    await expect(stale).rejects.toMatchObject({ code: 'conflict' });
  });

  it('queues one entry per change: the create, then each correction with its reason', async () => {
    const { db, ctx, service } = await deskWithService();
    await correctVolunteerService(
      db,
      ctx,
      service.id,
      1,
      { ...morningService, travelMinutes: 15 },
      '路程时间有误',
    );
    await voidVolunteerService(db, ctx, service.id, 2, '重复登记');
    const entries = await db.queue.where('recordId').equals(service.id).sortBy('seq');
    // Base 0 throughout: every change was made on a record HQ has not yet sent back.
    expect(entries.map((e) => [e.op, e.baseVersion, e.reason])).toEqual([
      ['create', 0, null],
      ['update', 0, '路程时间有误'],
      ['update', 0, '重复登记'],
    ]);
    expect(entries[0]).toMatchObject({ kind: 'volunteerService', fields: { serviceMinutes: 120 } });
    expect(entries[1]?.fields).toEqual({ travelMinutes: 15, serviceMinutes: 135 });
    expect(entries[2]?.fields).toEqual({ voided: true });
  });

  it('a voided record stops counting but stays in the ledger', async () => {
    const { db, ctx, service, volunteer } = await deskWithService();
    await recordVolunteerService(db, ctx, volunteer.id, {
      ...morningService,
      startAt: '2026-03-02T08:00',
      endAt: '2026-03-02T08:45',
      travelMinutes: 0,
    });
    expect((await totalMinutesOf(db, [volunteer.id])).get(volunteer.id)).toBe(165);
    await voidVolunteerService(db, ctx, service.id, 1, '重复登记');
    expect((await totalMinutesOf(db, [volunteer.id])).get(volunteer.id)).toBe(45);
    expect(await servicesOfVolunteer(db, volunteer.id)).toHaveLength(2);
  });

  it('refuses travel that takes the whole span', async () => {
    const { db, ctx, volunteer } = await deskWithService();
    const attempt = recordVolunteerService(db, ctx, volunteer.id, {
      ...morningService,
      travelMinutes: 150,
    });
    await expect(attempt).rejects.toMatchObject({
      fieldErrors: [{ path: 'travelMinutes', code: 'community.travel_exceeds_span' }],
    });
  });
});

describe('record history', () => {
  it('lists every version with who, when, why and the changed values', async () => {
    const { db, as, service } = await deskWithService();
    await correctVolunteerService(
      db,
      as('supervisor'),
      service.id,
      1,
      { ...morningService, endAt: '2026-03-01T12:00' },
      '结束时间登记有误',
    );
    const history = await recordHistory(db, 'volunteerService', service.id);
    expect(history.map((v) => [v.version, v.byUserId, v.reason, v.current])).toEqual([
      [1, 'user-registrar', null, false],
      [2, 'user-supervisor', '结束时间登记有误', true],
    ]);
    expect(history[1]?.changes).toEqual([
      { field: 'endAt', before: '2026-03-01T11:30', after: '2026-03-01T12:00' },
      { field: 'serviceMinutes', before: 120, after: 150 },
    ]);
    expect(history[0]?.record.endAt).toBe('2026-03-01T11:30');
    const [first, second] = history.map((v) => v.at);
    expect((second ?? '') > (first ?? '')).toBe(true);
  });
});
