import { afterEach, describe, expect, it } from 'vitest';
import type { SyncTransport } from '@shared/sync/ports';
import { write } from '../../../renderer/src/db/writePath';
import { hqOfficeRecords, hqStorages, startHq, type RunningHq } from '../../support/hqHarness';
import { createPersons } from '../../support/officeWork';
import {
  deskOfficeRecords,
  enroll,
  openOfficeDesk,
  recordDifferences,
  sync,
  type SyncDesk,
} from '../../support/syncDesks';

/**
 * Same-field edits the random convergence run reaches only now and then, pinned down:
 * the later desk's clock is behind, so its value loses at HQ and must still be shown as
 * a conflict, and the desk must end on HQ's value.
 */

let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

async function twoDesksWithAPerson(storage: (typeof hqStorages)[number]) {
  hq = await startHq({ storage });
  // a2's clock is an hour behind a1's: a2's edits lose on the clock.
  const a1 = await openOfficeDesk('office-a', 'a1', new Date('2026-03-02T10:00:00+08:00'));
  const a2 = await openOfficeDesk('office-a', 'a2', new Date('2026-03-02T09:00:00+08:00'));
  await enroll(a1, hq);
  await enroll(a2, hq);
  const [person] = await createPersons(a1, 1);
  if (!person) throw new Error('no person');
  await sync(a1);
  await sync(a2);
  return { a1, a2, id: person.id, version: person.version };
}

async function setPhone(desk: SyncDesk, id: string, phone: string) {
  const current = await desk.db.persons.get(id);
  await write(desk.db, desk.ctx, (w) =>
    w.update('person', id, current?.version ?? 0, { phone }, { reason: '更正电话' }),
  );
}

async function phoneConflicts(running: RunningHq, id: string) {
  const records = await hqOfficeRecords(running.hq, 'office-a');
  return [...records.values()]
    .filter((r) => r.kind === 'syncConflict' && r.data.recordId === id && r.data.field === 'phone')
    .map((r) => [r.data.keptValue, r.data.otherValue]);
}

describe.each(hqStorages)('same-field conflicts over $kind', (storage) => {
  it('an edit made on top of the desk’s own unsent edit still conflicts when it loses', async () => {
    const { a1, a2, id, version } = await twoDesksWithAPerson(storage);
    await setPhone(a1, id, '13900000001');
    await sync(a1);
    // a2 has not pulled a1's phone: another field, then the phone, both queued.
    await write(a2.db, a2.ctx, (w) =>
      w.update('person', id, version, { currentAddress: '东村5组' }, { reason: '更正住址' }),
    );
    await setPhone(a2, id, '13900000002');
    const report = await sync(a2);

    expect(report.conflicts).toBe(1);
    const running = hq as RunningHq;
    expect(await phoneConflicts(running, id)).toEqual([['13900000001', '13900000002']]);
    expect((await a2.db.persons.get(id))?.phone).toBe('13900000001');
    expect(
      recordDifferences(await hqOfficeRecords(running.hq, 'office-a'), await deskOfficeRecords(a2)),
    ).toEqual([]);
  });

  it('a desk that edits while it syncs ends on HQ’s value when its edit loses', async () => {
    const { a1, a2, id } = await twoDesksWithAPerson(storage);
    await setPhone(a1, id, '13900000001');
    await sync(a1);
    // The registrar at a2 changes the phone after a2 pushed and before it pulls: the pull
    // brings a1's phone under a2's queued one, which then loses at HQ.
    const transport = a2.transport as SyncTransport;
    let typed = false;
    await sync(a2, {
      transport: {
        push: (request) => transport.push(request),
        pull: async (request) => {
          if (!typed) {
            typed = true;
            await setPhone(a2, id, '13900000002');
          }
          return transport.pull(request);
        },
      },
    });
    expect((await a2.db.persons.get(id))?.phone).toBe('13900000002');
    await sync(a2);

    const running = hq as RunningHq;
    expect(await phoneConflicts(running, id)).toEqual([['13900000001', '13900000002']]);
    expect((await a2.db.persons.get(id))?.phone).toBe('13900000001');
    expect(await a2.db.syncConflicts.count()).toBe(1);
    expect(
      recordDifferences(await hqOfficeRecords(running.hq, 'office-a'), await deskOfficeRecords(a2)),
    ).toEqual([]);
  });
});
