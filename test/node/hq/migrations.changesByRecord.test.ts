import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openHqDatabase } from '../../../hq/src/db/database';
import { recordHistory } from '../../../hq/src/store/recordStore';
import { hqDatabaseAt } from '../../support/hqSchemaAt';
import { emptyPlace, hqStorages, type HqPlace } from '../../support/hqHarness';

/**
 * Schema 6 → 7: the change log gets an index by stream, kind and record, so reading one
 * record's past states (a person's earlier names, an account as it stood) no longer
 * scans the office's whole log. The rows stay as they were, and are found by it.
 */

async function schema6WithChanges(place: HqPlace) {
  const db = await hqDatabaseAt(place, '0006_authority_since');
  const at = '2026-12-01T00:00:00.000Z';
  await db
    .insertInto('changes')
    .values(
      ['张三丰', '张三风'].map((name, i) => ({
        stream: 'office:office-a',
        seq: i + 1,
        kind: 'person',
        record_id: 'p1',
        snapshot: JSON.stringify({ id: 'p1', name }),
        op_id: null,
        reason: null,
        created_at: at,
      })),
    )
    .execute();
  await db.destroy();
}

describe.each(hqStorages)('schema 7 over $kind: the change log by record', (storage) => {
  it('v6 → v7: adds the index, and a record’s past states read the same', async () => {
    const place = await emptyPlace(storage);
    await schema6WithChanges(place);
    const hq = await openHqDatabase(place);
    try {
      const indexes = place.databaseUrl
        ? (
            await sql<{
              name: string;
            }>`select indexname as name from pg_indexes where tablename = 'changes'`.execute(hq.db)
          ).rows
        : (
            await sql<{
              name: string;
            }>`select name from sqlite_master where type = 'index' and tbl_name = 'changes'`.execute(
              hq.db,
            )
          ).rows;
      expect(indexes.map((i) => i.name)).toContain('changes_by_record');
      const states = await recordHistory(hq.db, 'office:office-a', 'person', 'p1');
      expect(states.map((s) => s.name)).toEqual(['张三丰', '张三风']);
    } finally {
      await hq.close();
    }
  });
});
