import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openAsyncFrom } from '../../../renderer/src/db/atRest/openAsync';
import { write } from '../../../renderer/src/db/writePath';
import { openTestDesk } from '../../fakes/deskFixtures';
import { uniquePerson } from '../../support/officeWork';
import { rawPut, rawRows } from './rawStore';

/**
 * Rows of a read in a transaction of its own are opened with WebCrypto after it answers
 * (openAsync.ts); in a transaction a caller opened, as they are read. Either way the
 * records are the same, a tampered row is refused, and a live query of several reads
 * still follows each of them (Dexie's zone survives the wait).
 */
async function deskWithPersons(count: number) {
  const desk = await openTestDesk();
  await write(desk.db, desk.ctx, async (w) => {
    for (let i = 0; i < count; i++)
      await w.create('person', uniquePerson(`王${'一二三四五六七八九十'[i % 10]}`));
  });
  return desk;
}

describe('sealed rows opened after the read', () => {
  it('reads the same records alone as inside a transaction, and refuses a tampered one either way', async () => {
    const { db } = await deskWithPersons(openAsyncFrom + 4);
    const alone = await db.persons.orderBy('id').toArray();
    const inside = await db.transaction('r', db.persons, () => db.persons.orderBy('id').toArray());
    expect(alone.length).toBe(openAsyncFrom + 4);
    expect(alone).toEqual(inside);
    expect(alone.every((p) => typeof p.idNumber === 'string' && p.idNumber.length === 18)).toBe(
      true,
    );
    // One row given another's seal: the whole read is refused, alone or not.
    const raw = (await rawRows(db.name)).persons as Record<string, unknown>[];
    const [a, b] = raw;
    await rawPut(db.name, 'persons', { ...a, _sealed: b?._sealed });
    await expect(db.persons.toArray()).rejects.toThrow(/does not match its clear fields/);
    await expect(db.transaction('r', db.persons, () => db.persons.toArray())).rejects.toThrow(
      /does not match its clear fields/,
    );
  });

  it('a live query of two reads, each opened after it answers, follows a change to the second', async () => {
    const { db } = await deskWithPersons(openAsyncFrom + 2);
    const seen: unknown[][] = [];
    const subscription = liveQuery(async () => {
      const persons = await db.persons.toArray();
      const again = await db.persons.where('name').startsWith('王').toArray();
      // Read after two waits for WebCrypto: still observed only if the zone came back.
      const mark = await db.meta.get('openAsyncMark');
      return [persons.length, again.length, mark?.value ?? null];
    }).subscribe((value) => seen.push(value));
    try {
      await expect.poll(() => seen.at(-1)).toEqual([openAsyncFrom + 2, openAsyncFrom + 2, null]);
      await db.meta.put({ key: 'openAsyncMark', value: 'seen' });
      await expect.poll(() => seen.at(-1)?.[2]).toBe('seen');
    } finally {
      subscription.unsubscribe();
    }
  });
});
