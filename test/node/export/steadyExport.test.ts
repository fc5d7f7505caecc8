import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors/appError';
import type { Person } from '../../../renderer/src/db/repositories/persons';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import { runListExport } from '../../../renderer/src/db/repositories/export/runListExport';
import { casesSource } from '../../../renderer/src/db/repositories/export/casesSource';
import { householdsSource } from '../../../renderer/src/db/repositories/export/personsSource';
import { steadyReadAttempts } from '../../../renderer/src/db/repositories/export/steadyRead';
import { write } from '../../../renderer/src/db/writePath';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import type { WriteContext } from '../../../renderer/src/db/writeContext';
import type { ListSource } from '../../../renderer/src/export/listDefinition';
import { personsList, type PersonRow } from '../../../renderer/src/export/lists/persons';
import { openTestDesk, threeMemberHousehold } from '../../fakes/deskFixtures';
import { column, present, readBack } from './readBack';

/**
 * A list is exported as pages read in separate transactions; a change to its table while
 * they are read (a save in another window, a pull the sync worker applies) has the list
 * read again from the start, so the file is the list as it was at one moment: no row
 * twice, none missed (db/repositories/export/steadyRead.ts). A reading stops at the
 * first page after the change.
 */
async function office() {
  const desk = await openTestDesk(new Date('2026-07-02T09:00:00+08:00'));
  await registerHousehold(desk.db, desk.ctx, threeMemberHousehold('rural'));
  return desk;
}

/**
 * The persons, one a page by id, counting its readings; `afterFirstPage(reading)` runs
 * (and is waited for) between each reading's first and second page.
 */
function onePerPage(
  db: DeskDatabase,
  readings: { count: number; pages: number },
  afterFirstPage: (reading: number) => Promise<void>,
): ListSource<PersonRow> {
  return {
    filterWords: '',
    tables: [db.persons.name],
    pages: async function* () {
      readings.count += 1;
      let after: string | undefined;
      for (;;) {
        const range =
          after === undefined ? db.persons.orderBy('id') : db.persons.where('id').above(after);
        const page: Person[] = await range.limit(1).toArray();
        const person = page[0];
        if (!person) return;
        const first = after === undefined;
        after = person.id;
        readings.pages += 1;
        yield [{ person, household: undefined }];
        if (first) await afterFirstPage(readings.count);
      }
    },
  };
}

/** A correction of a person's address through the write path, as another window makes it. */
async function moveHouse(db: DeskDatabase, ctx: WriteContext, id: string, address: string) {
  const current = present(await db.persons.get(id));
  await write(db, ctx, (w) =>
    w.update('person', id, current.version, { currentAddress: address }, { reason: '更正住址' }),
  );
}

describe('a list that changes while it is exported', () => {
  it('watches the persons too where a search finds households or cases through them', async () => {
    const { db } = await office();
    expect(householdsSource(db, '').tables).toEqual([db.households.name]);
    expect(householdsSource(db, '330102').tables).toEqual([db.households.name, db.persons.name]);
    const filter = { today: '2026-07-02' };
    expect(casesSource(db, filter).tables).toEqual([db.cases.name]);
    expect(casesSource(db, { ...filter, query: '张' }).tables).toEqual([
      db.cases.name,
      db.persons.name,
    ]);
  });

  it('is read again, and the file holds each row once, as it is after the change', async () => {
    const { db, ctx } = await office();
    const first = present(await db.persons.orderBy('id').first());
    const readings = { count: 0, pages: 0 };
    // After the first page, once: its person's address is corrected behind the reading.
    const source = onePerPage(db, readings, async (reading) => {
      if (reading === 1) await moveHouse(db, ctx, first.id, '城关镇解放路9号');
    });
    const progress: number[] = [];
    const file = await runListExport(db, ctx, personsList, source, (_done, _total, reading) => {
      progress.push(reading ?? 0);
    });
    expect(readings.count).toBe(2);
    // The first reading stopped at the page after the change: 2 of 3 pages, then all 3.
    expect(readings.pages).toBe(5);
    // The button says the list is read again (名单有变动，重新导出…).
    expect(progress.at(0)).toBe(1);
    expect(progress.at(-1)).toBe(2);
    const sheet = await readBack(file.bytes);
    expect(file.rows).toBe(3);
    expect(sheet.rows).toHaveLength(3);
    const names = sheet.rows.map((r) => r[column(sheet.headers, '姓名')]);
    expect(new Set(names).size).toBe(3);
    const row = present(sheet.rows.find((r) => r[0] === first.name));
    expect(row[column(sheet.headers, '现住址')]).toBe('城关镇解放路9号');
  });

  it('reads once when only other tables change meanwhile', async () => {
    const { db, ctx } = await office();
    const readings = { count: 0, pages: 0 };
    // A household's change only: the persons table is not written.
    const source = onePerPage(db, readings, async (reading) => {
      if (reading > 1) return;
      await db.transaction('rw', db.households, async () => {
        const household = present(await db.households.toCollection().first());
        await db.households.put({ ...household, address: '解放路10号' });
      });
    });
    const file = await runListExport(db, ctx, personsList, source);
    expect(readings.count).toBe(1);
    expect(file.rows).toBe(3);
  });

  it('gives up with a conflict after every reading saw a change, and logs nothing', async () => {
    const { db, ctx, as } = await office();
    const supervisor = as('supervisor');
    const first = present(await db.persons.orderBy('id').first());
    const before = await db.accessLog.count();
    const readings = { count: 0, pages: 0 };
    // Every reading sees the address corrected again behind it (a long pull under way).
    const source = onePerPage(db, readings, (reading) =>
      moveHouse(db, ctx, first.id, `城关镇新街${reading}号`),
    );
    const error = await runListExport(db, supervisor, personsList, source).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'conflict', details: { reason: 'list_kept_changing' } });
    expect(readings.count).toBe(steadyReadAttempts);
    expect(readings.pages).toBe(2 * steadyReadAttempts);
    expect(await db.accessLog.count()).toBe(before);
  });
});
