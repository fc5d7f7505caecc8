import { describe, expect, it } from 'vitest';
import { idIndexToken } from '@shared/atRest/idTokens';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { searchPersons } from '../../../renderer/src/db/repositories/persons';
import { idPrefixIndexVersion } from '../../../renderer/src/db/atRest/storeKeys';
import { atRestMetaKey, type AtRestMeta } from '../../../renderer/src/db/atRest/atRestRow';
import {
  onSealProgress,
  sealProgress,
  type SealProgress,
} from '../../../renderer/src/db/atRest/sealProgress';
import { idPrefixSchemaVersion } from '../../../renderer/src/db/tables/idPrefixTables';
import { residentId } from '../../fakes/deskFixtures';
import { rawPut, rawRows } from '../atRest/rawStore';

/**
 * v17 → v18 (issue #16 item 1): one compound ID-prefix index instead of five prefix
 * tokens per person. The persons a desk already holds were sealed with their tokens in
 * `idPrefixes` (bound into each seal); at the first open with the key they are sealed
 * again in the new form, found by every prefix, and the meta row records it.
 */
/** A new store opened at schema v17, with its keys. */
async function openV17() {
  const name = `mig-${newRecordId()}`;
  const v17 = new DeskDatabase(name, 17);
  await v17.open();
  const keys = v17.atRest.keys;
  if (!keys) throw new Error('no key');
  return { name, v17, keys };
}

describe('schema v18: the compound ID-prefix index', () => {
  it('is version 18 and only re-declares persons, the compound index for the tokens', () => {
    expect(idPrefixSchemaVersion.version).toBe(18);
    expect(Object.keys(idPrefixSchemaVersion.stores)).toEqual(['persons']);
    expect(idPrefixSchemaVersion.stores.persons).toContain('[idPrefix4+idPrefix6+idBorn]');
    expect(idPrefixSchemaVersion.stores.persons).not.toContain('idPrefixes');
  });

  it('v17 → v18: sealed persons are sealed again with the new index parts and found by prefix', async () => {
    const { name, v17, keys } = await openV17();
    const ids = ['1950-01-02', '1962-08-15', '1962-09-30'].map((birth, i) =>
      residentId(i === 0 ? '330103' : '330102', birth, '013'),
    );
    // As v17 sealed them: the five prefix tokens in `idPrefixes`, bound into the seal.
    const v16Tokens = (id: string) =>
      [4, 6, 10, 12, 14].map((n) => idIndexToken(keys, 'idPrefix4', id.slice(0, n)));
    await v17.persons.bulkAdd(
      ids.map((idNumber, i) => ({
        id: `p${i}`,
        name: `张${i}`,
        idType: 'resident',
        idNumber,
        phone: '13700001111',
        birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
        householdId: 'h1',
        searchTokens: [],
        idTails: [],
        idPrefixes: v16Tokens(idNumber),
        updatedAt: `2026-01-0${i + 1}`,
      })) as never[],
    );
    // The meta row as a v17 desk wrote it: no index form recorded.
    const meta = (await v17.table('meta').get(atRestMetaKey)) as { value: AtRestMeta };
    const { idPrefixIndex: _unset, ...v17Meta } = meta.value;
    await v17.table('meta').put({ key: atRestMetaKey, value: v17Meta });
    const before = (await rawRows(name)).persons as Record<string, unknown>[];
    expect(before.every((r) => Array.isArray(r.idPrefixes) && !('idPrefix4' in r))).toBe(true);
    v17.close();

    const v18 = new DeskDatabase(name);
    await v18.open();
    const after = (await rawRows(name)).persons as Record<string, unknown>[];
    // Sealed again: the retired tokens gone, the compound parts in (tokens, birth digits).
    expect(after.every((r) => r._sealed instanceof Uint8Array && !('idPrefixes' in r))).toBe(true);
    expect(after.map((r) => r.idBorn)).toEqual(['19500102', '19620815', '19620930']);
    expect(after[1]?.idPrefix6).toBe(idIndexToken(keys, 'idPrefix6', '330102'));
    expect(JSON.stringify(after)).not.toContain('330102');
    const recorded = (await v18.table('meta').get(atRestMetaKey)) as { value: AtRestMeta };
    expect(recorded.value.idPrefixIndex).toBe(idPrefixIndexVersion);
    // Found by every prefix length, and read back without a store field in it.
    const found = async (q: string) => (await searchPersons(v18, q)).map((p) => p.id).sort();
    expect(await found('3301')).toEqual(['p0', 'p1', 'p2']);
    expect(await found('330102')).toEqual(['p1', 'p2']);
    expect(await found('3301021962')).toEqual(['p1', 'p2']);
    expect(await found('330102196208')).toEqual(['p1']);
    expect(await found(ids[2] ?? '')).toEqual(['p2']);
    const p1 = await v18.persons.get('p1');
    expect(p1).toMatchObject({ phone: '13700001111', idNumber: ids[1] });
    for (const field of ['idPrefixes', 'idPrefix4', 'idPrefix6', 'idBorn']) {
      expect(p1).not.toHaveProperty(field);
    }
    v18.close();

    // The next open seals nothing again.
    const again = new DeskDatabase(name);
    await again.open();
    const unchanged = (await rawRows(name)).persons as Record<string, unknown>[];
    expect(unchanged.map((r) => r._sealed)).toEqual(after.map((r) => r._sealed));
    again.close();
  });

  it('v17 → v18: the reseal reports how far it has gone, page by page, then that it is done', async () => {
    const { name, v17 } = await openV17();
    await v17.persons.bulkAdd(
      Array.from({ length: 1200 }, (_, i) => ({
        id: `p${String(i).padStart(4, '0')}`,
        name: `王${i}`,
        idType: 'resident',
        idNumber: residentId('330102', '1960-03-04', String(i % 1000).padStart(3, '0')),
        birthDate: '1960-03-04',
        householdId: null,
        searchTokens: [],
        idTails: [],
        updatedAt: '2026-01-01',
      })) as never[],
    );
    const meta = (await v17.table('meta').get(atRestMetaKey)) as { value: AtRestMeta };
    const { idPrefixIndex: _unset, ...v17Meta } = meta.value;
    await v17.table('meta').put({ key: atRestMetaKey, value: v17Meta });
    v17.close();

    const seen: (SealProgress | null)[] = [];
    const stop = onSealProgress(() => seen.push(sealProgress()));
    try {
      const v18 = new DeskDatabase(name);
      await v18.open();
      v18.close();
    } finally {
      stop();
    }
    expect(seen).toEqual([
      { kind: 'reseal', done: 0, total: 1200 },
      { kind: 'reseal', done: 500, total: 1200 },
      { kind: 'reseal', done: 1000, total: 1200 },
      { kind: 'reseal', done: 1200, total: 1200 },
      null,
    ]);
  });

  it('v17 → v18: a row planted without a seal is not adopted, and a damaged one does not stop the others', async () => {
    const { name, v17 } = await openV17();
    const person = (i: number) => {
      const idNumber = residentId('330102', `1970-01-1${i}`, '013');
      return {
        id: `p${i}`,
        name: `李${i}`,
        idType: 'resident',
        idNumber,
        birthDate: `1970-01-1${i}`,
        householdId: null,
        searchTokens: [],
        idTails: [],
        updatedAt: '2026-01-01',
      };
    };
    await v17.persons.bulkAdd([0, 1, 2, 3].map(person) as never[]);
    const meta = (await v17.table('meta').get(atRestMetaKey)) as { value: AtRestMeta };
    const { idPrefixIndex: _unset, ...v17Meta } = meta.value;
    await v17.table('meta').put({ key: atRestMetaKey, value: v17Meta });
    v17.close();
    // In the profile, without the key: a person planted in the clear, and p2's seal
    // swapped onto p1 (a damaged or edited row).
    const raw = (await rawRows(name)).persons as Record<string, unknown>[];
    await rawPut(name, 'persons', { ...person(9), id: 'planted', phone: '13100000000' });
    await rawPut(name, 'persons', { ...raw[1], _sealed: raw[2]?._sealed });

    const v18 = new DeskDatabase(name);
    await v18.open();
    const after = (await rawRows(name)).persons as Record<string, unknown>[];
    const byId = new Map(after.map((r) => [r.id, r]));
    // The planted row was not sealed under the desk's key: still plain, still refused.
    expect(byId.get('planted')?._sealed).toBeUndefined();
    await expect(v18.persons.get('planted')).rejects.toThrow(/not sealed/);
    // The damaged row is left as it was (refused on reading); the others moved on.
    expect(byId.get('p1')).not.toHaveProperty('idBorn');
    await expect(v18.persons.get('p1')).rejects.toThrow(/does not match/);
    for (const id of ['p0', 'p2', 'p3']) expect(byId.get(id)?.idBorn).toMatch(/^197001/);
    const recorded = (await v18.table('meta').get(atRestMetaKey)) as { value: AtRestMeta };
    expect(recorded.value.idPrefixIndex).toBe(idPrefixIndexVersion);
    expect((await searchPersons(v18, '33010219700113')).map((p) => p.id)).toEqual(['p3']);
    v18.close();
  });
});
