import { describe, expect, it } from 'vitest';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { setDataKeySource } from '../../../renderer/src/db/atRest/keySource';
import { dropStaleWraps, unlockWithPassword } from '../../../renderer/src/db/atRest/passwordWraps';
import { authenticate, createUser } from '../../../renderer/src/db/repositories/users';
import { setUserDisabled } from '../../../renderer/src/db/repositories/accountChanges';
import { openTestDesk, personInput } from '../../fakes/deskFixtures';
import { write } from '../../../renderer/src/db/writePath';
import { openStoreForLogin } from '../../../renderer/src/db/atRest/loginStore';
import { newRecordId } from '@shared/records/ids';
import { rawRows } from './rawStore';
import { restoreTestKeySource } from '../setup';

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
    setDataKeySource(() => null); // a browser
    try {
      const locked = new DeskDatabase(db.name);
      // wang's password opens the store, then wang is refused as disabled...
      expect(await unlockWithPassword(locked, 'wang', 'window-01')).toBe(true);
      expect(await authenticate(locked, 'wang', 'window-01')).toBeNull();
      // ...enabled again (another pull); the next person at the screen must still prove
      // wang's password.
      await locked.users.put({ ...clerk, disabled: false });
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

    setDataKeySource(() => null); // a browser
    try {
      const first = new DeskDatabase(name);
      await expect(openStoreForLogin(first, 'wang', 'window-01')).rejects.toThrow();
      first.close();
      await deleteRawRow(name, 'revisions', 'r1');

      const reopened = new DeskDatabase(name);
      expect((await openStoreForLogin(reopened, 'wang', 'window-01'))?.id).toBe(clerk.id);
      expect((await reopened.persons.get(person.id))?.idNumber).toBe(person.idNumber);
      const raw = await rawRows(name);
      expect(
        raw.users?.every((r) => (r as { _sealed?: unknown })._sealed instanceof Uint8Array),
      ).toBe(true);
      reopened.close();
    } finally {
      restoreTestKeySource();
    }
  });
});

async function deleteRawRow(name: string, store: string, key: string): Promise<void> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('open failed'));
  });
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(store, 'readwrite');
    tx.objectStore(store).delete(key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('delete failed'));
  });
  idb.close();
}

describe('rows written into the profile without the key', () => {
  it('a plain row put beside sealed ones is refused, not read as the desk’s own', async () => {
    const { db } = await openTestDesk();
    const name = db.name;
    db.close();
    // Someone who can write the profile but has no key adds an administrator in the clear.
    await putRawRow(name, 'users', {
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
    setDataKeySource(() => null); // and as a browser, before anyone logs in
    try {
      const locked = new DeskDatabase(name);
      await expect(locked.users.get('user-evil')).rejects.toThrow(/not sealed/);
      locked.close();
    } finally {
      restoreTestKeySource();
    }
  });
});

async function putRawRow(name: string, store: string, row: object): Promise<void> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('open failed'));
  });
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(store, 'readwrite');
    tx.objectStore(store).put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('put failed'));
  });
  idb.close();
}

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
    setDataKeySource(() => null);
    try {
      const first = new DeskDatabase(db.name);
      expect((await openStoreForLogin(first, 'Wang', 'window-01'))?.username).toBe('Wang');
      first.close();
      const second = new DeskDatabase(db.name);
      expect((await openStoreForLogin(second, 'wang', 'window-02'))?.username).toBe('wang');
      second.close();
    } finally {
      restoreTestKeySource();
    }
  });
});
