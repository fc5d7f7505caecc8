import { afterEach, expect, it } from 'vitest';
import { matchColumns } from '@shared/import/headings';
import { householdColumns } from '@shared/import/householdRoster';
import { dryRunHouseholds } from '../../../renderer/src/db/repositories/import/householdImport';
import { commitHouseholds } from '../../../renderer/src/db/repositories/import/householdCommit';
import {
  readRosterFile,
  rosterSheet,
} from '../../../renderer/src/db/repositories/import/readSheet';
import { hqOfficeRecords, startHq, type RunningHq } from '../../support/hqHarness';
import {
  deskOfficeRecords,
  enroll,
  openOfficeDesk,
  recordDifferences,
  sync,
} from '../../support/syncDesks';
import { idFor, personRow, xlsxFile } from '../import/importFiles';

/**
 * An imported roster is ordinary changes: the queue entries the commit left are pushed
 * to a real HQ, which checks each with the kind's schema, rules and authority as any
 * hand-entered household, and accepts every one; HQ then holds what the desk holds.
 */
let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

it('HQ accepts every change of an imported roster and ends with the same records', async () => {
  hq = await startHq();
  const desk = await openOfficeDesk('office-east', 'A');
  await enroll(desk, hq);
  await sync(desk); // the setup's own changes first
  const rows = [
    personRow(1, '王大山', '王大山', '户主', idFor(1)),
    personRow(2, '王大山', '刘小芳', '配偶', idFor(2)),
    personRow(3, '王大山', '王小宝', '子', idFor(3)),
    personRow(4, '赵一', '赵一', '户主', idFor(4), { village: '西村' }),
  ];
  const all = await readRosterFile('roster.xlsx', await xlsxFile(rows));
  const sheet = rosterSheet(all, 1);
  const mapping = matchColumns(sheet.header, householdColumns);
  const dry = await dryRunHouseholds(desk.db, sheet, mapping, '2026-03-02');
  expect(dry.problems).toEqual([]);
  await commitHouseholds(desk.db, desk.as('supervisor'), {
    sheet,
    mapping,
    dry,
    choices: new Map(),
  });
  expect(await desk.db.queue.count()).toBe(6);
  const report = await sync(desk);
  expect(report).toMatchObject({ pushed: 6, rejected: 0, conflicts: 0 });
  expect(await desk.db.queue.count()).toBe(0);
  expect(
    recordDifferences(await hqOfficeRecords(hq.hq, 'office-east'), await deskOfficeRecords(desk)),
  ).toEqual([]);
});
