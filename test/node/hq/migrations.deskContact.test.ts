import { describe, expect, it } from 'vitest';
import { openHqDatabase } from '../../../hq/src/db/database';
import { latestHqSchemaVersion } from '../../../hq/src/db/migrations';
import { recordDeskContact } from '../../../hq/src/store/deskContact';
import { hqWithOneDeskAt } from '../../support/hqSchemaAt';
import { emptyPlace, hqStorages } from '../../support/hqHarness';

/**
 * Schema → 0011: when HQ last heard from each desk and what the desk reported. An HQ in
 * service keeps its desks; the new columns start empty and fill at the next contact.
 */
describe.each(hqStorages)('schema 0011 over $kind: desk contact', (storage) => {
  it('adds the contact columns, keeps the desks, records a contact and a report', async () => {
    const place = await emptyPlace(storage);
    await hqWithOneDeskAt(place, '0009_spot_checks');
    const hq = await openHqDatabase(place);
    try {
      expect(hq.schemaVersion).toBe(latestHqSchemaVersion);
      const read = () =>
        hq.db
          .selectFrom('devices')
          .select([
            'name',
            'last_seq',
            'last_contact_at',
            'last_contact_via',
            'reported_queued',
            'reported_conflicts',
          ])
          .executeTakeFirstOrThrow();
      expect(await read()).toMatchObject({
        name: '一号机',
        last_contact_at: null,
        last_contact_via: null,
        reported_queued: null,
      });
      const at = new Date('2026-12-05T03:00:00.000Z');
      await recordDeskContact(hq.db, 'desk-0001', 'pull', at, { queued: 7, conflicts: 2 });
      expect(await read()).toMatchObject({
        last_contact_at: at.toISOString(),
        last_contact_via: 'pull',
        reported_queued: 7,
        reported_conflicts: 2,
      });
      // A page of the same round, seconds later and without a report: nothing written.
      await recordDeskContact(hq.db, 'desk-0001', 'pull', new Date(at.getTime() + 5_000));
      expect((await read()).last_contact_at).toBe(at.toISOString());
      // A push keeps the report and moves the contact.
      const later = new Date(at.getTime() + 10_000);
      await recordDeskContact(hq.db, 'desk-0001', 'push', later);
      expect(await read()).toMatchObject({
        last_contact_at: later.toISOString(),
        last_contact_via: 'push',
        reported_queued: 7,
      });
    } finally {
      await hq.close();
      await place.drop();
    }
  });
});
