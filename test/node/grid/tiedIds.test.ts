import { beforeAll, describe, expect, it } from 'vitest';
import type { Table } from 'dexie';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import { tiesPast } from '../../../renderer/src/db/repositories/grid/tiedIds';
import { countSteps, counted } from './countReads';
import { openCountedStore } from './gridOffice';

/**
 * The walk through rows sharing the anchor's key (tiedIds.ts), which the lists whose
 * orders do not end with the id still page by (care-home residents and volunteers by
 * last change; the residents' table is the fixture): a key shared by a few read at once, a run of one key
 * whose ids are the store's next ids leapt over, and one whose ids are spread among
 * other keys' stepped through — each in the store's order of ids, both ways.
 */
let db: DeskDatabase;
let residents: Table<{ id: string; updatedAt: string; deleted: boolean }, string>;
const id = (prefix: string, i: number) => `${prefix}${String(i).padStart(3, '0')}`;

beforeAll(async () => {
  countSteps();
  db = await openCountedStore('ties', 'elderlyResidents');
  residents = db.table('elderlyResidents');
  const rows = [
    // A run: 200 ids in a row, one key.
    ...Array.from({ length: 200 }, (_, i) => ({ id: id('a', i), updatedAt: 'K1' })),
    // Spread: even ids one key, odd ids another.
    ...Array.from({ length: 200 }, (_, i) => ({ id: id('b', i), updatedAt: i % 2 ? 'K3' : 'K2' })),
    // A few.
    ...Array.from({ length: 5 }, (_, i) => ({ id: id('c', i), updatedAt: 'K4' })),
  ].map((row) => ({ ...row, deleted: false }));
  await residents.bulkAdd(rows);
});

describe('the ids sharing the anchor’s key past it', () => {
  it('a run of one key: leapt over in a few cursor moves, both ways', async () => {
    counted.steps = 0;
    const up = await tiesPast(residents, 'updatedAt', 'K1', id('a', 20), true, 100);
    expect(up.ids).toEqual(Array.from({ length: 100 }, (_, i) => id('a', 21 + i)));
    expect(counted.steps).toBeLessThanOrEqual(12);
    counted.steps = 0;
    const down = await tiesPast(residents, 'updatedAt', 'K1', id('a', 150), false, 100);
    expect(down.ids).toEqual(Array.from({ length: 100 }, (_, i) => id('a', 149 - i)));
    expect(counted.steps).toBeLessThanOrEqual(12);
  });

  it('a key whose ids are spread among another’s: stepped, every id of the key in order', async () => {
    const even = Array.from({ length: 100 }, (_, i) => id('b', 2 * i));
    const up = await tiesPast(residents, 'updatedAt', 'K2', id('b', 20), true, 30);
    expect(up.ids).toEqual(even.slice(11, 41));
    const down = await tiesPast(residents, 'updatedAt', 'K2', id('b', 100), false, 30);
    expect(down.ids).toEqual(even.slice(20, 50).reverse());
  });

  it('a key shared by a few: read at once, no cursor move', async () => {
    counted.steps = 0;
    const up = await tiesPast(residents, 'updatedAt', 'K4', id('c', 1), true, 50);
    expect(up).toEqual({ ids: [id('c', 2), id('c', 3), id('c', 4)], run: 3 });
    const down = await tiesPast(residents, 'updatedAt', 'K4', id('c', 3), false, 2);
    expect(down.ids).toEqual([id('c', 2), id('c', 1)]);
    expect(counted.steps).toBe(0);
  });
});
