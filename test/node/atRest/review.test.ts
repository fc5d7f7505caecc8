import { describe, expect, it } from 'vitest';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { dropStaleWraps, unlockWithPassword } from '../../../renderer/src/db/atRest/passwordWraps';
import { authenticate, createUser } from '../../../renderer/src/db/repositories/users';
import { setUserDisabled } from '../../../renderer/src/db/repositories/accountChanges';
import { openTestDesk, personInput } from '../../fakes/deskFixtures';
import { write } from '../../../renderer/src/db/writePath';
import { openStoreForLogin } from '../../../renderer/src/db/atRest/loginStore';
import { newRecordId } from '@shared/records/ids';
import { rawDelete, rawPut, rawRows, withLockedStore } from './rawStore';

/**
 * A hostile review of encryption at rest (issue #16 item 1): what someone with the PC, a
 * copy of the profile, or the login screen can do without a password that still works.
 */
describe('at rest, attacked', () => {
  it('a wrap that opened the store for a login that then failed proves nothing to the next login', async () => {
    const { db, as } = await openTestDesk();
    const clerk = await createUser(db, as('admin'), {
      username: 'wang',
      displayName: '王登记',
      roles: ['registrar'],
      password: 'window-01',
    });
    // Disabled elsewhere, as a pull lays it: the wrap goes only at this desk's next login.
    await db.users.put({ ...clerk, disabled: true });
    db.close();
    await withLockedStore(db.name, async (locked) => {
      // wang's password opens the store, then wang is refused as disabled...
      expect(await unlockWithPassword(locked, 'wang', 'window-01')).toBe(true);
      expect(await authenticate(locked, 'wang', 'window-01')).toBeNull();
      // ...enabled again (another pull); the next person at the screen must still prove
      // wang's password.
      await locked.users.put({ ...clerk, disabled: false });
      expect(await authenticate(locked, 'wang', 'not-the-password')).toBeNull();
    });
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
    // The profile copied away, opened with no OS key.
    await withLockedStore(db.name, async (copy) => {
      expect(await unlockWithPassword(copy, 'wang', 'window-01')).toBe(false);
      expect(copy.atRest.keys).toBeNull();
    });
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
    await withLockedStore(db.name, async (copy) => {
      expect(await unlockWithPassword(copy, 'wang', 'window-01')).toBe(false);
    });
  });
});

describe('a browser store from before encryption, sealed at a login that is cut short', () => {
  it('opens again by the same password and finishes sealing under the same key', async () => {
    // An account and a person as an earlier desk stored them, before encryption.
    const { db, as, ctx } = await openTestDesk();
    const clerk = await createUser(db, as('admin'), {
      username: 'wang',
      displayName: '王登记',
      roles: ['registrar'],
      password: 'window-01',
    });
    const person = await write(db, ctx, (w) =>
      w.create('person', { ...personInput(), householdId: null }),
    );
    db.close();
    const name = `mig-cut-${newRecordId()}`;
    const v15 = new DeskDatabase(name, 15);
    await v15.open();
    const { idPrefixes: _none, ...plainPerson } = person as typeof person & { idPrefixes?: [] };
    await v15.table('persons').add(plainPerson);
    await v15.table('users').add(clerk);
    // A row the sealing stops at (the page closed there): persons are already sealed.
    await v15.table('revisions').add({ id: 'r1', kind: 'person', recordId: 'x', poison: 1n });
    v15.close();

    await withLockedStore(name, async (first) => {
      await expect(openStoreForLogin(first, 'wang', 'window-01')).rejects.toThrow();
    });
    await rawDelete(name, 'revisions', 'r1');

    await withLockedStore(name, async (reopened) => {
      expect((await openStoreForLogin(reopened, 'wang', 'window-01'))?.id).toBe(clerk.id);
      expect((await reopened.persons.get(person.id))?.idNumber).toBe(person.idNumber);
      const raw = await rawRows(name);
      expect(
        raw.users?.every((r) => (r as { _sealed?: unknown })._sealed instanceof Uint8Array),
      ).toBe(true);
    });
  });
});

describe('rows written into the profile without the key', () => {
  it('a plain row put beside sealed ones is refused, not read as the desk’s own', async () => {
    const { db } = await openTestDesk();
    const name = db.name;
    db.close();
    // Someone who can write the profile but has no key adds an administrator in the clear.
    await rawPut(name, 'users', {
      id: 'user-evil',
      username: 'evil',
      displayName: '外人',
      roles: ['admin'],
      disabled: false,
      deleted: false,
      passwordHash: 'x',
      passwordSalt: 'x',
      passwordIterations: 600000,
    });
    const reopened = new DeskDatabase(name); // the OS key store opens it, as in Electron
    await expect(reopened.users.get('user-evil')).rejects.toThrow(/not sealed/);
    await expect(reopened.users.where('username').equals('evil').first()).rejects.toThrow(
      /not sealed/,
    );
    reopened.close();
    // And as a browser, before anyone logs in.
    await withLockedStore(name, async (locked) => {
      await expect(locked.users.get('user-evil')).rejects.toThrow(/not sealed/);
    });
  });
});

describe('accounts whose names differ only in case', () => {
  it('each keeps its own wrap: the second account made does not lock the first out', async () => {
    const { db, as } = await openTestDesk();
    for (const [username, password] of [
      ['Wang', 'window-01'],
      ['wang', 'window-02'],
    ] as const) {
      await createUser(db, as('admin'), {
        username,
        displayName: username,
        roles: ['registrar'],
        password,
      });
    }
    db.close();
    await withLockedStore(db.name, async (first) => {
      expect((await openStoreForLogin(first, 'Wang', 'window-01'))?.username).toBe('Wang');
    });
    await withLockedStore(db.name, async (second) => {
      expect((await openStoreForLogin(second, 'wang', 'window-02'))?.username).toBe('wang');
    });
  });
});
