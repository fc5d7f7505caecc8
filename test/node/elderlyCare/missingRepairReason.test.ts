import { describe, expect, it } from 'vitest';
import { recordHistory } from '../../../renderer/src/db/repositories/recordHistory';
import { editBed } from '../../../renderer/src/db/repositories/elderlyCare/beds';
import { elderlyTables } from '../../../renderer/src/db/repositories/elderlyCare/tables';
import { openTestDesk } from '../../fakes/deskFixtures';
import { smallHome } from './elderlyFixtures';

/**
 * A bed put under repair before the repair reason was recorded: its stored record has
 * no `maintenanceReason` at all. Any correction that leaves it without one is refused,
 * so the correction must be able to add the missing reason — with a reason, kept in
 * the bed's history.
 */
describe('a bed under repair from before repair reasons', () => {
  it('takes the missing repair reason as a correction, and refuses other corrections without it', async () => {
    const { db, ctx } = await openTestDesk();
    const { beds } = await smallHome(db, ctx);
    const table = elderlyTables(db).beds;
    const stored = await table.get(beds.a.id);
    if (!stored) throw new Error('bed missing');
    // Old data, written straight into the table: under repair, no reason field.
    const { maintenanceReason: _dropped, ...old } = stored;
    await table.put({ ...old, maintenance: true } as typeof stored);
    const bed = await table.get(beds.a.id);
    if (!bed) throw new Error('bed missing');
    expect('maintenanceReason' in bed).toBe(false);
    const queued = await db.queue.count();

    await expect(editBed(db, ctx, bed, { note: '靠窗' }, '备注补记')).rejects.toMatchObject({
      fieldErrors: [{ path: 'maintenanceReason', code: 'elderly.maintenance_reason_required' }],
    });
    await expect(
      editBed(db, ctx, bed, { note: '靠窗', maintenanceReason: '  ' }, '备注补记'),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'maintenanceReason', code: 'elderly.maintenance_reason_required' }],
    });
    await expect(
      editBed(db, ctx, bed, { maintenanceReason: '床板断裂' }, ''),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'reason', code: 'record.correction_reason_required' }],
    });
    expect(await db.queue.count()).toBe(queued);

    await editBed(
      db,
      ctx,
      bed,
      { note: '靠窗', maintenanceReason: '床板断裂，待更换' },
      '补记维修原因',
    );
    const after = await table.get(beds.a.id);
    expect(after).toMatchObject({
      maintenance: true,
      maintenanceReason: '床板断裂，待更换',
      note: '靠窗',
      version: bed.version + 1,
    });
    expect(await db.queue.count()).toBe(queued + 1);
    const history = await recordHistory(db, 'elderlyBed', beds.a.id);
    expect(history.at(-1)).toMatchObject({ reason: '补记维修原因' });
    expect(history.at(-1)?.changes.map((c) => c.field)).toEqual(
      expect.arrayContaining(['maintenanceReason', 'note']),
    );
  });
});
