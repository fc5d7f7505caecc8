import { describe, expect, it, vi } from 'vitest';
import { newDataKey } from '@shared/atRest/cipher';
import { newRecordId } from '@shared/records/ids';
import * as atRestRow from '../../../renderer/src/db/atRest/atRestRow';
import { DeskDatabase } from '../../../renderer/src/db/database';
import {
  forgetDataKey,
  installDataKey,
  loadDataKey,
} from '../../../renderer/src/db/atRest/storeKeys';
import { rawDelete, rawPut, rawRows, withLockedStore } from './rawStore';

const sealed = (row: unknown) => typeof row === 'object' && row !== null && '_sealed' in row;

vi.mock('../../../renderer/src/db/atRest/atRestRow', async (original) => {
  const actual = await original<typeof atRestRow>();
  return { ...actual, rowClaims: vi.fn(actual.rowClaims) };
});

/** A desk's store at schema v8 (from before encryption): an account, a person, a household. */
async function v8Store(): Promise<string> {
  const name = `cut-${newRecordId()}`;
  const v8 = new DeskDatabase(name, 8);
  await v8.open();
  const meta = {
    officeId: 'office-a',
    version: 1,
    hlc: '0000000000001-0000-device-old',
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'user-admin',
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'user-admin',
    deleted: false,
  };
  await v8.table('users').add({
    ...meta,
    id: 'user-wang',
    username: 'wang',
    displayName: '王登记',
    role: 'registrar',
    passwordHash: 'aGFzaA==',
    passwordSalt: 'c2FsdA==',
    passwordIterations: 600_000,
    disabled: false,
  });
  await v8.table('persons').add({
    ...meta,
    id: 'p1',
    name: '王五',
    idNumber: '330102199001011234',
    birthDate: '1990-01-01',
    householdId: 'h1',
    searchTokens: ['王五'],
  });
  await v8.table('households').add({ ...meta, id: 'h1', headName: '王五', address: '一村' });
  v8.close();
  return name;
}

/**
 * A desk from before encryption opened with its key already loaded (Electron: the OS key
 * store, before the store's first use), or locked (a browser before anyone logs in). The
 * schema upgrades rewrite users and persons below the at-rest middleware
 * (tables/bareUpgrade.ts): through it they were sealed with the key, and refused without
 * it — a browser could not open such a store at all. A power cut after the upgrade
 * commits and before the first sealing writes anything must not leave sealed rows
 * without the row saying a first sealing is under way — the next open would read the row
 * as removed and refuse every plain row left (households here) as planted.
 */
describe('a store from before encryption, upgraded', () => {
  it('a power cut right after the upgrade: the next open carries the first sealing on: every row of the desk reads', async () => {
    const name = await v8Store();

    // The open with the key loaded first; its 'ready' stops before the first sealing
    // writes anything (the cut), after the upgrade has committed.
    vi.mocked(atRestRow.rowClaims).mockRejectedValueOnce(new Error('power cut'));
    const cut = new DeskDatabase(name);
    await loadDataKey(cut.atRest);
    await expect(cut.open()).rejects.toThrow();
    cut.close();
    const raw = await rawRows(name);
    // The upgrades rewrote users and persons below the middleware (tables/bareUpgrade.ts):
    // nothing sealed yet, and the row already says a first sealing is under way.
    for (const table of ['users', 'persons', 'households'])
      expect(raw[table]?.some(sealed)).toBe(false);
    // The upgrades' own changes were made (v9's tails, v10's roles list).
    expect((raw.persons?.[0] as { idTails?: string[] }).idTails).toContain('1234');
    expect((raw.users?.[0] as { roles?: string[] }).roles).toEqual(['registrar']);
    const cutRow = (raw.meta ?? []).find((row) => (row as { key?: string }).key === 'atRest') as
      { value?: atRestRow.AtRestMeta } | undefined;
    expect(cutRow?.value?.sealing).toBe(true);

    const reopened = new DeskDatabase(name);
    await reopened.open();
    try {
      expect((await reopened.households.get('h1'))?.address).toBe('一村');
      expect((await reopened.persons.get('p1'))?.idNumber).toBe('330102199001011234');
      expect((await reopened.users.get('user-wang'))?.roles).toEqual(['registrar']);
      const row = (await reopened.meta.get(atRestRow.atRestMetaKey)) as atRestRow.AtRestMetaRow;
      expect(row?.value?.sealing).toBeUndefined();
      expect(row?.value?.altered).toBeUndefined();
    } finally {
      reopened.close();
    }
  });

  it('opened locked (a browser before anyone logs in), it upgrades, and the login seals it', async () => {
    const name = await v8Store();
    await withLockedStore(name, async (locked) => {
      await locked.open();
      // Never sealed: its plain rows read as they are until a login seals them.
      expect((await locked.users.get('user-wang'))?.roles).toEqual(['registrar']);
    });
    // The first login of a store never sealed seals it under a new key (loginStore.ts).
    await withLockedStore(name, async (locked) => {
      await locked.open();
      expect(await installDataKey(locked, locked.atRest, newDataKey())).toBe(true);
      expect((await locked.users.get('user-wang'))?.roles).toEqual(['registrar']);
      expect((await locked.persons.get('p1'))?.idNumber).toBe('330102199001011234');
      expect((await locked.households.get('h1'))?.address).toBe('一村');
    });
    const raw = await rawRows(name);
    for (const table of ['users', 'persons', 'households'])
      expect(raw[table]?.every(sealed)).toBe(true);
  });

  it('after a locked upgrade and its first sealing, a logout and a second login on the same page still refuse a planted row', async () => {
    const name = await v8Store();
    await withLockedStore(name, async (locked) => {
      await locked.open();
      const dataKey = newDataKey();
      expect(await installDataKey(locked, locked.atRest, dataKey)).toBe(true);
      forgetDataKey(locked.atRest); // the logout
      // While locked, someone with the profile removes the row and plants a person.
      await rawDelete(name, 'meta', 'atRest');
      await rawPut(name, 'persons', { id: 'planted', name: '假人', householdId: 'h1' });
      expect(await installDataKey(locked, locked.atRest, dataKey)).toBe(true); // the login
      await expect(locked.persons.get('planted')).rejects.toThrow(/not sealed/);
      expect((await locked.persons.get('p1'))?.idNumber).toBe('330102199001011234');
    });
    const row = (await rawRows(name)).meta?.find(
      (r) => (r as { key?: string }).key === 'atRest',
    ) as { value?: atRestRow.AtRestMeta } | undefined;
    expect(row?.value?.altered).toEqual([{ what: 'removed', at: expect.any(String) }]);
  });
});
