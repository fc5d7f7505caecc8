import { describe, expect, it } from 'vitest';
import { maskIdNumber } from '@shared/identity/residentId';
import { accessLogOf } from '../../../renderer/src/db/repositories/accessLog';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import { personsSource } from '../../../renderer/src/db/repositories/export/personsSource';
import { runListExport } from '../../../renderer/src/db/repositories/export/runListExport';
import { searchInWords } from '../../../renderer/src/export/listDefinition';
import { personsList } from '../../../renderer/src/export/lists/persons';
import { generateOffice, RecordStamper } from '../../bench/generator';
import { openTestDesk, threeMemberHousehold } from '../../fakes/deskFixtures';
import { column, present, readBack } from './readBack';

/**
 * The persons list exported on a real IndexedDB and read back with exceljs: Chinese
 * headings under a title row, the search the user typed applied, ID and phone numbers
 * masked for a registrar (nothing logged) and in full for a supervisor (one access-log
 * entry naming the list, the filter and the row count).
 */
async function office() {
  const desk = await openTestDesk(new Date('2026-07-02T09:00:00+08:00'));
  const family = await registerHousehold(desk.db, desk.ctx, threeMemberHousehold('rural'));
  const head = present(family.members[0]).person;
  return { ...desk, family, head };
}

describe('persons export', () => {
  it('writes the search the screen applied, masked for a registrar, and logs nothing', async () => {
    const { db, ctx, head } = await office();
    const before = await db.accessLog.count();
    const file = await runListExport(db, ctx, personsList, personsSource(db, '张'));
    expect(file.full).toBe(false);
    const sheet = await readBack(file.bytes);
    expect(sheet.title).toContain('人员名单');
    expect(sheet.title).toContain('筛选：姓名或身份证号“张”');
    expect(sheet.title).toContain('2026-07-02');
    expect(sheet.frozen).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.headers.slice(0, 4)).toEqual(['姓名', '身份证号码', '性别', '出生日期']);
    // 张三丰 and 张小明 match 张; 李秀英 does not.
    const names = sheet.rows.map((r) => r[column(sheet.headers, '姓名')]);
    expect(names.sort()).toEqual(['张三丰', '张小明']);
    expect(file.rows).toBe(2);
    const headRow = present(sheet.rows.find((r) => r[0] === '张三丰'));
    expect(headRow[column(sheet.headers, '身份证号码')]).toBe(maskIdNumber(head.idNumber));
    expect(headRow[column(sheet.headers, '村（社区）')]).toBe('东村');
    expect(headRow[column(sheet.headers, '性别')]).toBe('男');
    expect(await db.accessLog.count()).toBe(before);
  });

  it('gives a supervisor full numbers and logs the export with list, filter and rows', async () => {
    const { db, as, head } = await office();
    const supervisor = as('supervisor');
    const file = await runListExport(db, supervisor, personsList, personsSource(db, ''));
    expect(file.full).toBe(true);
    const sheet = await readBack(file.bytes);
    expect(sheet.rows).toHaveLength(3);
    const headRow = present(sheet.rows.find((r) => r[0] === '张三丰'));
    expect(headRow[column(sheet.headers, '身份证号码')]).toBe(head.idNumber);
    const log = await accessLogOf(db, 'persons');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      action: 'export',
      subjectKind: 'list',
      createdBy: 'user-supervisor',
    });
    expect(present(log[0]).purpose).toContain('3 行');
    expect(present(log[0]).purpose).toContain('筛选：全部');
    expect((await db.queue.toArray()).filter((e) => e.kind === 'accessLog')).toHaveLength(1);
  });

  it('exports 20,000 persons page by page with progress reported', async () => {
    const { db, ctx } = await office();
    const stamper = new RecordStamper('office-chengguan', 'dev-x', ctx.actor, Date.now());
    const records = generateOffice(5, { persons: 20_000, cases: 0 }, stamper);
    const persons = records.filter((r) => r.kind === 'person').map((r) => r.record);
    const households = records.filter((r) => r.kind === 'household').map((r) => r.record);
    await db.persons.bulkAdd(persons as never[]);
    await db.households.bulkAdd(households as never[]);
    const total = await db.persons.count();
    const progress: [number, number | undefined][] = [];
    const file = await runListExport(db, ctx, personsList, personsSource(db, ''), (done, all) =>
      progress.push([done, all]),
    );
    expect(file.rows).toBe(total);
    expect(progress.length).toBeGreaterThan(20);
    expect(progress.at(-1)).toEqual([total, total]);
    const sheet = await readBack(file.bytes);
    expect(sheet.rows).toHaveLength(total);
    expect(String(present(sheet.rows[0])[1])).toMatch(/^\d{6}\*{8}[\dX]{4}$/);

    // Every match of a search, past the first export page (a pinyin initial), and of a
    // surname (paged from its index).
    const all = await db.persons.toArray();
    const counts = new Map<string, number>();
    for (const p of all) counts.set(p.name.slice(0, 1), (counts.get(p.name.slice(0, 1)) ?? 0) + 1);
    const [surname, ofSurname] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    const initial =
      surname === ''
        ? ''
        : (all.find((p) => p.name.startsWith(surname))?.searchTokens[1] ?? '').slice(0, 1);
    const byInitial = all.filter((p) => p.searchTokens.some((t) => t.startsWith(initial))).length;
    expect(byInitial).toBeGreaterThan(1000);
    for (const [words, matches] of [
      [surname, ofSurname],
      [initial, Math.min(byInitial, 10_000)],
    ] as const) {
      const found = await runListExport(db, ctx, personsList, personsSource(db, words), () => {});
      expect(found.rows).toBe(matches);
    }
  }, 180_000);
});

describe('the filter in words', () => {
  it('never logs a full ID number typed into the search box', async () => {
    const { db, as, head } = await office();
    const file = await runListExport(
      db,
      as('supervisor'),
      personsList,
      personsSource(db, head.idNumber),
    );
    expect(file.rows).toBe(1);
    const [entry] = await accessLogOf(db, 'persons');
    expect(present(entry).purpose).toContain(maskIdNumber(head.idNumber));
    expect(present(entry).purpose).not.toContain(head.idNumber);
    expect(searchInWords('3301021960')).toBe('330102****');
    expect(searchInWords('张三')).toBe('张三');
    expect(searchInWords('0135')).toBe('0135');
  });
});

describe('no log, no file', () => {
  it('hands out nothing when the access-log entry of a full export cannot be written', async () => {
    const { db, as } = await office();
    const queued = await db.queue.count();
    // The store refuses the entry (as a full disk would) inside the real write path.
    db.accessLog.hook('creating', () => {
      throw new Error('QuotaExceededError');
    });
    await expect(
      runListExport(db, as('supervisor'), personsList, personsSource(db, '')),
    ).rejects.toThrow('QuotaExceededError');
    expect(await db.accessLog.count()).toBe(0);
    expect(await db.queue.count()).toBe(queued);
  });
});
