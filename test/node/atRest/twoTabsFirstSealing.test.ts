import { describe, expect, it, vi } from 'vitest';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { openStoreForLogin } from '../../../renderer/src/db/atRest/loginStore';
import { wrapForPassword } from '../../../renderer/src/db/atRest/passwordWraps';
import { authenticate } from '../../../renderer/src/db/repositories/accountReads';
import { deriveAtRestKeys, newDataKey } from '@shared/atRest/cipher';
import { setDataKeySource } from '../../../renderer/src/db/atRest/keySource';
import { createUser } from '../../../renderer/src/db/repositories/users';
import { write } from '../../../renderer/src/db/writePath';
import { restoreTestKeySource } from '../setup';
import { openTestDesk, personInput, residentId } from '../../fakes/deskFixtures';
import { newRecordId } from '@shared/records/ids';
import { rawPut, rawRows, withLockedStore } from './rawStore';
import { atRestMetaKey, withRowMac } from '../../../renderer/src/db/atRest/atRestRow';
import { sealedMetaKeys } from '../../../renderer/src/db/atRest/sealedMetaKeys';

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

  // With the wrap, an at-rest row planted beside it: none, a bare one, or one claiming
  // the store sealed throughout under the planted key (its MAC under that key).
  const plantedRows = {
    'no row': () => null,
    'a bare row': () => ({ key: atRestMetaKey }),
    'a row under the planted key': (name: string, key: Uint8Array) => {
      const keys = deriveAtRestKeys(key);
      return {
        key: atRestMetaKey,
        value: withRowMac(keys, name, {
          keyId: keys.keyId,
          sealedAt: '2026-12-01T00:00:00.000Z',
          sealedMeta: [...sealedMetaKeys],
          idPrefixIndex: 2,
        }),
      };
    },
  };
  for (const [what, plantedRow] of Object.entries(plantedRows)) {
    it(`a wrap planted in the profile before the first login, ${what}: refused, nothing sealed under its key`, async () => {
      const { name, persons } = await storeFromBeforeEncryption();
      setDataKeySource(() => null);
      // Whoever can write the profile plants a wrap of a key of theirs for wang, under a
      // password of theirs, to log in as wang and have the store sealed under their key.
      const plantedKey = newDataKey();
      const planter = new DeskDatabase(name);
      try {
        await planter.open();
        planter.atRest.dataKey = plantedKey;
        expect(await wrapForPassword(planter, 'wang', 'planted-key', { firstKey: true })).toBe(
          true,
        );
      } finally {
        planter.close();
      }
      const row = plantedRow(name, plantedKey);
      if (row) await rawPut(name, 'meta', row);
      const tab = new DeskDatabase(name);
      try {
        // The planter's password opens their key but is not wang's: refused, no key kept.
        expect(await openStoreForLogin(tab, 'wang', 'planted-key')).toBeNull();
        expect([tab.atRest.keys, tab.atRest.dataKey]).toEqual([null, null]);
        // wang's own password cannot open the planted wrap: refused too (the planter can
        // keep wang out of a profile they can write, as by deleting it; no more).
        expect(await openStoreForLogin(tab, 'wang', 'window-01')).toBeNull();
        expect([tab.atRest.keys, tab.atRest.dataKey]).toEqual([null, null]);
      } finally {
        tab.close();
        restoreTestKeySource();
      }
      // Not one row was sealed (under the planted key or any): the persons are as they were.
      const raw = (await rawRows(name)).persons as Record<string, unknown>[];
      expect(raw).toHaveLength(persons.length);
      expect(raw.every((r) => r._sealed === undefined)).toBe(true);
      expect(raw.map((r) => r.idNumber).sort()).toEqual(persons.map((p) => p.idNumber).sort());
    });
  }

  it('a wrap planted for a name nobody has, or for a disabled account: refused, nothing sealed', async () => {
    const { name, persons } = await storeFromBeforeEncryption();
    setDataKeySource(() => null);
    // li's account is disabled (as a store from before encryption keeps it, plain).
    const li = ((await rawRows(name)).users as Record<string, unknown>[]).find(
      (u) => u.username === 'li',
    );
    await rawPut(name, 'users', { ...li, disabled: true });
    const planter = new DeskDatabase(name);
    try {
      await planter.open();
      planter.atRest.dataKey = newDataKey();
      for (const who of ['ghost', 'Wang', 'li'])
        expect(await wrapForPassword(planter, who, 'planted-key')).toBe(true);
    } finally {
      planter.close();
    }
    const tab = new DeskDatabase(name);
    try {
      // li knows the password the wrap was planted under (li's own, say): still refused.
      for (const who of ['ghost', 'Wang', 'li']) {
        expect(await openStoreForLogin(tab, who, 'planted-key')).toBeNull();
        expect([tab.atRest.keys, tab.atRest.dataKey]).toEqual([null, null]);
      }
    } finally {
      tab.close();
      restoreTestKeySource();
    }
    const raw = (await rawRows(name)).persons as Record<string, unknown>[];
    expect(raw.every((r) => r._sealed === undefined)).toBe(true);
    expect(raw).toHaveLength(persons.length);
    // (The planted wraps make the store look claimed: wang, with no wrap of his own, is
    // kept out as every account without one is on a locked store. Whoever can write the
    // profile can keep a desk from opening, as deleting it would; no more.)
  });
});
