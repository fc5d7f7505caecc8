import { describe, expect, it } from 'vitest';
import { localMinutes, visitMinutes } from '@shared/domain/elderlyCare/homeCare';
import {
  correctVisit,
  recordVisit,
  visitRevisions,
  visitsOfPerson,
} from '../../../renderer/src/db/repositories/elderlyCare/homeCare';
import { write } from '../../../renderer/src/db/writePath';
import { openTestDesk, personInput } from '../../fakes/deskFixtures';
import { homeCareVisitInput } from './elderlyFixtures';

async function deskWithElder() {
  const desk = await openTestDesk();
  const person = await write(desk.db, desk.ctx, (w) =>
    w.create('person', { ...personInput(), householdId: null }),
  );
  return { ...desk, person };
}

describe('community home-care visits', () => {
  it('derives the duration from start and end, across midnight too', async () => {
    const { db, ctx, person } = await deskWithElder();
    const visit = await recordVisit(db, ctx, homeCareVisitInput(person));
    expect(visit.durationMinutes).toBe(75);
    expect(visitMinutes('2026-02-27T23:30', '2026-02-28T00:15')).toBe(45);
    expect(localMinutes('2026-02-30T10:00')).toBeNull();
  });

  it('refuses an end before the start, a day-long visit and a visit in the future', async () => {
    const { db, ctx, person } = await deskWithElder();
    const base = homeCareVisitInput(person);
    await expect(
      recordVisit(db, ctx, { ...base, endAt: '2026-02-27T09:00' }),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'endAt', code: 'elderly.end_before_start' }],
    });
    await expect(
      recordVisit(db, ctx, { ...base, endAt: '2026-02-28T10:45' }),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'endAt', code: 'elderly.visit_too_long' }],
    });
    await expect(
      recordVisit(db, ctx, { ...base, startAt: '2026-04-01T09:00', endAt: '2026-04-01T10:00' }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'startAt', code: 'date.in_future' }] });
    await expect(recordVisit(db, ctx, { ...base, personId: 'nobody' })).rejects.toMatchObject({
      fieldErrors: [{ path: 'personId', code: 'elderly.missing_reference' }],
    });
  });

  it('keeps the per-person history newest first, and every corrected version with its reason', async () => {
    const { db, ctx, person } = await deskWithElder();
    const first = await recordVisit(db, ctx, homeCareVisitInput(person));
    await recordVisit(db, ctx, {
      ...homeCareVisitInput(person),
      serviceType: 'meals',
      startAt: '2026-03-01T11:00',
      endAt: '2026-03-01T11:20',
    });
    await expect(correctVisit(db, ctx, first, { notes: '改' }, '')).rejects.toMatchObject({
      fieldErrors: [{ code: 'record.correction_reason_required' }],
    });
    const corrected = await correctVisit(
      db,
      ctx,
      first,
      { endAt: '2026-02-27T11:00' },
      '结束时间记错',
    );

    expect(corrected).toMatchObject({ version: 2, durationMinutes: 90 });
    expect((await visitsOfPerson(db, person.id)).map((v) => v.serviceType)).toEqual([
      'meals',
      'bathing',
    ]);
    expect(await visitRevisions(db, first.id)).toEqual([
      expect.objectContaining({
        version: 1,
        reason: '结束时间记错',
        record: expect.objectContaining({ durationMinutes: 75 }),
      }),
    ]);
  });
});
