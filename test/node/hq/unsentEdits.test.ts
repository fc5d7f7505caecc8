import { afterEach, describe, expect, it } from 'vitest';
import { write } from '../../../renderer/src/db/writePath';
import { hqOfficeRecords, hqStorages, startHq, type RunningHq } from '../../support/hqHarness';
import { createPersons } from '../../support/officeWork';
import { enroll, openOfficeDesk, sync, type SyncDesk } from '../../support/syncDesks';

/**
 * A desk's second unsent edit of a field, made on its own first one, names the HQ
 * version the desk last saw as its base — so a colleague's edit of that field in between
 * is a conflict even when this desk's value wins on the clock: never a silent overwrite.
 */
let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

async function setPhone(desk: SyncDesk, id: string, phone: string) {
  const current = await desk.db.persons.get(id);
  await write(desk.db, desk.ctx, (w) =>
    w.update('person', id, current?.version ?? 0, { phone }, { reason: '更正电话' }),
  );
}

describe.each(hqStorages)('unsent edits over $kind', (storage) => {
  it('records a conflict when a desk’s later unsent edit overwrites a colleague’s value', async () => {
    hq = await startHq({ storage });
    // a2's clock is ahead: its edits win on the clock.
    const a1 = await openOfficeDesk('office-a', 'a1', new Date('2026-03-02T09:00:00+08:00'));
    const a2 = await openOfficeDesk('office-a', 'a2', new Date('2026-03-02T10:00:00+08:00'));
    await enroll(a1, hq);
    await enroll(a2, hq);
    const [person] = await createPersons(a1, 1);
    if (!person) throw new Error('no person');
    await sync(a1);
    await sync(a2);

    // a2: another field first, then the phone on top of its own unsent edit.
    const seen = await a2.db.persons.get(person.id);
    await write(a2.db, a2.ctx, (w) =>
      w.update(
        'person',
        person.id,
        seen?.version ?? 0,
        { currentAddress: '东村5组' },
        { reason: '更正住址' },
      ),
    );
    await setPhone(a2, person.id, '13900000003');
    await setPhone(a1, person.id, '13900000001');
    await sync(a1);
    const report = await sync(a2);

    expect(report.conflicts).toBe(1);
    const records = await hqOfficeRecords(hq.hq, 'office-a');
    const phoneConflicts = [...records.values()].filter(
      (r) => r.kind === 'syncConflict' && r.data.field === 'phone',
    );
    // a2's phone wins on the clock, and a1's is on record for a person to choose.
    expect(phoneConflicts.map((c) => [c.data.keptValue, c.data.otherValue])).toEqual([
      ['13900000003', '13900000001'],
    ]);
  });
});
