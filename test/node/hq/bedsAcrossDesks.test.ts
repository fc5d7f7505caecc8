import { afterEach, describe, expect, it } from 'vitest';
import { recordMovement } from '../../../renderer/src/db/repositories/elderlyCare/movements';
import { hqStorages, startHq, type RunningHq } from '../../support/hqHarness';
import { enroll, openOfficeDesk, sync, type SyncDesk } from '../../support/syncDesks';
import { newResident, smallHome } from '../elderlyCare/elderlyFixtures';

/**
 * Stays are derived from movements on each desk. Two desks that, while apart, give one
 * bed to two people both sync their movements; the replay on each desk then meets both
 * and a conflict is raised for people — never two stays on one bed.
 */
let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

async function openStaysOnBed(desk: SyncDesk, bedId: string) {
  const stays = (await desk.db.table('elderlyStays').where('bedId').equals(bedId).toArray()) as {
    state: string;
    deleted: boolean;
  }[];
  return stays.filter((s) => !s.deleted && s.state !== 'closed' && s.state !== 'void').length;
}

describe.each(hqStorages)('beds across desks over $kind', (storage) => {
  /** Two desks of one office that both know a home with 张大爷 registered on desk a. */
  async function twoDesksOneHome() {
    hq = await startHq({ storage });
    const a = await openOfficeDesk('office-a', 'a');
    const b = await openOfficeDesk('office-a', 'b');
    await enroll(a, hq);
    await enroll(b, hq);
    const { beds } = await smallHome(a.db, a.ctx);
    const zhang = await newResident(a.db, a.ctx, '张大爷');
    await sync(a);
    await sync(b);
    return { a, b, beds, zhang };
  }

  it('turns a bed double-booked on two desks into a conflict, never two stays', async () => {
    const { a, b, beds, zhang } = await twoDesksOneHome();
    const li = await newResident(b.db, b.ctx, '李大爷');

    await recordMovement(a.db, a.ctx, {
      residentId: zhang.id,
      type: 'admit',
      bedId: beds.a.id,
      date: '2026-03-01',
    });
    await recordMovement(b.db, b.ctx, {
      residentId: li.id,
      type: 'admit',
      bedId: beds.a.id,
      date: '2026-03-01',
    });
    await sync(a);
    await sync(b);
    await sync(a);

    for (const desk of [a, b]) {
      expect(await openStaysOnBed(desk, beds.a.id)).toBe(1);
      const conflicts = await desk.db.syncConflicts.toArray();
      expect(
        conflicts.filter((c) => c.field === 'stays' && c.status === 'open').length,
      ).toBeGreaterThanOrEqual(1);
    }
  });

  it('still gives the other residents of the same pull their stays', async () => {
    const { a, b, beds, zhang } = await twoDesksOneHome();
    const li = await newResident(b.db, b.ctx, '李大爷');
    const wang = await newResident(b.db, b.ctx, '王大爷');

    await recordMovement(a.db, a.ctx, {
      residentId: zhang.id,
      type: 'admit',
      bedId: beds.a.id,
      date: '2026-03-01',
    });
    await sync(a);
    // Desk b has not seen zhang's admission: li goes to the same bed, wang to another.
    for (const [resident, bed] of [
      [li, beds.a],
      [wang, beds.c],
    ] as const) {
      await recordMovement(b.db, b.ctx, {
        residentId: resident.id,
        type: 'admit',
        bedId: bed.id,
        date: '2026-03-02',
      });
    }
    await sync(b);
    await sync(a); // one pull page with li's movement (does not hold) and wang's (holds)

    expect(await openStaysOnBed(a, beds.a.id)).toBe(1);
    expect(await openStaysOnBed(a, beds.c.id)).toBe(1);
    const open = (await a.db.syncConflicts.toArray()).filter(
      (c) => c.field === 'stays' && c.status === 'open',
    );
    expect(open.map((c) => c.recordId)).toEqual([li.id]);
  });
});
