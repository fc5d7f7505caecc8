import { describe, expect, it } from 'vitest';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { setDataKeySource } from '../../../renderer/src/db/atRest/keySource';
import { unlockWithPassword } from '../../../renderer/src/db/atRest/passwordWraps';
import { authenticate, createUser } from '../../../renderer/src/db/repositories/users';
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
});
