import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { openTestDesk } from '../../fakes/deskFixtures';
import { sealChunkRows } from '../../../renderer/src/db/atRest/sealedMutate';
import { rawRows } from './rawStore';

/**
 * A bulk write larger than one seal chunk (renderer/src/db/atRest/sealedMutate.ts): every
 * row sealed and read back, answers and failures where the caller put them, a seal
 * moved between rows of different chunks still refused.
 */
const count = sealChunkRows * 3 + 17;

const notes = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    key: `draft-${String(i).padStart(4, '0')}`,
    value: { note: `病情说明 ${i}`, incomeFen: 100_000 + i },
    updatedAt: '2026-12-05T10:00:00.000Z',
  }));

describe('a bulk write sealed chunk by chunk', () => {
  it('seals every row, reads each back, and answers with every key in order', async () => {
    const { db } = await openTestDesk();
    const rows = notes(count);
    const keys = await db.drafts.bulkPut(rows, { allKeys: true });
    expect(keys).toEqual(rows.map((r) => r.key));
    const stored = (await rawRows(db.name)).drafts as Record<string, unknown>[];
    expect(stored).toHaveLength(count);
    expect(stored.every((r) => r._sealed instanceof Uint8Array && !('value' in r))).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('病情说明');
    expect(await db.drafts.toArray()).toEqual(rows);
  });

  it("a refused row is reported at its own place, in a later chunk's position", async () => {
    const { db } = await openTestDesk();
    const rows = notes(count);
    const clash = sealChunkRows * 2 + 5;
    const taken = rows[clash];
    if (!taken) throw new Error('no row');
    await db.drafts.add(taken);
    const error = await db.drafts.bulkAdd(rows).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Dexie.BulkError);
    const failures = (error as InstanceType<typeof Dexie.BulkError>).failuresByPos;
    expect(Object.keys(failures).map(Number)).toEqual([clash]);
    expect(await db.drafts.count()).toBe(count);
  });

  it('a seal from a row of one chunk put on a row of another is refused as tampered', async () => {
    const { db } = await openTestDesk();
    await db.drafts.bulkPut(notes(count));
    const name = db.name;
    db.close();
    // Move the first row's seal onto the last row, with the bare IndexedDB API.
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
      open.onsuccess = () => {
        const idb = open.result;
        const tx = idb.transaction('drafts', 'readwrite');
        const store = tx.objectStore('drafts');
        const first = store.get('draft-0000');
        first.onsuccess = () => {
          const last = store.get(`draft-${String(count - 1).padStart(4, '0')}`);
          last.onsuccess = () => {
            const moved = {
              ...(last.result as object),
              _sealed: (first.result as { _sealed: unknown })._sealed,
            };
            store.put(moved);
          };
        };
        tx.oncomplete = () => {
          idb.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error ?? new Error('tx failed'));
      };
    });
    await db.open();
    await expect(db.drafts.get(`draft-${String(count - 1).padStart(4, '0')}`)).rejects.toThrow(
      /does not match its clear fields/,
    );
    expect(await db.drafts.get('draft-0000')).toMatchObject({ value: { note: '病情说明 0' } });
  });
});
