import { describe, expect, it } from 'vitest';
import { matchColumns } from '@shared/import/headings';
import { householdColumns } from '@shared/import/householdRoster';
import { AppError } from '@shared/errors/appError';
import {
  dryRunHouseholds,
  householdPlan,
  type MatchChoice,
} from '../../../renderer/src/db/repositories/import/householdImport';
import { commitHouseholds } from '../../../renderer/src/db/repositories/import/householdCommit';
import { ImportCancelled } from '../../../renderer/src/db/repositories/import/importRun';
import {
  readRosterFile,
  rosterSheet,
} from '../../../renderer/src/db/repositories/import/readSheet';
import { reportWorkbook } from '../../../renderer/src/db/repositories/import/reportSheet';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import { write } from '../../../renderer/src/db/writePath';
import {
  openTestDesk,
  personInput,
  queuedAfterSetup,
  threeMemberHousehold,
} from '../../fakes/deskFixtures';
import { idFor, personRow, readXlsx, singles, xlsxFile } from './importFiles';

const today = '2026-03-02';

async function load(bytes: ArrayBuffer, name = '花名册.xlsx') {
  const all = await readRosterFile(name, bytes);
  const sheet = rosterSheet(all, 1);
  return { sheet, mapping: matchColumns(sheet.header, householdColumns) };
}

async function snapshot(db: Awaited<ReturnType<typeof openTestDesk>>['db']) {
  return {
    persons: await db.persons.count(),
    households: await db.households.count(),
    queue: await db.queue.count(),
    revisions: await db.revisions.count(),
  };
}

const wangFamily = [
  personRow(1, '王大山', '王大山', '户主', idFor(1), { phone: '13800138000' }),
  personRow(2, '王大山', '刘小芳', '妻', idFor(2)),
  personRow(3, '王大山', '王小宝', '子', idFor(3)),
  personRow(4, '赵一', '赵一', '本人', idFor(4), { village: '西村' }),
];

describe('household roster import: dry run', () => {
  it('reads a clean sheet, writes nothing, and finds no problem', async () => {
    const { db } = await openTestDesk();
    const before = await snapshot(db);
    const { sheet, mapping } = await load(await xlsxFile(wangFamily));
    expect(sheet.rows).toHaveLength(4);
    expect(sheet.sheetRowOf).toEqual([3, 4, 5, 6]);
    const dry = await dryRunHouseholds(db, sheet, mapping, today);
    expect(dry.problems).toEqual([]);
    expect(householdPlan(dry, new Map()).households.map((h) => h.rows)).toEqual([[0, 1, 2], [3]]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('reports bad rows of every kind, grouped, with the affected rows', async () => {
    const { db, ctx } = await openTestDesk();
    await registerHousehold(db, ctx, threeMemberHousehold('rural')); // village 东村, 张三丰…
    const registered = threeMemberHousehold('rural').members[0];
    const registeredId = registered && 'person' in registered ? registered.person.idNumber : '';
    const badChecksum = idFor(20).slice(0, 17) + (idFor(20).endsWith('0') ? '1' : '0');
    const rows = [
      personRow(1, '钱一', '钱一', '户主', idFor(10)), // 0 fine
      personRow(2, '钱一', '钱二', '子', badChecksum), // 1 bad ID
      personRow(3, '钱一', '钱三', '女', idFor(10)), // 2 duplicate within the file
      personRow(4, '张三丰', '张三丰', '户主', registeredId), // 3 already registered
      personRow(5, '孙一', '孙一', '户主', idFor(11), { village: '南山村' }), // 4 unknown village
      personRow(6, '孙一', '孙二', '子', idFor(12), { birth: '2031-01-01', village: '南山村' }), // 5 date out of range
      personRow(7, '孙一', '', '子', idFor(13), { village: '南山村' }), // 6 required cell empty
      personRow(8, '李一', '李一', '邻居', idFor(14)), // 7 unknown relation; 李一 has no head
    ];
    const { sheet, mapping } = await load(await xlsxFile(rows));
    const before = await snapshot(db);
    const dry = await dryRunHouseholds(db, sheet, mapping, today);
    expect(await snapshot(db)).toEqual(before);
    const by = (group: string) =>
      dry.problems.filter((p) => p.group === group).map((p) => [p.row, p.code]);
    expect(by('bad_id')).toEqual([[1, 'id.checksum']]);
    expect(by('duplicate')).toEqual([[2, 'import.duplicate_in_file']]);
    expect(by('in_registry')).toEqual([[3, 'import.in_registry_household']]);
    expect(by('unknown_village')).toEqual([[4, 'import.unknown_village']]);
    expect(by('date')).toEqual([[5, 'import.date_range']]);
    expect(by('required')).toEqual([[6, 'import.required']]);
    expect(by('value')).toEqual([
      [7, 'import.relation'],
      [7, 'import.no_head'],
    ]);
    expect(dry.matches.get(3)?.name).toBe('张三丰');

    // The report: the office's rows as they were, each with its problems in 问题.
    const bytes = await reportWorkbook(sheet, dry.problems, (p) => p.code);
    const report = await readXlsx(bytes);
    expect(report[0]?.at(-1)).toBe('问题');
    expect(report[0]?.[0]).toBe('原表行号');
    expect(report).toHaveLength(9);
    expect(report[1]?.at(-1)).toBe('');
    expect(report[2]?.[5]).toBe(badChecksum);
    expect(report[2]?.at(-1)).toBe('id.checksum');
    expect(report[8]?.at(-1)).toBe('import.relation；import.no_head');
    expect(report[8]?.[0]).toBe('10');

    // A commit is refused while the dry run has errors, and writes nothing.
    await expect(
      commitHouseholds(db, ctxAs(ctx, 'supervisor'), { sheet, mapping, dry, choices: new Map() }),
    ).rejects.toMatchObject({ fieldErrors: [{ code: 'import.has_errors' }] });
    expect(await snapshot(db)).toEqual(before);
  });

  it('reads CSV saved as UTF-8 or as GB18030 by Excel', async () => {
    const { db } = await openTestDesk();
    const text = ['户主姓名,姓名,与户主关系,身份证号', `周一,周一,户主,${idFor(30)}`].join('\r\n');
    const gbk = Uint8Array.from([
      0xbb,
      0xa7,
      0xd6,
      0xf7,
      0xd0,
      0xd5,
      0xc3,
      0xfb,
      0x2c, // 户主姓名,
      0xd0,
      0xd5,
      0xc3,
      0xfb,
      0x2c, // 姓名,
      0xd3,
      0xeb,
      0xbb,
      0xa7,
      0xd6,
      0xf7,
      0xb9,
      0xd8,
      0xcf,
      0xb5,
      0x2c, // 与户主关系,
      0xc9,
      0xed,
      0xb7,
      0xdd,
      0xd6,
      0xa4,
      0xba,
      0xc5, // 身份证号
    ]);
    for (const bytes of [new TextEncoder().encode(text), gbk]) {
      const all = await readRosterFile('x.csv', bytes.slice().buffer);
      const sheet = rosterSheet(all, 0);
      expect(sheet.header).toEqual(['户主姓名', '姓名', '与户主关系', '身份证号']);
      const mapping = matchColumns(sheet.header, householdColumns);
      if (sheet.rows.length > 0) {
        expect((await dryRunHouseholds(db, sheet, mapping, today)).problems).toEqual([]);
      }
    }
  });
});

function ctxAs(
  ctx: Awaited<ReturnType<typeof openTestDesk>>['ctx'],
  role: 'supervisor' | 'registrar',
) {
  return { ...ctx, actor: { userId: `user-${role}`, name: role, role } };
}

describe('household roster import: commit', () => {
  it('writes every household and person, each with one queue entry, as a supervisor', async () => {
    const { db, ctx } = await openTestDesk();
    const { sheet, mapping } = await load(await xlsxFile(wangFamily));
    const dry = await dryRunHouseholds(db, sheet, mapping, today);
    const progress: number[] = [];
    const result = await commitHouseholds(
      db,
      ctxAs(ctx, 'supervisor'),
      { sheet, mapping, dry, choices: new Map() },
      { onProgress: (p) => progress.push(p.done) },
    );
    expect(result).toEqual({ households: 2, persons: 4, linked: 0 });
    expect(progress.at(-1)).toBe(4);
    const queued = await queuedAfterSetup(db);
    expect(queued.map((e) => `${e.kind}:${e.op}`)).toEqual([
      'person:create',
      'person:create',
      'person:create',
      'household:create',
      'person:create',
      'household:create',
    ]);
    expect(new Set(queued.map((e) => e.recordId)).size).toBe(6);
    expect(new Set(queued.map((e) => e.txId)).size).toBe(1);
    const wang = await db.households
      .where('headPersonId')
      .equals(queued[0]?.recordId ?? '')
      .first();
    expect(wang).toMatchObject({
      headName: '王大山',
      villageName: '东村',
      hukouType: 'rural',
      areaCode: '330102',
    });
    expect(wang?.members.map((m) => m.relation)).toEqual(['self', 'spouse', 'child']);
    const wife = await db.persons.get(wang?.members[1]?.personId ?? '');
    expect(wife).toMatchObject({ name: '刘小芳', householdId: wang?.id, sex: 'male' });
  });

  it('links a registered person without a household when chosen, skips one when not', async () => {
    const { db, ctx } = await openTestDesk();
    const loner = await write(db, ctx, (w) =>
      w.create('person', {
        ...personInput({ name: '刘小芳', idNumber: idFor(2) }),
        householdId: null,
      }),
    );
    const { sheet, mapping } = await load(await xlsxFile(wangFamily));
    const dry = await dryRunHouseholds(db, sheet, mapping, today);
    expect(dry.problems.map((p) => [p.row, p.code, p.severity])).toEqual([
      [1, 'import.in_registry', 'warning'],
    ]);
    const link = new Map<number, MatchChoice>([[1, 'link']]);
    const result = await commitHouseholds(db, ctxAs(ctx, 'supervisor'), {
      sheet,
      mapping,
      dry,
      choices: link,
    });
    expect(result).toEqual({ households: 2, persons: 3, linked: 1 });
    const joined = await db.persons.get(loner.id);
    expect(joined?.householdId).not.toBeNull();
    const revision = await db.revisions.filter((r) => r.recordId === loner.id).first();
    expect(revision?.reason).toBe('名册导入时加入家庭');
    expect(await db.persons.count()).toBe(4);
  });

  it('skipping a registered head refuses the new members of that household', async () => {
    const { db, ctx } = await openTestDesk();
    await write(db, ctx, (w) =>
      w.create('person', {
        ...personInput({ name: '王大山', idNumber: idFor(1) }),
        householdId: null,
      }),
    );
    const { sheet, mapping } = await load(await xlsxFile(wangFamily));
    const dry = await dryRunHouseholds(db, sheet, mapping, today);
    const plan = householdPlan(dry, new Map([[0, 'skip']]));
    expect(plan.problems.map((p) => [p.row, p.code])).toEqual([
      [1, 'import.head_skipped'],
      [2, 'import.head_skipped'],
    ]);
    await expect(
      commitHouseholds(db, ctxAs(ctx, 'supervisor'), { sheet, mapping, dry, choices: new Map() }),
    ).rejects.toThrow(AppError);
  });

  it('a cancel halfway leaves nothing behind', async () => {
    const { db, ctx } = await openTestDesk();
    const { sheet, mapping } = await load(await xlsxFile(singles(700)));
    const dry = await dryRunHouseholds(db, sheet, mapping, today);
    expect(dry.problems).toEqual([]);
    const before = await snapshot(db);
    const controller = new AbortController();
    const seen: number[] = [];
    const run = commitHouseholds(
      db,
      ctxAs(ctx, 'supervisor'),
      { sheet, mapping, dry, choices: new Map() },
      {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p.done);
          if (p.done >= 400) controller.abort();
        },
      },
    );
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
    expect(seen).toEqual([200, 400]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('a failure at row N (the registry changed since the dry run) leaves nothing behind', async () => {
    const { db, ctx } = await openTestDesk();
    const { sheet, mapping } = await load(await xlsxFile(singles(300)));
    const dry = await dryRunHouseholds(db, sheet, mapping, today);
    // Someone registers row 250's person after the dry run.
    await write(db, ctx, (w) =>
      w.create('person', {
        ...personInput({ name: '户主250', idNumber: idFor(250) }),
        householdId: null,
      }),
    );
    const before = await snapshot(db);
    const failure = await commitHouseholds(db, ctxAs(ctx, 'supervisor'), {
      sheet,
      mapping,
      dry,
      choices: new Map(),
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({
      code: 'duplicate',
      details: { row: 250 },
      fieldErrors: [{ code: 'person.duplicate_id' }],
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('only a supervisor imports', async () => {
    const { db, ctx } = await openTestDesk();
    const { sheet, mapping } = await load(await xlsxFile(wangFamily));
    const dry = await dryRunHouseholds(db, sheet, mapping, today);
    await expect(
      commitHouseholds(db, ctxAs(ctx, 'registrar'), { sheet, mapping, dry, choices: new Map() }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.persons.count()).toBe(0);
  });
});
