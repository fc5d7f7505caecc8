import { describe, expect, it, vi } from 'vitest';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { openStoreForLogin } from '../../../renderer/src/db/atRest/loginStore';
import { wrapForPassword } from '../../../renderer/src/db/atRest/passwordWraps';
import { authenticate } from '../../../renderer/src/db/repositories/accountReads';
import { newDataKey } from '@shared/atRest/cipher';
import { setDataKeySource } from '../../../renderer/src/db/atRest/keySource';
import { createUser } from '../../../renderer/src/db/repositories/users';
import { write } from '../../../renderer/src/db/writePath';
import { restoreTestKeySource } from '../setup';
import { openTestDesk, personInput, residentId } from '../../fakes/deskFixtures';
import { newRecordId } from '@shared/records/ids';
import { rawRows, withLockedStore } from './rawStore';

/**
 * A browser store from before encryption is sealed at its first login under a key made
 * there (loginStore.ts). Two tabs of the same desk logging in at that moment each made a
 * key and sealed with it: rows under the key whose wrap the other overwrote, or under the
 * key the `atRest` row does not name, never opened again. One tab's key is claimed in a
 * transaction; the other opens the store by its password, or is refused as any account
 * without a wrap is.
 */
describe('two tabs making a browser store’s first sealing at once', () => {
  async function storeFromBeforeEncryption() {
    const { db, as, ctx } = await openTestDesk();
    const accounts = [];
    for (const [username, password] of [
      ['wang', 'window-01'],
      ['li', 'window-02'],
    ] as const) {
      accounts.push(
        await createUser(db, as('admin'), {
          username,
          displayName: username,
          roles: ['registrar'],
          password,
        }),
      );
    }
    const persons = [];
    for (let i = 0; i < 40; i++) {
      persons.push(
        await write(db, ctx, (w) =>
          w.create('person', {
            ...personInput({
              name: `张${i}`,
              idNumber: residentId('330102', '1960-05-04', String(100 + i * 2)),
            }),
            householdId: null,
          }),
        ),
      );
    }
    db.close();
    // The same rows in a store at v15, as a desk from before encryption kept them.
    const name = `two-tabs-${newRecordId()}`;
    const v15 = new DeskDatabase(name, 15);
    await v15.open();
    for (const person of persons) {
      const { idPrefixes: _none, ...plain } = person as typeof person & { idPrefixes?: [] };
      await v15.table('persons').add(plain);
    }
    for (const account of accounts) await v15.table('users').add(account);
    v15.close();
    return { name, persons };
  }

  async function loginInTwoTabs(name: string, second: readonly [string, string]) {
    setDataKeySource(() => null);
    const tabA = new DeskDatabase(name);
    const tabB = new DeskDatabase(name);
    try {
      const [a, b] = await Promise.all([
        openStoreForLogin(tabA, 'wang', 'window-01'),
        openStoreForLogin(tabB, second[0], second[1]),
      ]);
      // A tab that logged in proved its password: its lock screen takes no other one.
      for (const [tab, who] of [
        [tabA, a],
        [tabB, b],
      ] as const) {
        if (who) expect(await authenticate(tab, who.username, 'not-the-password')).toBeNull();
        // A refused tab keeps no key.
        else expect([tab.atRest.keys, tab.atRest.dataKey]).toEqual([null, null]);
      }
      return {
        a: a?.username ?? null,
        b: b?.username ?? null,
        keyIds: [tabA.atRest.keys?.keyId, tabB.atRest.keys?.keyId],
      };
    } finally {
      tabA.close();
      tabB.close();
      restoreTestKeySource();
    }
  }

  const passwords: Record<string, string> = { wang: 'window-01', li: 'window-02' };

  /** Every person opened by this account's password in a fresh tab (a row under a lost key throws). */
  const everyPersonOpens = (name: string, username: string) =>
    withLockedStore(name, async (db) => {
      expect((await openStoreForLogin(db, username, passwords[username] ?? ''))?.username).toBe(
        username,
      );
      return (await db.persons.toArray()).map((p) => p.idNumber).sort();
    });

  it('two accounts: one tab seals under its key, the other is refused as an account with no wrap', async () => {
    const { name, persons } = await storeFromBeforeEncryption();
    const tabs = await loginInTwoTabs(name, ['li', 'window-02']);
    const [winner, ...others] = [tabs.a, tabs.b].filter((u) => u !== null);
    expect(others).toEqual([]);
    expect(await everyPersonOpens(name, winner ?? '')).toEqual(
      persons.map((p) => p.idNumber).sort(),
    );
  });

  it('one account in both tabs: both log in under the one key', async () => {
    const { name, persons } = await storeFromBeforeEncryption();
    const tabs = await loginInTwoTabs(name, ['wang', 'window-01']);
    expect([tabs.a, tabs.b]).toEqual(['wang', 'wang']);
    expect(tabs.keyIds[0]).toBeDefined();
    expect(tabs.keyIds[1]).toBe(tabs.keyIds[0]);
    expect(await everyPersonOpens(name, 'wang')).toEqual(persons.map((p) => p.idNumber).sort());
  });

  it('a tab whose key lost the claim proves its password again (its lock screen takes no other)', async () => {
    const { name, persons } = await storeFromBeforeEncryption();
    setDataKeySource(() => null);
    const tabA = new DeskDatabase(name);
    const tabB = new DeskDatabase(name);
    await tabA.open();
    // Tab A's claim lands while tab B, its password proven on the plain store, wraps its
    // own key (the wrap's encryption is B's first): the order the race gives now and then.
    const encrypt = crypto.subtle.encrypt.bind(crypto.subtle);
    let first = true;
    const spy = vi.spyOn(crypto.subtle, 'encrypt').mockImplementation(async (...args) => {
      if (first) {
        first = false;
        tabA.atRest.dataKey = newDataKey();
        expect(await wrapForPassword(tabA, 'wang', 'window-01', { firstKey: true })).toBe(true);
      }
      return encrypt(...args);
    });
    try {
      expect((await openStoreForLogin(tabB, 'wang', 'window-01'))?.username).toBe('wang');
      spy.mockRestore();
      expect(tabB.atRest.keys?.keyId).toBeDefined();
      expect(await authenticate(tabB, 'wang', 'not-the-password')).toBeNull();
    } finally {
      spy.mockRestore();
      tabA.close();
      tabB.close();
      restoreTestKeySource();
    }
    expect(await everyPersonOpens(name, 'wang')).toEqual(persons.map((p) => p.idNumber).sort());
  });

  it('a wrap planted in the profile before the first login: refused, and nothing sealed under its key', async () => {
    const { name, persons } = await storeFromBeforeEncryption();
    setDataKeySource(() => null);
    // Whoever can write the profile plants a wrap of a key of theirs for wang, under a
    // password of theirs, to make the first login's claim lose and the store be sealed
    // under a key they hold.
    const planter = new DeskDatabase(name);
    try {
      await planter.open();
      planter.atRest.dataKey = newDataKey();
      expect(await wrapForPassword(planter, 'wang', 'planted-key', { firstKey: true })).toBe(true);
    } finally {
      planter.close();
    }
    const tab = new DeskDatabase(name);
    try {
      // wang's own password cannot open the planted wrap: refused, no key kept.
      expect(await openStoreForLogin(tab, 'wang', 'window-01')).toBeNull();
      expect([tab.atRest.keys, tab.atRest.dataKey]).toEqual([null, null]);
      // The planter's password opens their key but is not wang's: refused too.
      expect(await openStoreForLogin(tab, 'wang', 'planted-key')).toBeNull();
      expect([tab.atRest.keys, tab.atRest.dataKey]).toEqual([null, null]);
    } finally {
      tab.close();
      restoreTestKeySource();
    }
    // Not one row was sealed (under the planted key or any): the persons are as they were.
    const raw = (await rawRows(name)).persons as Record<string, unknown>[];
    expect(raw).toHaveLength(persons.length);
    expect(raw.every((row) => row._sealed === undefined)).toBe(true);
    expect(raw.map((row) => row.idNumber).sort()).toEqual(persons.map((p) => p.idNumber).sort());
  });
});
