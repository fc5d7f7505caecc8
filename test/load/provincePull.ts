import { perSec } from '../bench/rates';
import { join } from 'node:path';
import { checkCopies, copyOffice, openSql, streamSeq } from './officeCopy';
import type { GeneratedRecord, OfficeSize } from '../bench/generator';
import { quickSize } from '../bench/generator';
import { barePull, loadOfficeOnDesk, pushQueued } from '../bench/deskOffice';
import { startBareServer } from '../bench/syncBench';
import { profileProcessDuring } from '../bench/cpuProfile';
import { adminToken, freshPlace, postJson } from '../support/hqHarness';
import { buildHqCli, enrollViaAdmin, spawnHq } from '../support/hqProcess';
import { recordTable } from '../../renderer/src/db/database';
import type { SyncReport } from '@shared/sync/engine';
import { connect, officeKinds, openOfficeDesk, sync, type SyncDesk } from '../support/syncDesks';

/**
 * `npm run load -- --province [--offices 100] [--records 50000] [--out file.json]
 * [--profile FILE]`
 * (issue #17 item 4, its second part): one office's initial pull from a province-sized
 * HQ, against the bare baseline of the same records in the same run.
 *
 * One office (the template) is generated on a Node desk and pushed through the real HQ
 * (a child process over PostgreSQL, as `npm run load` starts one). Its changes and
 * records are then copied in SQL to the other offices, each with its own office id in
 * every snapshot, the offices' changes interleaved as a county's days interleave them
 * (an office's rows spread over the whole table, not one run of pages). A fresh desk of
 * one copied office then pulls through the real engine, store and signatures. Also
 * measured: the template's pull by a fresh desk before the copy (one office at HQ).
 * Not copied: applied_ops (HQ's record of ops seen, which a pull never reads).
 */

export interface ProvinceOptions {
  offices: number;
  /** Records per office, about (the bench generator's mix, scaled from its quick size). */
  records: number;
  seed: number;
  databaseUrl: string | null;
  /** A CPU profile of this process (the desk) during the province pull, written here. */
  profile?: string;
  log?: (line: string) => void;
}

export interface PullFigures {
  records: number;
  ms: number;
  perSec: number;
}

export interface ProvinceResult {
  storage: 'postgres' | 'sqlite';
  offices: number;
  recordsPerOffice: number;
  /** Rows in HQ's change log and record table once every office is in. */
  hqRows: { changes: number; records: number };
  databaseMb: number | null;
  pushMs: number;
  copyMs: number;
  /** The template office's pull while it was HQ's only office of this size. */
  alone: PullFigures;
  /** A copied office's pull from the province-sized HQ. */
  province: PullFigures;
  /** The mean of the bare pull before and after the province pull. */
  bare: PullFigures;
  /** province.perSec / bare.perSec (target ≥ 0.8). */
  ratio: number;
  /** The province pull ran under the CPU profiler (--profile) and the bare pulls did not. */
  profiled: boolean;
}

/** The generator's quick mix (8,571 records at seed 1) scaled to about `records`. */
export function officeOfSize(records: number): OfficeSize {
  const f = records / 8_571;
  const scaled = (n: number | undefined) => Math.max(1, Math.round((n ?? 0) * f));
  return {
    persons: scaled(quickSize.persons),
    cases: scaled(quickSize.cases),
    institutions: scaled(quickSize.institutions),
    bedsPerInstitution: quickSize.bedsPerInstitution ?? 30,
    volunteers: scaled(quickSize.volunteers),
    serviceRecords: scaled(quickSize.serviceRecords),
  };
}

const officeIdOf = (n: number) => `330102${String(n).padStart(3, '0')}`;
const figures = (records: number, ms: number): PullFigures => ({
  records,
  ms: Math.round(ms),
  perSec: perSec(records, ms),
});

async function enrolledDesk(url: string, officeId: string, name: string): Promise<SyncDesk> {
  const desk = await openOfficeDesk(officeId, name);
  await connect(desk, await enrollViaAdmin(url, officeId, desk.deviceId), url);
  await sync(desk); // its first run's own records, and the reference data
  return desk;
}

export async function runProvincePull(options: ProvinceOptions): Promise<ProvinceResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (!Number.isInteger(options.offices) || options.offices < 2)
    throw new RangeError('--offices wants at least 2 (the template and one copy)');
  const storage = options.databaseUrl ? 'postgres' : 'sqlite';
  const place = await freshPlace({ kind: storage, serverUrl: options.databaseUrl });
  const cleanups: (() => Promise<unknown>)[] = [() => place.drop()];
  const desks: SyncDesk[] = [];
  const logLevel = process.env.HQ_LOG_LEVEL;
  try {
    const { cli, remove } = await buildHqCli();
    cleanups.unshift(remove);
    process.env.HQ_LOG_LEVEL = 'warn';
    const hq = await spawnHq(place, cli).finally(() => {
      if (logLevel === undefined) delete process.env.HQ_LOG_LEVEL;
      else process.env.HQ_LOG_LEVEL = logLevel;
    });
    cleanups.unshift(() => hq.stop());
    const sql = await openSql(place);
    cleanups.unshift(() => sql.close());
    const template = officeIdOf(1);
    const measured = officeIdOf(Math.ceil(options.offices / 2));
    const others = Array.from({ length: options.offices - 1 }, (_, i) => officeIdOf(i + 2));
    log(`province: ${options.offices} offices over ${storage}; generating the template office…`);
    const deskA = await enrolledDesk(hq.url, template, 'A');
    const deskAlone = await enrolledDesk(hq.url, template, 'C');
    const deskM = await enrolledDesk(hq.url, measured, 'M');
    desks.push(deskA, deskAlone, deskM);
    for (const office of others) {
      const added = await postJson(
        `${hq.url}/v1/admin/offices`,
        { id: office, name: office },
        adminToken,
      );
      if (added.status !== 200 && added.status !== 409)
        throw new Error(`office ${office}: ${added.status} ${JSON.stringify(added.body)}`);
    }

    const { records, queued } = await loadOfficeOnDesk(
      deskA,
      options.seed,
      officeOfSize(options.records),
    );
    const fromSeq = await streamSeq(sql, template);
    log(`province: pushing the template office (${queued} ops)…`);
    let started = performance.now();
    const pushed = await pushQueued(deskA, queued);
    const pushMs = performance.now() - started;
    if (pushed.rejected > 0) throw new Error(`HQ refused ${pushed.rejected} of the template's ops`);
    const toSeq = await streamSeq(sql, template);
    await deskA.db.delete(); // fake-indexeddb holds it in this process's heap
    const vacuum = () =>
      // As an HQ in service has been: its rows vacuumed (PostgreSQL sets their hint bits
      // and visibility once, else the first pull over fresh rows does it, writing as it
      // reads). Before each measured pull, so both read settled rows.
      sql.run(storage === 'postgres' ? 'vacuum (analyze) changes, records' : 'analyze');
    await vacuum();

    log('province: the template office pulled by a fresh desk (one office at HQ)…');
    started = performance.now();
    const alone = await sync(deskAlone);
    const aloneMs = performance.now() - started;
    await deskAlone.db.delete();

    log(`province: copying the office to ${others.length} more offices…`);
    started = performance.now();
    await copyOffice(sql, template, others, fromSeq, toSeq, log);
    await vacuum();
    const copyMs = performance.now() - started;
    await checkCopies(sql, [template, ...others], toSeq - fromSeq);
    const [counts] = await sql.rows<{ changes: number | string; records: number | string }>(
      'select (select count(*) from changes) as changes, (select count(*) from records) as records',
    );
    const databaseMb =
      storage === 'postgres'
        ? Math.round(
            Number(
              (
                await sql.rows<{ bytes: string }>(
                  'select pg_database_size(current_database()) as bytes',
                )
              )[0]?.bytes ?? 0,
            ) /
              1024 /
              1024,
          )
        : null;

    // The bare baseline before and after the office's pull (the same records, from a
    // server that only hands out pages), so neither side gets the warmer process alone.
    const same = records
      .filter((r) => officeKinds.includes(r.kind)) // a stay is the desk's own, never pulled
      .map((r) => asOffice(r, template, measured));
    const bare = await startBareServer(same, join(place.dataDir, 'bare.sqlite'));
    const bareRuns: { records: number; ms: number }[] = [];
    let province: SyncReport;
    let provinceMs: number;
    try {
      log('province: bare baseline (the same records as 5,000-record JSON pages)…');
      bareRuns.push(await barePull(bare.url));
      log(`province: office ${measured}'s initial pull…`);
      started = performance.now();
      province = await profileProcessDuring(options.profile, () => sync(deskM));
      provinceMs = performance.now() - started;
      if (province.pulled !== queued)
        throw new Error(`office ${measured}'s desk pulled ${province.pulled}, not ${queued}`);
      await checkPulled(deskM, measured, queued);
      await deskM.db.delete();
      log('province: bare baseline again…');
      bareRuns.push(await barePull(bare.url));
    } finally {
      await bare.close();
    }
    const bareRun = {
      records: bareRuns[0]?.records ?? 0,
      ms: bareRuns.reduce((sum, run) => sum + run.ms, 0) / bareRuns.length,
    };
    const provinceFigures = figures(province.pulled, provinceMs);
    const bareFigures = figures(bareRun.records, bareRun.ms);
    return {
      storage,
      offices: options.offices,
      recordsPerOffice: queued,
      hqRows: { changes: Number(counts?.changes ?? 0), records: Number(counts?.records ?? 0) },
      databaseMb,
      pushMs: Math.round(pushMs),
      copyMs: Math.round(copyMs),
      alone: figures(alone.pulled, aloneMs),
      province: provinceFigures,
      bare: bareFigures,
      ratio: Math.round((provinceFigures.perSec / Math.max(1, bareFigures.perSec)) * 100) / 100,
      profiled: options.profile !== undefined,
    };
  } finally {
    // Each step whatever the one before did: the desks, SQL, HQ, its build, the place.
    for (const desk of desks) await desk.db.delete().catch(() => undefined);
    const failed = [];
    for (const cleanup of cleanups) {
      try {
        await cleanup();
      } catch (error) {
        failed.push(error);
      }
    }
    if (failed.length > 0) log(`province: cleanup failed: ${failed.map(String).join('; ')}`);
  }
}

/** The record as the copy wrote it for another office. */
function asOffice(record: GeneratedRecord, from: string, to: string): GeneratedRecord {
  const copy = record.record.officeId === from ? { ...record.record, officeId: to } : record.record;
  return { kind: record.kind, record: copy };
}

/**
 * The pulled desk holds every record of the template, as its own office's, and nothing
 * of another office: the copy is what a real office's pull would be.
 */
async function checkPulled(desk: SyncDesk, office: string, expected: number): Promise<void> {
  let held = 0;
  let foreign = 0;
  for (const kind of officeKinds) {
    for (const row of (await recordTable(desk.db, kind).toArray()) as { officeId?: string }[]) {
      held += 1;
      if (row.officeId !== office) foreign += 1;
    }
  }
  if (foreign > 0) throw new Error(`office ${office}'s desk pulled ${foreign} records of others`);
  if (held < expected)
    throw new Error(`office ${office}'s desk holds ${held} records, expected ${expected}+`);
}

export function provinceTable(result: ProvinceResult): string {
  const row = (name: string, f: PullFigures) =>
    `${name.padEnd(34)}${String(f.records).padStart(9)}${String(f.ms).padStart(9)}${String(f.perSec).padStart(9)}`;
  return [
    `${result.offices} offices × ${result.recordsPerOffice} records over ${result.storage}: ` +
      `${result.hqRows.changes} changes, ${result.hqRows.records} records` +
      (result.databaseMb === null ? '' : `, database ${result.databaseMb} MB`),
    `template pushed in ${result.pushMs} ms; copied to the other offices in ${result.copyMs} ms`,
    `${'initial pull'.padEnd(34)}${'records'.padStart(9)}${'ms'.padStart(9)}${'rec/s'.padStart(9)}`,
    row('one office at HQ (the template)', result.alone),
    row('one office of the province', result.province),
    row('bare (same records, mean of 2)', result.bare),
    `province pull / bare: ${result.ratio}× (target ≥ 0.8×)` +
      (result.profiled ? ' — profiled, not a figure: the bare pulls ran without the profiler' : ''),
  ].join('\n');
}
