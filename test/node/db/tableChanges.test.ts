import { describe, expect, it } from 'vitest';
import Dexie, { RangeSet } from 'dexie';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import { tableCount } from '../../../renderer/src/db/repositories/grid/tableCount';
import { readSteadily } from '../../../renderer/src/db/repositories/export/steadyRead';
import { onTableChanges, tablePart } from '../../../renderer/src/db/tableChanges';
import { openTestDesk, threeMemberHousehold } from '../../fakes/deskFixtures';

/**
 * A change Dexie did not see (made while a page sat in the back-forward cache) is told as
 * one part, `all`: every kept count is forgotten and every export's reading starts again
 * (db/tableChanges.ts).
 */
function fireAll(): void {
  // What Dexie fires on a persisted `pageshow`: one part for everything.
  Dexie.on('storagemutated').fire({ all: new RangeSet(-Infinity, [[]]) } as never);
}

/** A row put straight into IndexedDB, under Dexie, as another page's change while frozen. */
async function putUnseen(db: Dexie, table: string, row: object): Promise<void> {
  const idb = db.backendDB();
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(table, 'readwrite');
    tx.objectStore(table).put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('put failed'));
  });
}

describe('table changes', () => {
  it('tells each watched table a change touched, every one for `all`, none after stop', async () => {
    const heard: string[] = [];
    const persons = tablePart('desk', 'persons');
    const cases = tablePart('desk', 'cases');
    const changes = onTableChanges(
      () => [persons, cases],
      (prefix) => heard.push(prefix),
    );
    const fire = (parts: string[]) =>
      Dexie.on('storagemutated').fire(
        Object.fromEntries(parts.map((part) => [part, new RangeSet()])) as never,
      );
    fire(['idb://desk/persons/', 'idb://desk/persons/name']);
    fire(['idb://desk/households/']);
    fire(['idb://other/cases/']);
    fireAll();
    changes.stop();
    fire(['idb://desk/cases/']);
    expect(heard).toEqual([persons, persons, cases]);
  });

  it('a kept count is forgotten on `all`', async () => {
    const desk = await openTestDesk();
    await registerHousehold(desk.db, desk.ctx, threeMemberHousehold('rural'));
    const before = await tableCount(desk.db.persons);
    expect(before).toBe(3);
    await putUnseen(desk.db, 'persons', { id: 'person-unseen' });
    // Kept: nothing Dexie heard changed the table.
    expect(await tableCount(desk.db.persons)).toBe(3);
    fireAll();
    expect(await tableCount(desk.db.persons)).toBe(4);
  });

  it('an export reading is read again on `all`', async () => {
    const desk = await openTestDesk();
    let readings = 0;
    const rows = await readSteadily(
      desk.db.name,
      [desk.db.persons.name],
      async () => {
        readings += 1;
        if (readings === 1) fireAll();
        return desk.db.persons.count();
      },
      0,
    );
    expect(rows).toBe(0);
    expect(readings).toBe(2);
  });
});
