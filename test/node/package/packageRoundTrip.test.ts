import { afterEach, describe, expect, it } from 'vitest';
import { exportPackage } from '../../../renderer/src/sync/packages/exportPackage';
import { importPackage } from '../../../renderer/src/sync/packages/importPackage';
import { listPackageHistory } from '../../../renderer/src/sync/packages/packageHistory';
import { importDevicePackage } from '../../../hq/src/packages/importPackage';
import { loadHqKeys } from '../../../hq/src/store/hqKeys';
import { publishStandard } from '../../../hq/src/sync/hqChanges';
import { hqOfficeRecords, hqRowCounts, startHq, type RunningHq } from '../../support/hqHarness';
import { registerFamily } from '../../support/officeWork';
import { enrollWithPackageKeys } from '../../support/packageDesks';
import {
  deskOfficeRecords,
  openOfficeDesk,
  recordDifferences,
  sync,
  type SyncDesk,
} from '../../support/syncDesks';

/**
 * Office → HQ → office by file, with the real HQ (in this process, on loopback for the
 * online half) and desks on fake-indexeddb, and online sync mixed in: whatever path
 * delivers an op first, it applies once and is never sent again.
 */
let hq: RunningHq;
afterEach(async () => hq?.stop());

async function officeOfTwo() {
  hq = await startHq();
  const a = await openOfficeDesk('office-east', 'A');
  const b = await openOfficeDesk('office-east', 'B');
  await enrollWithPackageKeys(a, hq);
  await enrollWithPackageKeys(b, hq);
  return { a, b };
}

const supervisor = (desk: SyncDesk) => desk.as('supervisor');

/** The desk's package goes to HQ; HQ's return file comes back and is imported. */
async function carry(desk: SyncDesk) {
  const exported = await exportPackage(desk.db, supervisor(desk));
  const atHq = await importDevicePackage(
    hq.hq.db,
    await loadHqKeys(hq.hq),
    exported.bytes,
    new Date(),
  );
  const back = await importPackage(desk.db, supervisor(desk), atHq.returnPackage.bytes);
  return { exported, atHq, back };
}

async function expectSameAsHq(desk: SyncDesk) {
  const differences = recordDifferences(
    await hqOfficeRecords(hq.hq, desk.officeId),
    await deskOfficeRecords(desk),
  );
  expect(differences).toEqual([]);
}

describe('sync packages: office → HQ → office', () => {
  it('carries the desk’s work to HQ and HQ’s news back; online sync then finds nothing left', async () => {
    const { a, b } = await officeOfTwo();
    // Desk B is online: its family reaches HQ the usual way. The county publishes a standard.
    await registerFamily(b);
    await sync(b);
    await publishStandard(
      hq.hq.db,
      {
        areaCode: '330102',
        category: 'rural',
        effectiveFrom: '2026-07-01',
        effectiveTo: null,
        amountFen: 90_000,
        note: '',
      },
      '县民政局',
      new Date(),
    );
    // Desk A has been offline for days.
    await registerFamily(a);
    await registerFamily(a);
    const queued = await a.db.queue.count();

    const { exported, atHq, back } = await carry(a);
    expect(exported.summary.counts).toMatchObject({ household: 2, person: 4 });
    expect(atHq.summary.ops).toMatchObject({ applied: queued });
    expect(back.acknowledged).toMatchObject({ applied: queued, stillQueued: queued });
    expect(back.changes.new).toBeGreaterThan(0);
    expect(await a.db.queue.count()).toBe(0);
    await expectSameAsHq(a);
    expect(await a.db.benefitStandards.filter((s) => s.amountFen === 90_000).count()).toBe(1);
    expect((await listPackageHistory(a.db)).map((p) => [p.direction, p.acknowledged])).toEqual([
      ['imported', null],
      ['exported', true],
    ]);

    const online = await sync(a);
    expect(online).toMatchObject({ pushed: 0, pulled: 0 });
  });

  it('applies an op once when it went both ways: in a package and online', async () => {
    const { a } = await officeOfTwo();
    await registerFamily(a);
    const exported = await exportPackage(a.db, supervisor(a));
    // The network came back before the stick reached the county.
    await sync(a);
    const before = await hqRowCounts(hq.hq);
    const atHq = await importDevicePackage(
      hq.hq.db,
      await loadHqKeys(hq.hq),
      exported.bytes,
      new Date(),
    );
    const after = await hqRowCounts(hq.hq);
    expect(after.changes).toBe(before.changes);
    expect(after.applied_ops).toBe(before.applied_ops);
    expect(after.records).toBe(before.records);
    expect(atHq.summary.ops.applied).toBe(0);

    // Its return file acknowledges nothing new and carries nothing the desk lacks.
    const back = await importPackage(a.db, supervisor(a), atHq.returnPackage.bytes);
    expect(back.changes.new).toBe(0);
    expect(back.acknowledged.stillQueued).toBe(0);
    await expectSameAsHq(a);
  });

  it('a return file imported after an online pull applies only what is new', async () => {
    const { a, b } = await officeOfTwo();
    await registerFamily(a);
    const exported = await exportPackage(a.db, supervisor(a));
    const atHq = await importDevicePackage(
      hq.hq.db,
      await loadHqKeys(hq.hq),
      exported.bytes,
      new Date(),
    );
    // Meanwhile B works online, and A pulls before the return file arrives.
    await registerFamily(b);
    await sync(b);
    await sync(a);
    const back = await importPackage(a.db, supervisor(a), atHq.returnPackage.bytes);
    expect(back.changes.new).toBe(0);
    await expectSameAsHq(a);
    expect(await a.db.queue.count()).toBe(0);
  });
});
