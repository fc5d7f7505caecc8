import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { exportForOffice } from '../../../hq/src/packages/exportForOffice';
import { loadHqKeys } from '../../../hq/src/store/hqKeys';
import { searchPersons } from '../../../renderer/src/db/repositories/persons';
import { write } from '../../../renderer/src/db/writePath';
import { DexieSyncStore } from '../../../renderer/src/sync/dexieSyncStore';
import { importPackage } from '../../../renderer/src/sync/packages/importPackage';
import { generateOffice, RecordStamper, serverChanges } from '../../bench/generator';
import { openTestDesk, residentId, testOfficeId } from '../../fakes/deskFixtures';
import { hqOfficeRecords, startHq, type RunningHq } from '../../support/hqHarness';
import { createPersons } from '../../support/officeWork';
import { enrollWithPackageKeys } from '../../support/packageDesks';
import {
  deskOfficeRecords,
  enroll,
  openOfficeDesk,
  recordDifferences,
  sync,
  type SyncDesk,
} from '../../support/syncDesks';

/**
 * ID tails across desks: HQ derives them itself from the merged ID number (a desk's own
 * tails are never trusted), and a desk finds by tail what it received by an online pull,
 * by a package, or from an HQ that stored persons before tails existed.
 */
let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

const tailsOf = (idNumber: string) => [idNumber.slice(-4), idNumber.slice(-6)];

async function expectSameAsHq(desk: SyncDesk, running: RunningHq) {
  const differences = recordDifferences(
    await hqOfficeRecords(running.hq, desk.officeId),
    await deskOfficeRecords(desk),
  );
  expect(differences).toEqual([]);
}

async function correctId(desk: SyncDesk, id: string, idNumber: string) {
  const current = await desk.db.persons.get(id);
  return write(desk.db, desk.ctx, (w) =>
    w.update('person', id, current?.version ?? 0, { idNumber }, { reason: '身份证号录错' }),
  );
}

/** Desks A and B of office-east, enrolled online at a new HQ. */
async function twoDesks() {
  const running = await startHq();
  hq = running;
  const a = await openOfficeDesk('office-east', 'A');
  const b = await openOfficeDesk('office-east', 'B');
  await enroll(a, running);
  await enroll(b, running);
  return { running, a, b };
}

/**
 * Desks A and B of one office at a new HQ; A registers a person, then — a hostile desk —
 * rewrites its queued op with `forged` fields and pushes it. HQ takes the op (no
 * rejection); returns B (not yet pulled), the person and HQ's record of them.
 */
async function forgedPersonOp(forged: Record<string, unknown>) {
  const { running, a, b } = await twoDesks();
  const [person] = await createPersons(a, 1);
  if (!person) throw new Error('no person');
  const op = await a.db.queue.where('recordId').equals(person.id).first();
  if (!op) throw new Error('no op');
  await a.db.queue.put({ ...op, fields: { ...op.fields, ...forged } });
  expect(await sync(a)).toMatchObject({ rejected: 0 });
  const atHq = (await hqOfficeRecords(running.hq, 'office-east')).get(`person:${person.id}`);
  return { b, person, atHq };
}

describe('ID tails between desks and HQ', () => {
  it('a correction of the ID reaches another desk by pull, which finds the new tail only', async () => {
    const { running, a, b } = await twoDesks();
    const [person] = await createPersons(a, 1);
    if (!person) throw new Error('no person');
    await sync(a);
    await sync(b);
    expect((await searchPersons(b.db, person.idNumber.slice(-4))).map((p) => p.id)).toEqual([
      person.id,
    ]);

    const corrected = residentId('330102', person.birthDate, '977');
    await correctId(a, person.id, corrected);
    await sync(a);
    const atHq = (await hqOfficeRecords(running.hq, 'office-east')).get(`person:${person.id}`);
    expect(atHq?.data).toMatchObject({ idNumber: corrected, idTails: tailsOf(corrected) });

    await sync(b);
    expect(await searchPersons(b.db, person.idNumber.slice(-4))).toEqual([]);
    expect((await searchPersons(b.db, corrected.slice(-6))).map((p) => p.id)).toEqual([person.id]);
    await expectSameAsHq(b, running);
  });

  it('HQ works the tails out itself: a desk’s forged tails are not stored or passed on', async () => {
    // The person would answer to someone else's tail.
    const { b, person, atHq } = await forgedPersonOp({ idTails: ['0000', '000000'] });
    expect(atHq?.data.idTails).toEqual(tailsOf(person.idNumber));
    await sync(b);
    expect(await searchPersons(b.db, '0000')).toEqual([]);
    expect((await searchPersons(b.db, person.idNumber.slice(-4))).map((p) => p.id)).toEqual([
      person.id,
    ]);
  });

  it('a forged surname index field is neither kept by HQ nor believed by the desk that pulls', async () => {
    // nameHead is the desk store's own index field (derivedIndexFields.ts), never a
    // record's: the person would list under 龘.
    const { b, person, atHq } = await forgedPersonOp({ nameHead: '龘' });
    expect(atHq?.data).not.toHaveProperty('nameHead');
    await sync(b);
    const underSurname = (head: string) =>
      b.db.persons
        .where('[nameHead+birthDate+id]')
        .between([head, Dexie.minKey], [head, Dexie.maxKey])
        .primaryKeys();
    expect(await underSurname('龘')).toEqual([]);
    expect(await underSurname(person.name.slice(0, 1))).toContain(person.id);
    expect(await b.db.persons.get(person.id)).not.toHaveProperty('nameHead');
  });

  it('a desk finds by tail the persons a county package brought it', async () => {
    hq = await startHq();
    const a = await openOfficeDesk('office-east', 'A');
    const b = await openOfficeDesk('office-east', 'B');
    await enrollWithPackageKeys(a, hq);
    await enrollWithPackageKeys(b, hq);
    const persons = await createPersons(a, 3);
    await sync(a);
    const keys = await loadHqKeys(hq.hq);
    const news = await exportForOffice(hq.hq.db, keys, 'office-east', new Date());
    await importPackage(b.db, b.as('supervisor'), news.bytes);
    for (const p of persons) {
      expect((await searchPersons(b.db, p.idNumber.slice(-6))).map((f) => f.id)).toEqual([p.id]);
    }
  });
});

describe('persons pulled from an HQ that stored them before tails', () => {
  it('get their tails on the desk as they are stored', async () => {
    const stamper = new RecordStamper(
      testOfficeId,
      'hq-device',
      { userId: 'user-registrar', name: '王登记', role: 'registrar' },
      Date.now(),
    );
    const changes = serverChanges(generateOffice(5, { persons: 40, cases: 0 }, stamper));
    const pulledPersons = changes.filter((c) => c.kind === 'person');
    for (const c of pulledPersons) delete (c.record as Record<string, unknown>).idTails;
    const { db } = await openTestDesk();
    await new DexieSyncStore(db).applyPulled(changes, { office: changes.length, reference: 0 });

    const first = pulledPersons[0]?.record as { id: string; idNumber: string } | undefined;
    if (!first) throw new Error('no person pulled');
    expect((await db.persons.get(first.id))?.idTails).toEqual(tailsOf(first.idNumber));
    const found = await searchPersons(db, first.idNumber.slice(-6));
    expect(found.map((p) => p.id)).toContain(first.id);
  });
});
