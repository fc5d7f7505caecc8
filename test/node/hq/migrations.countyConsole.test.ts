import { describe, expect, it } from 'vitest';
import { openHqDatabase } from '../../../hq/src/db/database';
import { latestHqSchemaVersion } from '../../../hq/src/db/migrations';
import { listAudit, writeAudit } from '../../../hq/src/console/audit';
import { addUser, listUsers } from '../../../hq/src/console/users';
import { hqDatabaseAt } from '../../support/hqSchemaAt';
import { emptyPlace, hqStorages } from '../../support/hqHarness';

/**
 * Schema 7 → 8: the county console's accounts, sessions and audit log. An HQ in
 * service keeps its offices; the new tables start empty and take accounts whose
 * passwords are stored only as argon2id hashes, one account per username.
 */
describe.each(hqStorages)('schema 8 over $kind: county console accounts', (storage) => {
  it('v7 → v8: adds the console tables, keeps the offices, stores argon2id hashes', async () => {
    const place = await emptyPlace(storage);
    const old = await hqDatabaseAt(place, '0007_changes_by_record');
    await old
      .insertInto('offices')
      .values({ id: 'office-a', name: '西湖街道', created_at: '2026-12-01T00:00:00.000Z' })
      .execute();
    await old.destroy();
    const hq = await openHqDatabase(place);
    try {
      expect(hq.schemaVersion).toBe(latestHqSchemaVersion);
      expect(hq.schemaVersion).toBeGreaterThanOrEqual(8);
      const offices = await hq.db.selectFrom('offices').select('name').execute();
      expect(offices).toEqual([{ name: '西湖街道' }]);
      expect(await listUsers(hq.db)).toEqual([]);
      const now = new Date('2026-12-05T02:00:00.000Z');
      const input = { username: 'wang', displayName: '王审核', role: 'admin' };
      await addUser(hq.db, input, 'correct horse battery', 'cli', now);
      const row = await hq.db.selectFrom('console_users').selectAll().executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain('correct horse');
      expect(row).toMatchObject({ disabled: 0, failed_attempts: 0, locked_until: null });
      await expect(addUser(hq.db, input, 'another password', 'cli', now)).rejects.toMatchObject({
        code: 'duplicate',
      });
      await expect(
        addUser(hq.db, { ...input, username: 'li' }, 'short', 'cli', now),
      ).rejects.toMatchObject({ code: 'validation' });
      await writeAudit(
        hq.db,
        { userId: row.id, username: 'wang', action: 'login', target: 'wang', result: 'ok' },
        now,
      );
      expect((await listAudit(hq.db, 10)).map((a) => a.action)).toEqual(['login']);
    } finally {
      await hq.close();
      await place.drop();
    }
  });
});
