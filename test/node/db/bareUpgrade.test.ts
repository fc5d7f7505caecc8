import Dexie, { type Transaction } from 'dexie';
import { describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { modifyBare } from '../../../renderer/src/db/tables/bareUpgrade';

/** An upgrade's row rewrite below the middleware (renderer/src/db/tables/bareUpgrade.ts). */
async function storeWith(rows: Record<string, unknown>[]): Promise<string> {
  const name = `bare-${newRecordId()}`;
  const v1 = new Dexie(name);
  v1.version(1).stores({ t: 'id' });
  await v1.open();
  await v1.table('t').bulkAdd(rows);
  v1.close();
  return name;
}

function upgradedWith(name: string, upgrade: (tx: Transaction) => Promise<void>) {
  const v2 = new Dexie(name);
  v2.version(1).stores({ t: 'id' });
  v2.version(2).stores({ t: 'id, n' }).upgrade(upgrade);
  return v2;
}

describe('modifyBare', () => {
  it('changes plain rows, leaves a sealed row and a row it returns nothing for as they are', async () => {
    const name = await storeWith([
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
      { id: 's', _sealed: new Uint8Array([1, 2]), n: 3 },
    ]);
    const db = upgradedWith(name, (tx) =>
      modifyBare(tx, 't', (row) => (row.n === 2 ? undefined : { ...row, n: Number(row.n) * 10 })),
    );
    await db.open();
    expect(await db.table('t').toArray()).toEqual([
      { id: 'a', n: 10 },
      { id: 'b', n: 2 },
      { id: 's', _sealed: new Uint8Array([1, 2]), n: 3 },
    ]);
    db.close();
  });

  it('a change that throws fails the open with its own error and changes nothing', async () => {
    const name = await storeWith([
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ]);
    const db = upgradedWith(name, (tx) =>
      modifyBare(tx, 't', (row) => {
        if (row.id === 'b') throw new Error('row b cannot be upgraded');
        return { ...row, n: 9 };
      }),
    );
    await expect(db.open()).rejects.toThrow('row b cannot be upgraded');
    db.close();
    const v1 = new Dexie(name);
    v1.version(1).stores({ t: 'id' });
    await v1.open();
    expect(await v1.table('t').toArray()).toEqual([
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ]);
    v1.close();
  });
});
