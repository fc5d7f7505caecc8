import { describe, expect, it } from 'vitest';
import type { QueueEntry } from '@shared/sync/queueEntry';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import {
  recordVisit,
  correctVisit,
} from '../../../renderer/src/db/repositories/elderlyCare/homeCare';
import {
  addAssessment,
  correctContract,
  createContract,
} from '../../../renderer/src/db/repositories/elderlyCare/residents';
import { recordMovement } from '../../../renderer/src/db/repositories/elderlyCare/movements';
import { openTestDesk } from '../../fakes/deskFixtures';
import { homeCareVisitInput, newResident, smallHome } from './elderlyFixtures';
import { revisionOf } from '../../support/revisions';

/** Runs `work` and returns the queue entries it wrote, as [kind, op] plus the entries. */
async function queuedBy(db: DeskDatabase, work: () => Promise<unknown>) {
  const before = (await db.queue.orderBy('seq').last())?.seq ?? 0;
  await work();
  const entries: QueueEntry[] = (await db.queue.orderBy('seq').toArray()).filter(
    (e) => e.seq > before,
  );
  return { ops: entries.map((e) => `${e.kind}:${e.op}`), entries };
}

describe('every 养老 change is queued for HQ with its record', () => {
  it('queues the layout, the resident, the movement (not its derived stay), and each correction', async () => {
    const { db, ctx } = await openTestDesk();
    const layout = await queuedBy(db, () => smallHome(db, ctx));
    expect(layout.ops).toEqual([
      'elderlyInstitution:create',
      'elderlyBuilding:create',
      ...['elderlyRoom:create', 'elderlyBed:create', 'elderlyBed:create'],
      ...['elderlyRoom:create', 'elderlyBed:create', 'elderlyBed:create'],
    ]);
    // A room and its beds travel as one transaction.
    expect(new Set(layout.entries.slice(2, 5).map((e) => e.txId)).size).toBe(1);
    const home = await smallHome(db, { ...ctx }).catch((e: unknown) => e);
    expect(home).toMatchObject({
      code: 'duplicate',
      fieldErrors: [{ code: 'elderly.duplicate_code' }],
    });

    let residentId = '';
    const resident = await queuedBy(db, async () => {
      residentId = (await newResident(db, ctx, '张大爷')).id;
    });
    expect(resident.ops).toEqual(['person:create', 'elderlyResident:create']);

    const bedA = (await db.table('elderlyBeds').toArray())[0] as { id: string };
    const admit = await queuedBy(db, () =>
      recordMovement(db, ctx, { residentId, type: 'admit', bedId: bedA.id, date: '2026-02-01' }),
    );
    // The stay is derived on every desk from the movement: it is not queued.
    expect(admit.ops).toEqual(['elderlyMovement:create']);
    expect(admit.entries[0]).toMatchObject({
      fields: { type: 'admit', date: '2026-02-01', residentId },
      actor: { userId: 'user-registrar' },
    });

    const assessment = await queuedBy(db, () =>
      addAssessment(db, ctx, {
        residentId,
        date: '2026-02-01',
        assessor: '王医生',
        level: 'mild',
        reason: 'admission',
      }),
    );
    expect(assessment.ops).toEqual(['elderlyAssessment:create']);

    let contract = await createContract(db, ctx, {
      residentId,
      contractNo: 'HT-2026-001',
      startDate: '2026-02-01',
      endDate: '2027-01-31',
      careLevel: 'mild',
      bedId: bedA.id,
      bedFeeFen: 80_000,
      careFeeFen: 60_000,
      mealFeeFen: 45_000,
      depositFen: 300_000,
    });
    const correction = await queuedBy(db, async () => {
      contract = await correctContract(db, ctx, contract, { mealFeeFen: 50_000 }, '伙食费标准调整');
    });
    expect(correction.entries).toEqual([
      expect.objectContaining({
        kind: 'elderlyContract',
        op: 'update',
        baseVersion: 0, // the HQ version it was made on: not yet synced
        fields: { mealFeeFen: 50_000 },
        reason: '伙食费标准调整',
      }),
    ]);
    const kept = await revisionOf(db, 'elderlyContract', contract.id, 1);
    expect(kept).toMatchObject({ reason: '伙食费标准调整', record: { mealFeeFen: 45_000 } });

    const person = (await db.persons.toArray())[0];
    if (!person) throw new Error('no person');
    const visit = await queuedBy(db, async () => {
      const v = await recordVisit(db, ctx, homeCareVisitInput(person));
      await correctVisit(db, ctx, v, { staff: '刘护工、陈护工' }, '漏记一名护工');
    });
    expect(visit.ops).toEqual(['elderlyHomeCareVisit:create', 'elderlyHomeCareVisit:update']);
  });
});
