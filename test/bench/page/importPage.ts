/**
 * The roster import in Chromium (real IndexedDB on an on-disk profile), called by
 * test/bench/importBench.ts through page.evaluate: an XLSX of `rows` persons in
 * households of one to four is made with exceljs, read (readRosterFile), checked
 * (dryRunHouseholds) and committed (commitHouseholds: one write() transaction), while a
 * 20 ms timer measures the longest stall of the window. The same records are then
 * bulkPut raw into a second database: the import's rate against the raw apply rate.
 */
import ExcelJS from 'exceljs';
import { addDays } from '@shared/calendar/dates';
import { findHeaderRow, matchColumns } from '@shared/import/headings';
import { householdColumns } from '@shared/import/householdRoster';
import { residentIdCheckChar } from '@shared/identity/residentId';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { createSettingsIn, ensureDeviceId } from '../../../renderer/src/db/repositories/settings';
import { dryRunHouseholds } from '../../../renderer/src/db/repositories/import/householdImport';
import { commitHouseholds } from '../../../renderer/src/db/repositories/import/householdCommit';
import {
  readRosterFile,
  rosterSheet,
} from '../../../renderer/src/db/repositories/import/readSheet';
import type { WriteContext } from '../../../renderer/src/db/writeContext';
import { write } from '../../../renderer/src/db/writePath';
import { testOfficeId, testSettings } from '../../fakes/deskFixtures';
import { latestSchemaVersion } from '../../../renderer/src/db/schema';
import { useTestDataKeys } from '../../support/testDataKeys';

useTestDataKeys();

const relations = ['户主', '配偶', '子', '女'];

async function rosterXlsx(rows: number): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('花名册');
  sheet.addRow(['城关镇家庭成员花名册']);
  sheet.addRow(['户主姓名', '姓名', '与户主关系', '公民身份号码', '村（社区）', '联系电话']);
  let head = '';
  let village = '';
  let member = 0;
  let size = 1;
  for (let i = 0; i < rows; i++) {
    if (member === 0) {
      size = 1 + (i % 4);
      head = `户主${i}`;
      village = `村${i % 40}`;
    }
    const first17 = `330102${addDays('1940-01-01', i % 25000).replaceAll('-', '')}${String(101 + Math.floor(i / 25000) * 2).padStart(3, '0')}`;
    const name = member === 0 ? head : `成员${i}`;
    sheet.addRow([
      head,
      name,
      relations[member] ?? '子',
      first17 + residentIdCheckChar(first17),
      village,
      '',
    ]);
    member = (member + 1) % size;
  }
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer).slice().buffer;
}

/** The longest gap between ticks of a 20 ms timer while `work` runs: how long the window froze. */
async function longestStall<T>(
  work: () => Promise<T>,
): Promise<{ result: T; stallMs: number; stallAtMs: number; stallsOver100: number }> {
  const start = performance.now();
  let last = start;
  let stallMs = 0;
  let stallAtMs = 0;
  let stallsOver100 = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last > 100) stallsOver100++;
    if (now - last > stallMs) {
      stallMs = now - last;
      stallAtMs = Math.round(now - start);
    }
    last = now;
  }, 20);
  try {
    const result = await work();
    return { result, stallMs: Math.round(stallMs), stallAtMs, stallsOver100 };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Rows per second over the commit's first and last fifth of rows (from its progress
 * reports): the same if the per-row cost does not grow with the transaction.
 */
function fifthRates(marks: readonly { at: number; done: number }[]) {
  const total = marks.at(-1)?.done ?? 0;
  const rate = (from: number, to: number) => {
    const a = marks.find((m) => m.done >= from) ?? marks[0];
    const b = marks.find((m) => m.done >= to) ?? marks.at(-1);
    return a && b && b.at > a.at ? Math.round(((b.done - a.done) / (b.at - a.at)) * 1000) : null;
  };
  return {
    commitRowsPerSecFirstFifth: rate(0, total / 5),
    commitRowsPerSecLastFifth: rate((total * 4) / 5, total),
  };
}

const importBench = {
  async run(rows: number) {
    const db = new DeskDatabase(`bench-import-${Date.now()}`);
    await db.open();
    const deviceId = await ensureDeviceId(db);
    const as = (role: 'admin' | 'supervisor'): WriteContext => ({
      actor: { userId: `user-${role}`, name: role, role },
      officeId: testOfficeId,
      deviceId,
      now: () => new Date(),
    });
    await write(db, as('admin'), async (w) => {
      for (const role of ['admin', 'supervisor'] as const) {
        const staff = {
          username: role,
          displayName: role,
          roles: [role],
          disabled: false,
          deviceId,
        };
        await w.create('staffMember', staff, `user-${role}`);
      }
      await createSettingsIn(w, testSettings);
    });
    const bytes = await rosterXlsx(rows);
    const t0 = performance.now();
    const all = await readRosterFile('bench.xlsx', bytes);
    const sheet = rosterSheet(all, findHeaderRow(all, householdColumns));
    const mapping = matchColumns(sheet.header, householdColumns);
    const t1 = performance.now();
    const today = new Date().toISOString().slice(0, 10);
    const dry = await longestStall(() => dryRunHouseholds(db, sheet, mapping, today));
    const errors = dry.result.problems.filter((p) => p.severity === 'error').length;
    if (errors > 0) {
      const first = dry.result.problems[0];
      throw new Error(
        `The generated roster has ${errors} errors, first ${first?.code} at ${first?.row}`,
      );
    }
    const t2 = performance.now();
    // When each progress report came: whether the rate falls as the one transaction grows.
    const marks: { at: number; done: number }[] = [{ at: performance.now(), done: 0 }];
    const commit = await longestStall(() =>
      commitHouseholds(
        db,
        as('supervisor'),
        { sheet, mapping, dry: dry.result, choices: new Map() },
        { onProgress: (p) => marks.push({ at: performance.now(), done: p.done }) },
      ),
    );
    const t3 = performance.now();
    const progressEvents = marks.length - 1;
    // The raw side: the same records, bulkPut in pages of 1,000, one transaction a page.
    const persons = await db.persons.toArray();
    const households = await db.households.toArray();
    const rawDb = new DeskDatabase(`bench-import-raw-${Date.now()}`, latestSchemaVersion, {
      plain: true,
    });
    await rawDb.open();
    const t4 = performance.now();
    for (let i = 0; i < persons.length; i += 1000) {
      await rawDb.transaction('rw', rawDb.persons, rawDb.households, async () => {
        await rawDb.persons.bulkPut(persons.slice(i, i + 1000));
        await rawDb.households.bulkPut(households.slice(i / 2, i / 2 + 500));
      });
    }
    for (let i = Math.ceil(persons.length / 1000) * 500; i < households.length; i += 1000) {
      await rawDb.households.bulkPut(households.slice(i, i + 1000));
    }
    const t5 = performance.now();
    const queued = await db.queue.count();
    const stored = await rawDb.households.count();
    await rawDb.delete();
    await db.delete();
    const heap = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return {
      rows: sheet.rows.length,
      errors,
      persons: commit.result.persons,
      households: commit.result.households,
      queued,
      rawStoredHouseholds: stored,
      readMs: Math.round(t1 - t0),
      dryRunMs: Math.round(t2 - t1),
      dryRunStallMs: dry.stallMs,
      commitMs: Math.round(t3 - t2),
      commitStallMs: commit.stallMs,
      commitStallAtMs: commit.stallAtMs,
      commitStallsOver100Ms: commit.stallsOver100,
      progressEvents,
      ...fifthRates(marks),
      rawMs: Math.round(t5 - t4),
      heapMb: heap ? Math.round(heap.usedJSHeapSize / 1024 ** 2) : null,
    };
  },
};

export type ImportPageBench = typeof importBench;

declare global {
  interface Window {
    importBench: ImportPageBench;
  }
}

window.importBench = importBench;
document.body.dataset.ready = 'true';
