import { describe, expect, it } from 'vitest';
import { maxPullLimit } from '@shared/sync/protocol';
import { recordTable } from '../../../renderer/src/db/database';
import { DexieSyncStore } from '../../../renderer/src/sync/dexieSyncStore';
import {
  countsByKind,
  generateOffice,
  localStays,
  RecordStamper,
  serverChanges,
} from '../../bench/generator';
import { openTestDesk, testOfficeId } from '../../fakes/deskFixtures';

/**
 * A whole generated office pulled in pages of the engine's size: every kind lands, the
 * stays are replayed from the movements, and a page of thousands of corrected records
 * (service records keep revisions, so their stored versions are read ahead) commits as
 * one transaction — it once lost Dexie's transaction zone and committed early.
 */
describe('applying large pulled pages', () => {
  it('stores every record of an office pulled in full pages, stays replayed', async () => {
    const stamper = new RecordStamper(
      testOfficeId,
      'hq-device',
      { userId: 'user-registrar', name: '王登记', role: 'registrar' },
      Date.now(),
    );
    const records = generateOffice(
      3,
      {
        persons: 300,
        cases: 20,
        institutions: 1,
        bedsPerInstitution: 20,
        volunteers: 10,
        serviceRecords: maxPullLimit + 500,
      },
      stamper,
    );
    const changes = serverChanges(records);
    const { db } = await openTestDesk();
    const store = new DexieSyncStore(db);

    for (let i = 0; i < changes.length; i += maxPullLimit) {
      const page = changes.slice(i, i + maxPullLimit);
      await store.applyPulled(page, { office: i + page.length, reference: 0 });
    }

    for (const [kind, count] of Object.entries(countsByKind(records))) {
      if (kind === 'elderlyStay') continue; // derived on the desk, compared below
      expect(await recordTable(db, kind as never).count(), kind).toBe(count);
    }
    const expectedStays = localStays(records, stamper).length;
    expect(expectedStays).toBeGreaterThan(0);
    expect(await db.table('elderlyStays').count()).toBe(expectedStays);
    expect(await db.syncConflicts.count()).toBe(0);
    expect((await store.cursor()).office).toBe(changes.length);
  }, 60_000);
});
