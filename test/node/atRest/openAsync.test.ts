import { liveQuery } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { openAsyncFrom } from '../../../renderer/src/db/atRest/openAsync';
import { write } from '../../../renderer/src/db/writePath';
import { openTestDesk } from '../../fakes/deskFixtures';
import { uniquePerson } from '../../support/officeWork';
import { rawPut, rawRows } from './rawStore';

/**
 * Rows of a read in a transaction of its own are opened with WebCrypto after it answers
 * (openAsync.ts); in a transaction a caller opened, as they are read. Either way the
 * records are the same and a tampered row is refused; the read's transaction is held
 * while its rows are opened, so a write waits for it as before; and a live query of
 * several reads still follows each of them.
 */
async function deskWithPersons(count: number) {
  const desk = await openTestDesk();
  await write(desk.db, desk.ctx, async (w) => {
    for (let i = 0; i < count; i++)
      await w.create('person', uniquePerson(`王${'一二三四五六七八九十'[i % 10]}`));
  });
  return desk;
}

/** WebCrypto's decrypt (the real one) made `ms` late: a wide gap between a read and its rows. */
function slowDecrypt(ms: number) {
  const subtle = globalThis.crypto.subtle;
  const decrypt = subtle.decrypt.bind(subtle);
  return vi
    .spyOn(subtle, 'decrypt')
    .mockImplementation(async (...args: Parameters<SubtleCrypto['decrypt']>) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return decrypt(...args);
    });
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

  it('a write made while a read’s rows are being opened commits only after the read has answered', async () => {
    const { db } = await openTestDesk();
    const draft = (i: number) => ({ key: `d${i}`, value: { note: `草稿${i}` }, updatedAt: `${i}` });
    await db.drafts.bulkPut(Array.from({ length: openAsyncFrom + 2 }, (_, i) => draft(i)));
    // WebCrypto made slow, so the gap between the read's answer from IndexedDB and its
    // rows opened is wide enough for a write to fall in.
    const slow = slowDecrypt(30);
    try {
      const order: string[] = [];
      const read = db.drafts.toArray().then((rows) => order.push(`read ${rows.length}`));
      const write = db.drafts.put(draft(99)).then(() => order.push('write'));
      await Promise.all([read, write]);
      // As with rows opened as they are read: the write waited for the read's transaction.
      expect(order).toEqual([`read ${openAsyncFrom + 2}`, 'write']);
    } finally {
      slow.mockRestore();
    }
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
