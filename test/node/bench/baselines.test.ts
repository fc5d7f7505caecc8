import { describe, expect, it } from 'vitest';
import { jsonArrayDocument } from '@shared/package/payloadChunks';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import { searchPersons } from '../../../renderer/src/db/repositories/persons';
import { openTestDesk, threeMemberHousehold } from '../../fakes/deskFixtures';
import { bareExport } from '../../bench/page/bareExport';
import { rawSearch } from '../../bench/page/searchMeasure';

/**
 * The ratio baselines (issue #17 item 5, docs/performance.md "Every target a ratio")
 * read the same things as the code they judge, on the same store: otherwise a ratio
 * would compare different work. On fake-indexeddb, as the unit tests run the store.
 */
describe('bench baselines', () => {
  it('the raw search finds as many entries as searchPersons for each kind of query', async () => {
    const { db, ctx } = await openTestDesk();
    const { members } = await registerHousehold(db, ctx, threeMemberHousehold('urban'));
    const head = members[0]?.person;
    if (!head) throw new Error('no head');
    const queries = [
      '张三',
      '李',
      'zsf',
      'zhang',
      head.idNumber.slice(0, 12),
      head.idNumber.slice(-4),
      head.idNumber.slice(-6),
    ];
    for (const q of queries) {
      const ours = await searchPersons(db, q);
      expect(ours.length, q).toBeGreaterThan(0);
      const keys = db.atRest.keys;
      if (!keys) throw new Error('locked');
      expect(await rawSearch(db.backendDB(), q, keys), q).toBe(ours.length);
    }
  });

  it('the bare export stringifies and gzips the same document the export streams', async () => {
    const { db, ctx } = await openTestDesk();
    await registerHousehold(db, ctx, threeMemberHousehold('urban'));
    const queued = await db.queue.orderBy('seq').toArray();
    expect(queued.length).toBeGreaterThan(3);
    let streamed = 0;
    for await (const chunk of jsonArrayDocument(
      'ops',
      (async function* () {
        yield queued.slice(0, 2);
        yield queued.slice(2);
      })(),
    ))
      streamed += chunk.length;
    if (!db.atRest.keys) throw new Error('locked');
    const bare = await bareExport(db.backendDB(), db.atRest.keys);
    expect(bare.ops).toBe(queued.length);
    expect(bare.jsonBytes).toBe(streamed);
    expect(bare.gzipBytes).toBeGreaterThan(0);
  });
});
