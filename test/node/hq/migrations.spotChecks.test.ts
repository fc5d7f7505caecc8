import { describe, expect, it } from 'vitest';
import { openHqDatabase } from '../../../hq/src/db/database';
import { latestHqSchemaVersion } from '../../../hq/src/db/migrations';
import { hqDatabaseAt } from '../../support/hqSchemaAt';
import { emptyPlace, hqStorages } from '../../support/hqHarness';

/**
 * Schema 8 → 9: 抽查 draws and their cases. An HQ in service keeps its accounts and
 * audit log; the new tables start empty and keep one row per case a draw took.
 */
describe.each(hqStorages)('schema 9 over $kind: spot checks', (storage) => {
  it('v8 → v9: adds the spot-check tables, keeps the console accounts', async () => {
    const place = await emptyPlace(storage);
    const old = await hqDatabaseAt(place, '0008_county_console');
    await old
      .insertInto('console_users')
      .values({
        id: 'u1',
        username: 'wang',
        display_name: '王审核',
        role: 'reviewer',
        password_hash: '$argon2id$x',
        created_at: '2026-12-01T00:00:00.000Z',
        created_by: 'cli',
        updated_at: '2026-12-01T00:00:00.000Z',
      })
      .execute();
    await old.destroy();
    const hq = await openHqDatabase(place);
    try {
      expect(hq.schemaVersion).toBe(latestHqSchemaVersion);
      expect(hq.schemaVersion).toBeGreaterThanOrEqual(9);
      expect(await hq.db.selectFrom('console_users').select('username').execute()).toEqual([
        { username: 'wang' },
      ]);
      expect(await hq.db.selectFrom('spot_checks').selectAll().execute()).toEqual([]);
      await hq.db
        .insertInto('spot_checks')
        .values({ id: 'd1', drawn_at: 'now', drawn_by: 'wang', percent: 10, population: 3 })
        .execute();
      const row = { check_id: 'd1', case_id: 'c1', office_id: 'o1' };
      await hq.db.insertInto('spot_check_cases').values(row).execute();
      await expect(hq.db.insertInto('spot_check_cases').values(row).execute()).rejects.toThrow();
      expect(await hq.db.selectFrom('spot_check_cases').selectAll().execute()).toEqual([row]);
    } finally {
      await hq.close();
      await place.drop();
    }
  });
});
