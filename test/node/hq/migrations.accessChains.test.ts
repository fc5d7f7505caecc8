import { describe, expect, it } from 'vitest';
import { openHqDatabase } from '../../../hq/src/db/database';
import { latestHqSchemaVersion } from '../../../hq/src/db/migrations';
import {
  chainBreaksOf,
  heldChain,
  presentChainKey,
  reportedChainHead,
  saveChainHead,
} from '../../../hq/src/store/accessChains';
import { hqWithOneDeskAt } from '../../support/hqSchemaAt';
import { emptyPlace, hqStorages } from '../../support/hqHarness';

/**
 * Schema → 0012: each desk's access chain (key and head) and the breaks found in it. An
 * HQ in service keeps its desks; their chains begin at their next push.
 */
describe.each(hqStorages)('schema 0012 over $kind: access chains', (storage) => {
  it('adds the chain columns and the breaks table, keeps the desks', async () => {
    const place = await emptyPlace(storage);
    await hqWithOneDeskAt(place, '0011_desk_contact');
    const hq = await openHqDatabase(place);
    try {
      expect(hq.schemaVersion).toBe(latestHqSchemaVersion);
      const desk = { id: 'desk-0001', officeId: 'o1' };
      expect(await heldChain(hq.db, desk.id)).toEqual({ key: null, head: null });
      const at = new Date('2026-12-05T03:00:00.000Z');
      await presentChainKey(hq.db, desk, 'a'.repeat(64), at);
      await saveChainHead(hq.db, desk.id, { seq: 3, seal: 'b'.repeat(64) });
      expect(await heldChain(hq.db, desk.id)).toEqual({
        key: 'a'.repeat(64),
        head: { seq: 3, seal: 'b'.repeat(64) },
      });
      // Another key is not taken, and said once; a head behind HQ's is a cut chain.
      await presentChainKey(hq.db, desk, 'c'.repeat(64), at);
      await presentChainKey(hq.db, desk, 'c'.repeat(64), at);
      await reportedChainHead(hq.db, desk, 1, at);
      await reportedChainHead(hq.db, desk, 3, at);
      expect((await heldChain(hq.db, desk.id)).key).toBe('a'.repeat(64));
      expect((await chainBreaksOf(hq.db, 'o1')).map((b) => [b.kind, b.seq])).toEqual([
        ['key_changed', 3],
        ['truncated', 1],
      ]);
    } finally {
      await hq.close();
      await place.drop();
    }
  });
});
