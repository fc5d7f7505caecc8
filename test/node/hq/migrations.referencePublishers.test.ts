import { describe, expect, it } from 'vitest';
import { openHqDatabase } from '../../../hq/src/db/database';
import { latestHqSchemaVersion } from '../../../hq/src/db/migrations';
import { hqDatabaseAt } from '../../support/hqSchemaAt';
import { emptyPlace, hqStorages } from '../../support/hqHarness';

/**
 * Schema 9 → 10: who published each reference change. An HQ in service keeps its
 * change log; the new table starts empty (older changes name their snapshot's author)
 * and keeps one publisher per place in the reference stream.
 */
describe.each(hqStorages)('schema 10 over $kind: reference publishers', (storage) => {
  it('v9 → v10: adds reference_publishers, keeps the change log', async () => {
    const place = await emptyPlace(storage);
    const old = await hqDatabaseAt(place, '0009_spot_checks');
    await old
      .insertInto('changes')
      .values({
        stream: 'reference',
        seq: 1,
        kind: 'calendarYear',
        record_id: 'calendar-2026',
        snapshot: '{"id":"calendar-2026","updatedBy":"county"}',
        op_id: null,
        reason: null,
        created_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    await old.destroy();
    const hq = await openHqDatabase(place);
    try {
      expect(hq.schemaVersion).toBe(latestHqSchemaVersion);
      expect(hq.schemaVersion).toBeGreaterThanOrEqual(10);
      expect(await hq.db.selectFrom('changes').select('record_id').execute()).toEqual([
        { record_id: 'calendar-2026' },
      ]);
      expect(await hq.db.selectFrom('reference_publishers').selectAll().execute()).toEqual([]);
      const row = {
        seq: 2,
        kind: 'calendarYear',
        record_id: 'calendar-2026',
        published_by: '王（wang）',
        published_at: '2026-12-05T04:00:00.000Z',
      };
      await hq.db.insertInto('reference_publishers').values(row).execute();
      await expect(
        hq.db.insertInto('reference_publishers').values(row).execute(),
      ).rejects.toThrow();
      expect(await hq.db.selectFrom('reference_publishers').selectAll().execute()).toEqual([row]);
    } finally {
      await hq.close();
      await place.drop();
    }
  });
});
