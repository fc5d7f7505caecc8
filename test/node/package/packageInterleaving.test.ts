import { afterEach, describe, expect, it } from 'vitest';
import { exportForOffice } from '../../../hq/src/packages/exportForOffice';
import { importDevicePackage } from '../../../hq/src/packages/importPackage';
import { loadHqKeys } from '../../../hq/src/store/hqKeys';
import { write } from '../../../renderer/src/db/writePath';
import { exportPackage } from '../../../renderer/src/sync/packages/exportPackage';
import { importPackage } from '../../../renderer/src/sync/packages/importPackage';
import { hqOfficeRecords, startHq, type RunningHq } from '../../support/hqHarness';
import { createPersons, registerFamily } from '../../support/officeWork';
import { enrollWithPackageKeys } from '../../support/packageDesks';
import {
  deskOfficeRecords,
  openOfficeDesk,
  recordDifferences,
  sync,
  type SyncDesk,
} from '../../support/syncDesks';

/**
 * Packages of one office arriving in any order at any of its desks, mixed with online
 * sync: each desk ends on HQ's state. (Cases a review found: another desk's return with
 * an empty range, a county export imported before the desk's own answer.)
 */
let hq: RunningHq;
afterEach(async () => hq?.stop());

async function officeOfTwo() {
  hq = await startHq();
  const a = await openOfficeDesk('office-east', 'A', new Date('2026-03-02T09:00:00+08:00'));
  const b = await openOfficeDesk('office-east', 'B', new Date('2026-03-02T10:00:00+08:00'));
  await enrollWithPackageKeys(a, hq);
  await enrollWithPackageKeys(b, hq);
  return { a, b, keys: await loadHqKeys(hq.hq) };
}

async function expectSameAsHq(desk: SyncDesk) {
  const differences = recordDifferences(
    await hqOfficeRecords(hq.hq, desk.officeId),
    await deskOfficeRecords(desk),
  );
  expect(differences).toEqual([]);
}

async function setPhone(desk: SyncDesk, id: string, phone: string) {
  const current = await desk.db.persons.get(id);
  await write(desk.db, desk.ctx, (w) =>
    w.update('person', id, current?.version ?? 0, { phone }, { reason: '更正电话' }),
  );
}

describe('packages of one office in any order', () => {
  it('another desk’s return with nothing new for it does not skip what it lacks', async () => {
    const { a, b, keys } = await officeOfTwo();
    await registerFamily(b);
    await sync(b);
    await registerFamily(a);
    await sync(a); // A holds everything; B lacks A's family
    const exported = await exportPackage(a.db, a.as('supervisor'));
    const atHq = await importDevicePackage(hq.hq.db, keys, exported.bytes, new Date());
    const cursorBefore = await b.store.cursor();
    await importPackage(b.db, b.as('supervisor'), atHq.returnPackage.bytes);
    expect(await b.store.cursor()).toEqual(cursorBefore);
    await sync(b);
    await expectSameAsHq(b);
  });

  it('a county export imported before the desk’s own answer shows HQ’s value, not the desk’s old one', async () => {
    const { a, b, keys } = await officeOfTwo();
    const [person] = await createPersons(a, 1);
    if (!person) throw new Error('no person');
    await sync(a);
    await sync(b);
    await setPhone(a, person.id, '13900000001'); // offline at A
    const fromA = await exportPackage(a.db, a.as('supervisor'));
    const answerToA = await importDevicePackage(hq.hq.db, keys, fromA.bytes, new Date());
    await setPhone(b, person.id, '13900000002'); // a colleague, later
    await sync(b);
    const news = await exportForOffice(hq.hq.db, keys, 'office-east', new Date());

    await importPackage(a.db, a.as('supervisor'), news.bytes);
    expect((await a.db.persons.get(person.id))?.phone).toBe('13900000002');
    expect(await a.db.queue.count()).toBeGreaterThan(0); // its answer has not come yet
    // The desk's own answer, made earlier, still imports: it is not a replay of the export.
    const back = await importPackage(a.db, a.as('supervisor'), answerToA.returnPackage.bytes);
    expect(back.acknowledged.stillQueued).toBeGreaterThan(0);
    expect(await a.db.queue.count()).toBe(0);
    await expectSameAsHq(a);
    expect(await sync(a)).toMatchObject({ pushed: 0, pulled: 0 });
  });

  it('an op HQ holds but the desk has not heard back about is sent again and answered once', async () => {
    const { a, b, keys } = await officeOfTwo();
    const [person] = await createPersons(a, 1);
    if (!person) throw new Error('no person');
    await sync(a);
    await setPhone(a, person.id, '13900000003');
    const fromA = await exportPackage(a.db, a.as('supervisor'));
    await importDevicePackage(hq.hq.db, keys, fromA.bytes, new Date());
    await sync(b); // B pulls A's change
    // A's answer is lost; A hears of its change through the county's export first.
    await importPackage(
      a.db,
      a.as('supervisor'),
      (await exportForOffice(hq.hq.db, keys, 'office-east', new Date())).bytes,
    );
    const before = await hqOfficeRecords(hq.hq, 'office-east');
    await sync(a); // the held op goes out again; HQ answers from its op-id record
    expect(await a.db.queue.count()).toBe(0);
    expect(await hqOfficeRecords(hq.hq, 'office-east')).toEqual(before);
    await expectSameAsHq(a);
  });
});
