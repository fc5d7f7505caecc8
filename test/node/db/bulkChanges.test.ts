import Dexie, { liveQuery, type IntervalTreeNode, type ObservabilitySet } from 'dexie';
import { describe, expect, it } from 'vitest';
import { bulkWriteThreshold } from '../../../renderer/src/db/bulkChanges';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import { write } from '../../../renderer/src/db/writePath';
import { openTestDesk } from '../../fakes/deskFixtures';
import { uniquePerson } from '../../support/officeWork';

/** What Dexie hands the live queries (and posts to other tabs) when `work` commits. */
async function changesOf(db: DeskDatabase, work: () => Promise<unknown>) {
  const seen: ObservabilitySet[] = [];
  const listener = (parts: ObservabilitySet) => {
    seen.push(parts);
  };
  Dexie.on('storagemutated', listener);
  try {
    await work();
  } finally {
    Dexie.on('storagemutated').unsubscribe(listener);
  }
  const part = (table: string, index = '') => {
    const found = seen.map((s) => s[`idb://${db.name}/${table}/${index}`]).find(Boolean);
    if (!found || !('from' in found)) throw new Error(`no change reported for ${table}/${index}`);
    return found as IntervalTreeNode;
  };
  return { part, size: JSON.stringify(seen).length };
}

const createPersons = (db: DeskDatabase, ctx: Parameters<typeof write>[1], n: number) =>
  write(db, ctx, async (w) => {
    const made = [];
    for (let i = 0; i < n; i += 1) made.push(await w.create('person', uniquePerson(`张${i}`)));
    return made;
  });

describe('large transactions reported to live queries as whole tables', () => {
  it('reports a save key by key', async () => {
    const { db, ctx } = await openTestDesk();
    let made: { id: string }[] = [];
    const changes = await changesOf(db, async () => {
      made = await createPersons(db, ctx, 1);
    });
    const persons = changes.part('persons');
    expect([persons.from, persons.to]).toEqual([made[0]?.id, made[0]?.id]);
  });

  it(`reports a transaction of more than ${bulkWriteThreshold} writes as whole tables, in a few lines`, async () => {
    const { db, ctx } = await openTestDesk();
    // 600 persons: each a record and its queue entry, 1,200 writes.
    const changes = await changesOf(db, () => createPersons(db, ctx, 600));
    for (const [table, index] of [
      ['persons', ''],
      ['persons', 'searchTokens'],
      ['queue', ''],
    ] as const) {
      const whole = changes.part(table, index);
      expect(whole.from).toBe(-Infinity);
      expect(whole.l ?? null).toBeNull();
      expect(whole.r ?? null).toBeNull();
    }
    // Key by key it was every person's id and a dozen index keys each: 100 KB and more.
    expect(changes.size).toBeLessThan(20_000);
  });

  it('a live query still sees what the large transaction wrote', async () => {
    const { db, ctx } = await openTestDesk();
    const counts: number[] = [];
    const subscription = liveQuery(() => db.persons.count()).subscribe((n) => counts.push(n));
    try {
      await expect.poll(() => counts.at(-1)).toBe(0);
      await createPersons(db, ctx, 600);
      await expect.poll(() => counts.at(-1)).toBe(600);
    } finally {
      subscription.unsubscribe();
    }
  });
});
