import { describe, expect, it } from 'vitest';
import { searchPersons } from '../../../renderer/src/db/repositories/persons';
import { DeskDatabase } from '../../../renderer/src/db/database';
import type { WriteContext } from '../../../renderer/src/db/writeContext';
import { write } from '../../../renderer/src/db/writePath';
import { openTestDesk, personInput, residentId } from '../../fakes/deskFixtures';
import { countReads, counted as counted_ } from '../grid/countReads';

/**
 * searchPersons reads plain index ranges with a count and dedupes and drops tombstones
 * itself (issue #17 item 5: a Dexie filter or distinct() turned each search into a
 * cursor). These cases make the first read too short: a person matched by two tokens,
 * and tombstones ahead of the live persons in the index.
 */
const chars = '一二三四五六七八九十百千万亿甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';

async function register(
  db: DeskDatabase,
  ctx: WriteContext,
  surname: string,
  count: number,
  bornFrom = 1950,
) {
  await write(db, ctx, async (w) => {
    for (let i = 0; i < count; i++) {
      const birthDate = new Date(Date.UTC(bornFrom, 0, 1) + i * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const region = surname === '赵' ? '330102' : '330103';
      await w.create('person', {
        ...personInput({
          name: `${surname}${chars[i % chars.length]}${chars[Math.floor(i / chars.length)]}`,
          idNumber: residentId(region, birthDate, '013'),
          birthDate,
          sex: 'male',
        }),
        householdId: null,
      });
    }
  });
}

describe('searchPersons reads', () => {
  it('returns 50 distinct persons when each matches the query by two tokens', async () => {
    const { db, ctx } = await openTestDesk();
    await register(db, ctx, '赵', 60); // tokens 赵一一, zyy, zhaoyiyi: "z" matches two
    const found = await searchPersons(db, 'z');
    expect(found).toHaveLength(50);
    expect(new Set(found.map((p) => p.id)).size).toBe(50);
    // Index order, as the cursor with distinct() gave: the first token's persons first.
    const firstTokens = found.map((p) => p.searchTokens.filter((t) => t.startsWith('z')).sort()[0]);
    expect(firstTokens).toEqual([...firstTokens].sort());
  });

  it('skips tombstones that fill the first read and finds the live persons behind them', async () => {
    const { db, ctx } = await openTestDesk();
    await register(db, ctx, '王', 60);
    const all = await db.persons.where('searchTokens').startsWith('王').toArray();
    const live = new Set(all.slice(-5).map((p) => p.id));
    // Tombstones as a pull stores them: still indexed by their tokens.
    for (const p of all) if (!live.has(p.id)) await db.persons.put({ ...p, deleted: true });
    const found = await searchPersons(db, '王');
    expect(found.map((p) => p.id).sort()).toEqual([...live].sort());
    // An ID prefix every one of them shares: the same.
    const byId = await searchPersons(db, '33010319');
    expect(byId.map((p) => p.id).sort()).toEqual([...live].sort());
  });

  it('reads a prefix that stops inside the birth date as one exact range, and finds every match when few', async () => {
    const { db, ctx } = await openTestDesk();
    await register(db, ctx, '王', 400, 1980); // 330103, born from 1980-01-01 a day apart
    await register(db, ctx, '王', 120); // 330103, born from 1950-01-01
    await register(db, ctx, '赵', 60); // 330102, the same days
    // The same store opened again with a count of the persons read (before it opens).
    db.close();
    const counted = new DeskDatabase(db.name);
    counted.use({ stack: 'dbcore', name: 'countReads', create: countReads('persons') });
    await counted.open();
    // Born in the 1950s: 120 of the county's 520, and 60 of another county. The prefix
    // index holds the county's persons in birth order: the first 50 of the span are the
    // 50 asked for, and no other row is read (schema v16's county token read 770, v17's
    // birth-date index a little over 50 and then more, sized by the share that matched).
    counted_.reads = 0;
    const born1950 = await searchPersons(counted, '330103195');
    expect(born1950).toHaveLength(50);
    expect(born1950.every((p) => p.idNumber.startsWith('330103195'))).toBe(true);
    expect(counted_.reads).toBe(50);
    // The other county's (60 of them, most of each birth date's persons not theirs): every one.
    const zhao = await searchPersons(counted, '330102195');
    expect(zhao).toHaveLength(50);
    expect(zhao.every((p) => p.idNumber.startsWith('330102195'))).toBe(true);
    // A few matches: all of them, a permit holder whose typed birth date is not in its
    // number's digits included.
    await write(counted, ctx, (w) =>
      w.create('person', {
        ...personInput({
          name: '陈港',
          idType: 'hk_mo_tw_permit',
          idNumber: '330103195004300027',
          birthDate: '1980-01-01',
          sex: 'male',
        }),
        householdId: null,
      }),
    );
    // 1950-04-30 (王, the 120th day) and the permit holder.
    const lastDays = await searchPersons(counted, '3301031950043');
    expect(lastDays.map((p) => p.name).sort()).toEqual(['王千四', '陈港'].sort());
  });

  it('reads five digits as the ten 6-character ranges they begin, not the whole 4-character range', async () => {
    const { db, ctx } = await openTestDesk();
    await register(db, ctx, '王', 400, 1980); // 330103
    await register(db, ctx, '赵', 60); // 330102
    db.close();
    const counted = new DeskDatabase(db.name);
    counted.use({ stack: 'dbcore', name: 'countReads', create: countReads('persons') });
    await counted.open();
    // A 5th digit no one has (a typo): nothing read. The 4-character range "3301" holds
    // all 460, in an HMAC's order: it was read whole to find nothing.
    counted_.reads = 0;
    expect(await searchPersons(counted, '33019')).toEqual([]);
    expect(counted_.reads).toBe(0);
    // Both counties begin "33010": 330102's 50 first (its range comes first), no more read.
    counted_.reads = 0;
    const both = await searchPersons(counted, '33010');
    expect(both).toHaveLength(50);
    expect(both.every((p) => p.idNumber.startsWith('330102'))).toBe(true);
    expect(counted_.reads).toBe(50);
    // Fewer than 50 under the first: the rest from the next range.
    // (Tombstones as a pull stores them: 330102's all but one.)
    for (const p of await counted.persons.toArray()) {
      if (p.idNumber.startsWith('330102') && p.name !== '赵一一') {
        await counted.persons.put({ ...p, deleted: true });
      }
    }
    const next = await searchPersons(counted, '33010');
    expect(next.map((p) => p.idNumber.slice(0, 6))).toEqual([
      '330102',
      ...Array<string>(49).fill('330103'),
    ]);
  });
});
