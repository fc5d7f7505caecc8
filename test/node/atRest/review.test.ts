import { describe, expect, it } from 'vitest';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { setDataKeySource } from '../../../renderer/src/db/atRest/keySource';
import { dropStaleWraps, unlockWithPassword } from '../../../renderer/src/db/atRest/passwordWraps';
import { authenticate, createUser } from '../../../renderer/src/db/repositories/users';
import { setUserDisabled } from '../../../renderer/src/db/repositories/accountChanges';
import { openTestDesk } from '../../fakes/deskFixtures';
import { restoreTestKeySource } from '../setup';

/**
 * A hostile review of encryption at rest (issue #16 item 1): what someone with the PC, a
 * copy of the profile, or the login screen can do without a password that still works.
 */
describe('at rest, attacked', () => {
  it('a wrap that opened the store for a login that then failed proves nothing to the next login', async () => {
    const { db, as } = await openTestDesk();
    await createUser(db, as('admin'), {
      username: 'wang',
      displayName: '王登记',
      roles: ['registrar'],
      password: 'window-01',
    });
    db.close();
    setDataKeySource(() => null); // a browser
    try {
      const locked = new DeskDatabase(db.name);
      // Wrap names are case-folded, accounts are not: 'WANG' opens the store, then is
      // refused as an account ('WANG' is not 'wang')...
      expect(await unlockWithPassword(locked, 'WANG', 'window-01')).toBe(true);
      expect(await authenticate(locked, 'WANG', 'window-01')).toBeNull();
      // ...and the next person at the screen must still prove wang's password.
      expect(await authenticate(locked, 'wang', 'not-the-password')).toBeNull();
      locked.close();
    } finally {
      restoreTestKeySource();
    }
  });

  it("a disabled account's password no longer opens the store's files", async () => {
    const { db, as } = await openTestDesk();
    const clerk = await createUser(db, as('admin'), {
      username: 'wang',
      displayName: '王登记',
      roles: ['registrar'],
      password: 'window-01',
    });
    await setUserDisabled(db, as('admin'), clerk.id, true);
    db.close();
    setDataKeySource(() => null); // the profile copied away, opened with no OS key
    try {
      const copy = new DeskDatabase(db.name);
      expect(await unlockWithPassword(copy, 'wang', 'window-01')).toBe(false);
      expect(copy.atRest.keys).toBeNull();
      copy.close();
    } finally {
      restoreTestKeySource();
    }
  });

  it('a password changed on another desk (synced here) no longer opens the store by its old value', async () => {
    const { db, as } = await openTestDesk();
    const clerk = await createUser(db, as('admin'), {
      username: 'wang',
      displayName: '王登记',
      roles: ['registrar'],
      password: 'window-01',
    });
    // As a pull lays HQ's version of the account: a new hash made elsewhere.
    await db.users.put({ ...clerk, passwordHash: 'bmV3LWhhc2g=', version: clerk.version + 1 });
    await dropStaleWraps(db); // what the next login on this desk does
    db.close();
    setDataKeySource(() => null);
    try {
      const copy = new DeskDatabase(db.name);
      expect(await unlockWithPassword(copy, 'wang', 'window-01')).toBe(false);
      copy.close();
    } finally {
      restoreTestKeySource();
    }
  });
});
