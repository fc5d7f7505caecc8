/**
 * Runs the write path on Chromium's real IndexedDB. The e2e test calls these checks
 * through page.evaluate and asserts on what they return; the same checks run on
 * fake-indexeddb in test/node/db.
 */
import { DeskDatabase } from '../../../renderer/src/db/database';
import { write } from '../../../renderer/src/db/writePath';
import { openTestDesk, personInput, queuedAfterSetup, residentId } from '../../fakes/deskFixtures';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { setDataKeySource } from '../../../renderer/src/db/atRest/keySource';

// Sealed at rest as the app's stores are; the key must outlive a reload of this page, so
// it is derived from the database's name (a test key, never an app's).
setDataKeySource(({ databaseName }) => sha256(utf8ToBytes(`store harness ${databaseName}`)));

const dbName = 'store-harness-persisted';

/** Persons and queue entries beyond the setup's own office-settings entry. */
async function counts(db: DeskDatabase) {
  return { persons: await db.persons.count(), queue: (await queuedAfterSetup(db)).length };
}

const storeChecks = {
  /** Writes one person into a named database that outlives a page reload. */
  async writeForReload() {
    const { db: scratch, ctx } = await openTestDesk();
    scratch.close();
    const db = new DeskDatabase(dbName);
    const person = await write(db, ctx, (w) =>
      w.create('person', { ...personInput(), householdId: null }),
    );
    db.close();
    return person.id;
  },
  async readAfterReload() {
    const db = new DeskDatabase(dbName);
    const result = {
      ...(await counts(db)),
      firstKind: (await db.queue.toCollection().first())?.kind,
    };
    db.close();
    return result;
  },
  async validationFailureWritesNothing() {
    const { db, ctx } = await openTestDesk();
    const badId = residentId('330102', '1960-05-04', '013').slice(0, 17) + '0';
    const error = await write(db, ctx, (w) =>
      w.create('person', { ...personInput({ idNumber: badId }), householdId: null }),
    ).catch((e: unknown) => e);
    return { code: (error as { code?: string }).code, ...(await counts(db)) };
  },
  async midTransactionFailureRollsBack() {
    const { db, ctx } = await openTestDesk();
    await write(db, ctx, (w) => w.create('person', { ...personInput(), householdId: null }));
    await db.meta.put({ key: 'deviceSeq', value: 1 }); // the next queue add collides
    const error = await write(db, ctx, (w) =>
      w.create('person', {
        ...personInput({ name: '李四', idNumber: residentId('330102', '1970-01-01', '022') }),
        householdId: null,
      }),
    ).catch((e: unknown) => e);
    return { failed: error instanceof Error, ...(await counts(db)) };
  },
};

declare global {
  interface Window {
    storeChecks: typeof storeChecks;
  }
}

window.storeChecks = storeChecks;
document.body.dataset.ready = 'true';
