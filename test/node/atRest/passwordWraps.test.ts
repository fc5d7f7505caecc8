import { describe, expect, it } from 'vitest';
import {
  hasCurrentWrap,
  unlockWithPassword,
  wrapForPassword,
} from '../../../renderer/src/db/atRest/passwordWraps';
import { openTestDesk, personInput } from '../../fakes/deskFixtures';
import { write } from '../../../renderer/src/db/writePath';
import { withLockedStore } from './rawStore';
import { newDataKey } from '@shared/atRest/cipher';
import {
  forgetUnclaimedKey,
  installDataKey,
  isStoreSealed,
} from '../../../renderer/src/db/atRest/storeKeys';
import { authenticate, createUser } from '../../../renderer/src/db/repositories/users';

/** Issue #16 item 1: how a store with no OS key store (the web build) opens at login. */
describe('the data key wrapped by each account password', () => {
  it('opens the locked store with the right password only; an unknown name opens nothing', async () => {
    const { db, ctx } = await openTestDesk();
    const person = await write(db, ctx, (w) =>
      w.create('person', { ...personInput(), householdId: null }),
    );
    await wrapForPassword(db, 'Registrar', 'correct horse battery');
    expect(await hasCurrentWrap(db, ' Registrar ')).toBe(true);
    expect(await hasCurrentWrap(db, 'registrar')).toBe(false); // another account's name
    db.close();

    // A browser: no OS key store.
    await withLockedStore(db.name, async (locked) => {
      await locked.open();
      expect(locked.atRest.keys).toBeNull();
      await expect(locked.persons.get(person.id)).rejects.toThrow(/locked/);
      expect(await unlockWithPassword(locked, 'registrar', 'wrong horse battery')).toBe(false);
      expect(await unlockWithPassword(locked, 'nobody', 'correct horse battery')).toBe(false);
      expect(locked.atRest.keys).toBeNull();
      expect(await unlockWithPassword(locked, 'REGISTRAR', 'correct horse battery')).toBe(false);
      expect(await unlockWithPassword(locked, ' Registrar ', 'correct horse battery')).toBe(true);
      expect((await locked.persons.get(person.id))?.idNumber).toBe(person.idNumber);
    });
  });

  it('an account created by the administrator opens the store; its login hashes once, another account proves nothing', async () => {
    const { db, as } = await openTestDesk();
    const clerk = await createUser(db, as('admin'), {
      username: 'wang',
      displayName: '王登记',
      roles: ['registrar'],
      password: 'window-01',
    });
    await createUser(db, as('admin'), {
      username: 'li',
      displayName: '李登记',
      roles: ['registrar'],
      password: 'window-02',
    });
    db.close();
    await withLockedStore(db.name, async (locked) => {
      expect(await unlockWithPassword(locked, 'wang', 'window-01')).toBe(true);
      expect(locked.atRest.provenByWrap?.username).toBe('wang');
      // The proof is wang's: li's login still hashes li's password, and a wrong one fails.
      expect(await authenticate(locked, 'li', 'window-01')).toBeNull();
      expect(locked.atRest.provenByWrap).toBeUndefined();
      expect((await authenticate(locked, 'li', 'window-02'))?.username).toBe('li');
      expect(await unlockWithPassword(locked, 'wang', 'window-01')).toBe(true); // already open
      expect((await authenticate(locked, 'wang', 'window-01'))?.id).toBe(clerk.id);
    });
  });

  it('a browser desk whose first run never finished starts over with a new key; an account-less store loses only its draft', async () => {
    const name = `unclaimed-${Date.now()}`;
    await withLockedStore(name, async (first) => {
      await installDataKey(first, first.atRest, newDataKey());
      await first.drafts.put({ key: 'firstRun', value: { officeName: '城关镇' }, updatedAt: '' });
      // A sealed meta row under the lost key goes too: it would not open under the new one.
      await first.meta.put({ key: 'accessChainKey', value: 'c'.repeat(64) });
    });
    await withLockedStore(name, async (again) => {
      expect(await isStoreSealed(again)).toBe(true);
      expect(again.atRest.keys).toBeNull();
      expect(await forgetUnclaimedKey(again)).toBe(true);
      expect(await isStoreSealed(again)).toBe(false);
      expect(await again.drafts.count()).toBe(0);
      expect(await installDataKey(again, again.atRest, newDataKey())).toBe(true);
      await again.drafts.put({ key: 'firstRun', value: {}, updatedAt: '' });
      expect(await again.meta.get('accessChainKey')).toBeUndefined();
    });
  });

  it('a first run another tab finished is not taken for an abandoned one', async () => {
    // A desk whose first run is done (its administrator sealed), opened by a tab that read
    // "no account" a moment before the other tab's first run committed.
    const { db, as } = await openTestDesk();
    await createUser(db, as('admin'), {
      username: 'zhao',
      displayName: '赵管理',
      roles: ['admin'],
      password: 'first-run-01',
    });
    const name = db.name;
    db.close();
    await withLockedStore(name, async (late) => {
      expect(await isStoreSealed(late)).toBe(true);
      expect(await forgetUnclaimedKey(late)).toBe(false);
      expect(await late.users.count()).toBeGreaterThan(0);
      expect(await isStoreSealed(late)).toBe(true);
    });
  });

  it('a tampered wrap opens nothing', async () => {
    const { db } = await openTestDesk();
    await wrapForPassword(db, 'registrar', 'correct horse battery');
    const row = await db.meta.get('atRestPasswordWraps');
    const wraps = row?.value as Record<string, { sealedKey: string }>;
    const wrap = wraps.registrar;
    if (!wrap) throw new Error('no wrap');
    wrap.sealedKey = `${wrap.sealedKey.startsWith('A') ? 'B' : 'A'}${wrap.sealedKey.slice(1)}`;
    await db.meta.put({ key: 'atRestPasswordWraps', value: wraps });
    db.close();
    await withLockedStore(db.name, async (locked) => {
      expect(await unlockWithPassword(locked, 'registrar', 'correct horse battery')).toBe(false);
    });
  });
});
