import { describe, expect, it } from 'vitest';
import { deriveAtRestKeys, newDataKey, openJson } from '@shared/atRest/cipher';
import { isPreSealedFor, preSealRows } from '../../../renderer/src/db/atRest/preSeal';
import { bindingOf, rowCodecOf } from '../../../renderer/src/db/atRest/rowCodec';
import { openTestDesk, personInput, residentId } from '../../fakes/deskFixtures';
import { rawRows } from './rawStore';

/** A person row as the store holds it plain (the fields the codec splits). */
function personRow(i: number) {
  const birthDate = `1960-0${(i % 9) + 1}-15`;
  return {
    id: `person-${i}`,
    ...personInput({
      name: `预封${i}`,
      idNumber: residentId('330102', birthDate, `0${20 + i}`.slice(-3)),
      birthDate,
      phone: '13912345678',
    }),
    householdId: null,
    searchTokens: [`预封${i}`],
    idTails: [],
    updatedAt: '2026-03-02T09:00:00.000Z',
  };
}

describe('rows sealed ahead with WebCrypto (a restore: preSeal.ts)', () => {
  it('are what the middleware would store: they open with its cipher, and read back as written', async () => {
    const { db } = await openTestDesk();
    const rows = Array.from({ length: 30 }, (_, i) => personRow(i));
    const sealed = await preSealRows(db, 'persons', rows);
    const keys = db.atRest.keys;
    if (!keys) throw new Error('no keys');
    const codec = rowCodecOf(db.core.table('persons').schema);
    for (const [i, row] of sealed.entries()) {
      const stored = row as Record<string, unknown>;
      // The same clear part and tokens as the middleware's own encode; the seal opens with
      // the synchronous cipher under the row's binding.
      const { _sealed: seal, ...clear } = stored;
      expect(clear).toEqual(codec.split(rows[i], keys)?.stored);
      expect(openJson(keys, seal as Uint8Array, bindingOf('persons', clear))).toMatchObject({
        phone: '13912345678',
      });
      expect(isPreSealedFor(row, keys)).toBe(true);
    }
    await db.transaction('rw', db.persons, () => db.persons.bulkAdd(sealed as never[]));
    expect(await db.persons.bulkGet(rows.map((r) => r.id))).toEqual(rows);
    const person = rows[3];
    const found = await db.persons
      .where('idNumber')
      .equals(person?.idNumber ?? '')
      .toArray();
    expect(found.map((p) => p.id)).toEqual([person?.id]);
    const raw = (await rawRows(db.name)).persons ?? [];
    expect(JSON.stringify(raw)).not.toContain('13912345678');
  });

  it('pass the middleware only as the very objects made, and only under the keys they were made for', async () => {
    const { db } = await openTestDesk();
    const [row] = await preSealRows(db, 'persons', [personRow(1)]);
    const keys = db.atRest.keys;
    if (!keys) throw new Error('no keys');
    // A copy is an ordinary row to the middleware, not a sealed one.
    expect(isPreSealedFor({ ...(row as object) }, keys)).toBe(false);
    expect(() => isPreSealedFor(row, deriveAtRestKeys(newDataKey()))).toThrow(/another data key/);
    // Tables that stay clear are handed back as they are.
    const meta = [{ key: 'x', value: 1 }];
    expect(await preSealRows(db, 'meta', meta)).toBe(meta);
  });
});
