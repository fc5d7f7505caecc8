import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import type { PublicKeys } from '@shared/package/keys';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { rowMac, withRowMac, type AtRestMeta } from '../../../renderer/src/db/atRest/atRestRow';
import { sealedMetaKeys } from '../../../renderer/src/db/atRest/sealedMetaKeys';
import { sealedTables } from '../../../renderer/src/db/atRest/middleware';
import { installDataKey } from '../../../renderer/src/db/atRest/storeKeys';
import { logStoreAlterations } from '../../../renderer/src/db/repositories/storeAlterations';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import { loadHqKeys } from '../../../renderer/src/sync/packages/deviceKeys';
import { openTestDesk, testOfficeId, threeMemberHousehold } from '../../fakes/deskFixtures';
import { ensureDeviceId } from '../../../renderer/src/db/repositories/settingsReads';
import { rawDelete, rawPut, rawRows, withLockedStore } from './rawStore';
import { onSealProgress, sealProgress } from '../../../renderer/src/db/atRest/sealProgress';
import { newRecordId } from '@shared/records/ids';

/**
 * The store's clear `atRest` row (renderer/src/db/atRest/atRestRow.ts): someone with the
 * profile but not the key edits it, strips its MAC or deletes it, and plants plain rows
 * for the next open with the key to take in as the desk's own. None is taken in; the row
 * is written again with its MAC. A first sealing cut short, whose row says so under the
 * MAC, still carries on.
 */
const hqRow = {
  publicKeys: { signing: 'FORGER-SIGN', encryption: 'FORGER-ENC' } as PublicKeys,
  signingKeyId: 's',
  encryptionKeyId: 'e',
};
const planted = {
  id: 'planted-person',
  name: '假人',
  householdId: 'h-planted',
  searchTokens: ['假人'],
  updatedAt: '2026-03-02T01:00:00.000Z',
};

async function rawAtRest(name: string): Promise<AtRestMeta | undefined> {
  const rows = ((await rawRows(name)).meta ?? []) as { key: string; value: AtRestMeta }[];
  return rows.find((row) => row.key === 'atRest')?.value;
}

async function reopen(name: string): Promise<DeskDatabase> {
  const db = new DeskDatabase(name);
  await db.open();
  return db;
}

/** The row as an open with the key writes it: every listed key sealed, its MAC right. */
async function expectRowWrittenAgain(db: DeskDatabase) {
  const keys = db.atRest.keys;
  if (!keys) throw new Error('no keys');
  const value = await rawAtRest(db.name);
  expect(value?.sealedMeta).toEqual([...sealedMetaKeys]);
  expect(value?.sealing).toBeUndefined();
  expect(value?.mac).toBe(rowMac(keys, db.name, value as AtRestMeta));
}

/** The next open with the key: the planted person refused, the desk's own read, the row written again. */
async function expectNothingTakenIn(name: string, plantedId: string, own?: string) {
  const reopened = await reopen(name);
  try {
    await expect(reopened.persons.get(plantedId)).rejects.toThrow(/not sealed/);
    if (own) expect((await reopened.persons.get(own))?.id).toBe(own);
    await expectRowWrittenAgain(reopened);
  } finally {
    reopened.close();
  }
}

/** A desk with a registered household, closed: its name and one of its own persons. */
async function closedDeskWithHousehold() {
  const { db, ctx } = await openTestDesk();
  const { members } = await registerHousehold(db, ctx, threeMemberHousehold('rural'));
  const keyPaths = new Map(db.tables.map((t) => [t.name, t.schema.primKey.keyPath]));
  db.close();
  return { name: db.name, own: members[0]?.person.id ?? '', keyPaths };
}

/**
 * A desk, closed, as a first sealing cut short leaves it: a plain person, and the row
 * saying "sealing" under the desk's key — MAC'd for this store, or for `macFor`.
 */
async function cutShortSealing(macFor?: string) {
  const { db } = await openTestDesk();
  const { keys, dataKey } = db.atRest;
  const value = await rawAtRest(db.name);
  if (!keys || !dataKey || !value) throw new Error('no keys');
  db.close();
  await rawPut(db.name, 'persons', planted);
  await rawPut(db.name, 'meta', {
    key: 'atRest',
    value: withRowMac(keys, macFor ?? db.name, { ...value, sealing: true }),
  });
  return { name: db.name, dataKey };
}

describe('the clear at-rest row: what an open with the key believes of it', () => {
  it('a row edited (a meta key taken off its sealed list), or stripped of its MAC: the plain HQ keys planted are refused', async () => {
    for (const edit of ['edited', 'stripped'] as const) {
      const { db } = await openTestDesk();
      const value = await rawAtRest(db.name);
      if (!value?.mac) throw new Error('the row has no MAC');
      db.close();
      const sealedMeta = value.sealedMeta?.filter((key) => key !== 'hqPackageKeys');
      const { mac: _mac, ...noMac } = value;
      await rawPut(db.name, 'meta', {
        key: 'atRest',
        value: edit === 'edited' ? { ...value, sealedMeta } : { ...noMac, sealedMeta },
      });
      await rawPut(db.name, 'meta', { key: 'hqPackageKeys', value: hqRow });

      const reopened = await reopen(db.name);
      await expect(loadHqKeys(reopened), edit).rejects.toThrow(/not sealed/);
      await expectRowWrittenAgain(reopened);
      reopened.close();
    }
  });

  it('a row removed: a plain person planted is refused, the desk’s own persons still read', async () => {
    const { name, own } = await closedDeskWithHousehold();
    await rawDelete(name, 'meta', 'atRest');
    await rawPut(name, 'persons', planted);
    await expectNothingTakenIn(name, planted.id, own);
  });

  it('a row removed, the meta secrets too, and a plain row planted ahead of the others in every table: still refused', async () => {
    const { name, own, keyPaths } = await closedDeskWithHousehold();
    await rawDelete(name, 'meta', 'atRest');
    for (const key of sealedMetaKeys) await rawDelete(name, 'meta', key);
    const raw = await rawRows(name);
    const plantedIn: string[] = [];
    for (const table of sealedTables) {
      const first = raw[table]?.[0] as Record<string, unknown> | undefined;
      const keyPath = keyPaths.get(table);
      if (!first || typeof keyPath !== 'string') continue;
      const { _sealed: _seal, ...clear } = first;
      const lowest = typeof first[keyPath] === 'number' ? -1 : '!planted';
      // (The queue's op id is a unique index: the copy gets its own.)
      const unique = 'opId' in clear ? { opId: `planted-${table}` } : {};
      const put = await rawPut(name, table, { ...clear, ...unique, [keyPath]: lowest }).then(
        () => true,
        () => false,
      );
      if (put) plantedIn.push(table);
    }
    expect(plantedIn).toContain('persons');
    // Every sealed table holding rows got one (first-row checks alone would see only these).
    expect(plantedIn).toEqual([...sealedTables].filter((t) => (raw[t]?.length ?? 0) > 0));

    await expectNothingTakenIn(name, '!planted', own);
  });

  it('a store rebuilt at a schema from before encryption around the desk’s sealed rows does not pass as one', async () => {
    const { name, own } = await closedDeskWithHousehold();
    const raw = await rawRows(name);
    await Dexie.delete(name);
    // Rebuilt at v15 (before encryption): every row back but the at-rest row, one planted.
    const old = new DeskDatabase(name, 15);
    await old.open();
    const oldTables = new Set(old.tables.map((t) => t.name));
    old.close();
    for (const [table, rows] of Object.entries(raw)) {
      if (!oldTables.has(table)) continue;
      for (const row of rows) {
        if (table === 'meta' && (row as { key?: string }).key === 'atRest') continue;
        await rawPut(name, table, row);
      }
    }
    await rawPut(name, 'persons', planted);
    await expectNothingTakenIn(name, planted.id, own);
  });

  it('a first sealing cut short, its row saying so under the MAC, carries on and seals the plain rows', async () => {
    const { name } = await cutShortSealing();
    const reopened = await reopen(name);
    expect((await reopened.persons.get(planted.id))?.name).toBe(planted.name);
    const stored = ((await rawRows(name)).persons ?? []) as Record<string, unknown>[];
    expect(stored.find((row) => row.id === planted.id)).toHaveProperty('_sealed');
    await expectRowWrittenAgain(reopened);
    reopened.close();
  });

  it('a first sealing cut short, opened locked first (a browser’s page load), carries on at the login', async () => {
    const { name, dataKey } = await cutShortSealing();
    await withLockedStore(name, async (locked) => {
      await locked.open();
      expect(await installDataKey(locked, locked.atRest, dataKey)).toBe(true);
      expect((await locked.persons.get(planted.id))?.name).toBe(planted.name);
    });
  });

  it('a "sealing under way" row made for another store under the same key is not believed here', async () => {
    // As a restore's scratch store (upgradeBackup.ts) would have it, on an Electron desk.
    const { name } = await cutShortSealing('desk-restore-upgrade-x');
    await expectNothingTakenIn(name, planted.id);
  });

  it('a "sealing under way" claim written without the key is not believed', async () => {
    const { db } = await openTestDesk();
    const value = await rawAtRest(db.name);
    if (!value) throw new Error('no row');
    db.close();
    await rawPut(db.name, 'persons', planted);
    const { mac: _mac, ...noMac } = value;
    for (const forged of [
      { ...noMac, sealing: true },
      { ...value, sealing: true, mac: value.mac },
    ]) {
      await rawPut(db.name, 'meta', { key: 'atRest', value: forged });
      await expectNothingTakenIn(db.name, planted.id);
    }
  });

  it('a store from before encryption, upgraded at one open and cut short in its first sealing at the next: the next open carries on', async () => {
    // A power cut at the window: the upgrade ran at a locked page load (no key, no row),
    // the first sealing began at a later open and stopped after its first page.
    const name = `plain-${newRecordId()}`;
    const v15 = new DeskDatabase(name, 15);
    await v15.open();
    await v15.table('persons').bulkAdd(
      Array.from({ length: 1200 }, (_, i) => ({
        id: `q${String(i).padStart(5, '0')}`,
        name: '某',
        idNumber: `3301022000010${String(i).padStart(5, '0')}`,
        householdId: 'h1',
        searchTokens: [],
        idTails: [],
        updatedAt: 'a',
      })),
    );
    v15.close();
    await withLockedStore(name, (locked) => locked.open());
    const cut = new DeskDatabase(name);
    const stop = onSealProgress(() => {
      if ((sealProgress()?.done ?? 0) >= 500) throw new Error('power cut');
    });
    await cut.open().catch(() => undefined);
    stop();
    cut.close();
    const persons = ((await rawRows(name)).persons ?? []) as Record<string, unknown>[];
    expect(persons.some((row) => '_sealed' in row)).toBe(true);
    expect(persons.some((row) => !('_sealed' in row))).toBe(true);
    const reopened = await reopen(name);
    try {
      expect(await reopened.persons.count()).toBe(1200);
      expect((await reopened.persons.get('q01199'))?.idNumber).toBe('330102200001001199');
      const after = ((await rawRows(name)).persons ?? []) as Record<string, unknown>[];
      expect(after.every((row) => '_sealed' in row)).toBe(true);
      await expectRowWrittenAgain(reopened);
    } finally {
      reopened.close();
    }
  });

  it('what an open found done to the row goes on the access record at the next login, once; a finding dropped before the login is found too', async () => {
    const { name } = await closedDeskWithHousehold();
    await rawDelete(name, 'meta', 'atRest');
    (await reopen(name)).close();
    const found = await rawAtRest(name);
    expect(found?.altered).toEqual([{ what: 'removed', at: expect.any(String) }]);
    // Someone with the profile drops the finding before anyone logs in, leaving the MAC
    // (which then no longer checks) or stripping it too: the next open finds the row
    // edited either way.
    const { altered: _dropped, mac: _mac, ...bare } = found as AtRestMeta;
    for (const withoutFinding of [{ ...bare, mac: found?.mac }, bare]) {
      await rawPut(name, 'meta', { key: 'atRest', value: withoutFinding });
      (await reopen(name)).close();
      expect((await rawAtRest(name))?.altered).toEqual([
        { what: 'edited', at: expect.any(String) },
      ]);
    }
    const reopened = await reopen(name);
    try {
      expect((await rawAtRest(name))?.altered).toEqual([
        { what: 'edited', at: expect.any(String) },
      ]);
      const ctx = {
        actor: { userId: 'user-registrar', name: '王登记', role: 'registrar' as const },
        officeId: testOfficeId,
        deviceId: await ensureDeviceId(reopened),
        now: () => new Date(),
      };
      // A finding put in the open store's row without its MAC is not logged.
      const trusted = await rawAtRest(name);
      await reopened.meta.put({
        key: 'atRest',
        value: { ...trusted, altered: [{ what: 'removed', at: 'forged' }] },
      });
      expect(await logStoreAlterations(reopened, ctx)).toBe(0);
      await reopened.meta.put({ key: 'atRest', value: trusted });
      expect(await logStoreAlterations(reopened, ctx)).toBe(1);
      const entries = (await reopened.accessLog.toArray()).filter(
        (e) => e.action === 'store_altered',
      );
      expect(entries).toMatchObject([{ subjectKind: 'desk', subjectId: ctx.deviceId }]);
      expect(entries[0]?.purpose).toContain('改动');
      expect((await rawAtRest(name))?.altered).toBeUndefined();
      await expectRowWrittenAgain(reopened);
      expect(await logStoreAlterations(reopened, ctx)).toBe(0);
    } finally {
      reopened.close();
    }
  });
});
