import { beforeEach, describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import { finishLogin, openStoreForLogin } from '../../../renderer/src/db/atRest/loginStore';
import { resetPassword } from '../../../renderer/src/db/repositories/accountChanges';
import { createUser } from '../../../renderer/src/db/repositories/users';
import { queuedCount } from '../../../renderer/src/db/repositories/queue';
import { sessionInNode } from '../../support/sessionInNode';
import { openTestDesk } from '../../fakes/deskFixtures';
import { rawDelete, withLockedStore } from './rawStore';
import { ensureDeviceId, loadSettings } from '../../../renderer/src/db/repositories/settingsReads';

/**
 * Issue #16 item 1, from the at-rest review: in the web build a store is locked until a
 * login opens it with the password wrap. A login refused after the wrap opened the key,
 * and a logout, must leave the store as locked as the login found it; a store the OS
 * key store opened (Electron) stays open.
 */
// The session keeps its login throttle in localStorage (none in Node).
const { session, storage: items } = sessionInNode();
beforeEach(() => items.clear());

/** A desk with wang's account (and its password wrap); closed, to be reopened. */
async function deskWithClerk() {
  const { db, as } = await openTestDesk();
  const clerk = await createUser(db, as('admin'), {
    username: 'wang',
    displayName: '王登记',
    roles: ['registrar'],
    password: 'window-01',
  });
  return { db, as, clerk };
}

/** The session's login and logout, on this store (as the app's, with no office yet). */
function sessionOn(db: DeskDatabase) {
  session().useSession.setState({ db, settings: null, user: null, phase: 'login' });
  return session().useSession.getState();
}

describe('a locked store before a login', () => {
  it('counts its queue without the key (the quit guard knows it at the login screen)', async () => {
    const { db } = await deskWithClerk();
    const queued = await queuedCount(db);
    expect(queued).toBeGreaterThan(0);
    db.close();
    await withLockedStore(db.name, async (locked) => {
      expect(await queuedCount(locked)).toBe(queued);
      // Counted, not opened: the rows themselves stay shut.
      await expect(locked.queue.toArray()).rejects.toThrow(/locked/);
    });
  });
});

describe('a refused login leaves the store locked', () => {
  it('a disabled account: its wrap opens the key, the login is refused, the key is forgotten', async () => {
    const { db, clerk } = await deskWithClerk();
    // Disabled elsewhere, as a pull lays it: its wrap goes only at this desk's next login.
    await db.users.put({ ...clerk, disabled: true });
    db.close();
    await withLockedStore(db.name, async (locked) => {
      expect(await openStoreForLogin(locked, 'wang', 'window-01')).toBeNull();
      expect(locked.atRest.keys).toBeNull();
      expect(locked.atRest.dataKey).toBeNull();
      await expect(locked.users.toArray()).rejects.toThrow(/locked/);
      expect(await sessionOn(locked).login('wang', 'window-01')).toBe(false);
      expect(locked.atRest.keys).toBeNull();
    });
  });

  it('the wrap opens but the password hash does not match (changed on another desk): locked again', async () => {
    const { db, clerk } = await deskWithClerk();
    await db.users.put({ ...clerk, passwordHash: 'bmV3LWhhc2g=', version: clerk.version + 1 });
    db.close();
    await withLockedStore(db.name, async (locked) => {
      expect(await sessionOn(locked).login('wang', 'window-01')).toBe(false);
      expect(locked.atRest.keys).toBeNull();
      expect(locked.atRest.provenByWrap).toBeUndefined();
    });
  });

  it('throttled: the right password opens nothing while attempts are blocked', async () => {
    const { db } = await deskWithClerk();
    db.close();
    items.set(
      'desk.loginThrottle',
      JSON.stringify({ failures: 0, blockedUntil: Date.now() + 20_000 }),
    );
    await withLockedStore(db.name, async (locked) => {
      expect(await sessionOn(locked).login('wang', 'window-01')).toBe(false);
      expect(locked.atRest.keys).toBeNull();
    });
  });

  it('a step after the store opened fails: the login throws and the store is locked again', async () => {
    const { db } = await deskWithClerk();
    db.close();
    await withLockedStore(db.name, async (locked) => {
      expect(await openStoreForLogin(locked, 'wang', 'window-01')).not.toBeNull();
      expect(locked.atRest.keys).not.toBeNull();
      await expect(
        finishLogin(locked, true, () => Promise.reject(new Error('disk full'))),
      ).rejects.toThrow('disk full');
      expect(locked.atRest.keys).toBeNull();
    });
  });

  it('a store the OS key store opened stays open through a refused login', async () => {
    const { db } = await deskWithClerk();
    expect(db.atRest.openedBy).toBe('source');
    expect(await sessionOn(db).login('wang', 'not-the-password')).toBe(false);
    expect(db.atRest.keys).not.toBeNull();
    db.close();
  });
});

describe('logging out locks the web build’s store again', () => {
  it('a forced password change abandoned: the logout forgets the key the login opened', async () => {
    const { db, as, clerk } = await deskWithClerk();
    await resetPassword(db, as('admin'), clerk.id, 'temporary-01');
    db.close();
    await withLockedStore(db.name, async (locked) => {
      const { login, logout } = sessionOn(locked);
      expect(await login('wang', 'temporary-01')).toBe(true);
      expect(session().useSession.getState().phase).toBe('changePassword');
      expect(locked.atRest.keys).not.toBeNull();
      logout(); // 退出登录 on the forced change screen
      expect(session().useSession.getState().phase).toBe('login');
      expect(locked.atRest.keys).toBeNull();
      await expect(locked.users.toArray()).rejects.toThrow(/locked/);
      // The next login opens it again by its password.
      expect(await session().useSession.getState().login('wang', 'temporary-01')).toBe(true);
      expect(locked.atRest.keys).not.toBeNull();
    });
  });

  it('an ordinary logout locks a store opened by a password; one opened by the OS key store stays open', async () => {
    const { db } = await deskWithClerk();
    expect(await sessionOn(db).login('wang', 'window-01')).toBe(true);
    session().useSession.getState().logout();
    expect(db.atRest.keys).not.toBeNull(); // Electron: it syncs with nobody logged in
    db.close();
    await withLockedStore(db.name, async (locked) => {
      expect(await sessionOn(locked).login('wang', 'window-01')).toBe(true);
      expect(session().useSession.getState().phase).toBe('ready');
      session().useSession.getState().logout();
      expect(locked.atRest.keys).toBeNull();
    });
  });

  it('a login writes what the store’s open found done to it outside the desk on the access record, as the one logging in', async () => {
    const { db, clerk } = await deskWithClerk();
    const deviceId = await ensureDeviceId(db);
    db.close();
    // Removed from the profile while the desk was shut.
    await rawDelete(db.name, 'meta', 'atRest');
    await withLockedStore(db.name, async (locked) => {
      const settings = await loadSettings(locked);
      session().useSession.setState({ db: locked, settings, deviceId, user: null, phase: 'login' });
      expect(await session().useSession.getState().login('wang', 'window-01')).toBe(true);
      const entries = (await locked.accessLog.toArray()).filter(
        (e) => e.action === 'store_altered',
      );
      expect(entries).toMatchObject([
        { subjectKind: 'desk', subjectId: deviceId, createdBy: clerk.id },
      ]);
      expect(entries[0]?.purpose).toContain('删除');
      const queued = (await locked.queue.toArray()).filter((e) => e.kind === 'accessLog');
      expect(queued.map((e) => e.recordId)).toContain(entries[0]?.id);
    });
  });
});
