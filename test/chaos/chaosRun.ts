import { Dexie } from 'dexie';
import { AppError } from '@shared/errors/appError';
import type { SyncConflictData } from '@shared/domain/syncConflict';
import type { QueueEntry } from '@shared/sync/queueEntry';
import type { HqDatabase } from '../../hq/src/db/database';
import { freshPlace, hqOfficeRecords, type HqPlace } from '../support/hqHarness';
import { enrollViaAdmin, inspectPlace, spawnHq, type ChildHq } from '../support/hqProcess';
import { registerFamily } from '../support/officeWork';
import { seededRandom } from '../support/seededRandom';
import {
  connect,
  deskOfficeRecords,
  openOfficeDesk,
  recordDifferences,
  sync,
  type SyncDesk,
} from '../support/syncDesks';
import { RandomOffice, type SameFieldEdit } from '../support/randomOffice';
import { faultKinds, startFaultProxy, type FaultKind } from './faultProxy';

/**
 * One chaos run: HQ as a child process behind the fault proxy, several offices and
 * desks doing random work and syncing concurrently while the proxy injects faults and
 * HQ is SIGKILLed and restarted. Then faults stop, everything quiesces, and the run is
 * checked: every op exactly once at HQ (or rejected with its reason kept at the desk),
 * every desk equal to HQ for its office, every same-field edit recorded as a conflict,
 * queues drained within `quiesceBound` rounds.
 */

/** Offices and their desks. */
const layout = [
  { officeId: 'office-a', desks: ['a1', 'a2', 'a3'] },
  { officeId: 'office-b', desks: ['b1', 'b2'] },
];
/** Work-and-sync rounds under faults. */
const chaosRounds = 10;
/** After the faults stop, every queue is empty and every desk has pulled the last push within this many sync rounds. */
export const quiesceBound = 5;

export interface RunResult {
  seed: number;
  ok: boolean;
  ms: number;
  ops: number;
  faults: Record<FaultKind, number>;
  kills: number;
  lost: number;
  duplicated: number;
  diverged: number;
  conflictsExpected: number;
  rejected: Record<string, number>;
  quiesceRounds: number;
  failures: string[];
  events: string[];
}

interface CreatedOp {
  desk: SyncDesk;
  entry: QueueEntry;
}

export async function chaosRun(seed: number, cli: string): Promise<RunResult> {
  const started = Date.now();
  const events: string[] = [];
  const log = (line: string) =>
    events.push(`${String(Date.now() - started).padStart(6)}ms ${line}`);
  const failures: string[] = [];
  const result: RunResult = {
    seed,
    ok: false,
    ms: 0,
    ops: 0,
    faults: Object.fromEntries(faultKinds.map((k) => [k, 0])) as Record<FaultKind, number>,
    kills: 0,
    lost: 0,
    duplicated: 0,
    diverged: 0,
    conflictsExpected: 0,
    rejected: {},
    quiesceRounds: 0,
    failures,
    events,
  };
  const random = seededRandom(seed);
  const place: HqPlace = await freshPlace();
  let hq: ChildHq | null = null;
  let inspect: HqDatabase | null = null;
  const desks: SyncDesk[] = [];
  let proxy: Awaited<ReturnType<typeof startFaultProxy>> | null = null;
  try {
    hq = await spawnHq(place, cli);
    log(`HQ up (pid ${hq.pid})`);
    const restartHq = async () => {
      await hq?.kill('SIGKILL');
      result.kills += 1;
      log(`HQ SIGKILLed (pid ${hq?.pid})`);
      hq = await spawnHq(place, cli);
      log(`HQ restarted (pid ${hq.pid})`);
      return hq.url;
    };
    proxy = await startFaultProxy({ seed, target: hq.url, log, restartHq });
    const start = new Date('2026-03-02T09:00:00+08:00').getTime();
    const offices: RandomOffice[] = [];
    for (const { officeId, desks: names } of layout) {
      const officeDesks: SyncDesk[] = [];
      for (const name of names) {
        // Desk clocks minutes apart, so who wins a same-field edit varies.
        const desk = await openOfficeDesk(
          officeId,
          name,
          new Date(start + random.int(0, 600) * 1000),
        );
        const credential = await enrollViaAdmin(hq.url, officeId, desk.deviceId);
        await connect(desk, credential, proxy.urlFor(name));
        officeDesks.push(desk);
        desks.push(desk);
      }
      offices.push(new RandomOffice(officeId, random, officeDesks, log));
    }

    const created = new Map<string, CreatedOp>();
    const recordQueued = async () => {
      for (const desk of desks) {
        for (const entry of await desk.db.queue.toArray()) {
          if (!created.has(entry.opId)) created.set(entry.opId, { desk, entry });
        }
      }
    };
    const syncLogged = async (desk: SyncDesk, pushBatch?: number, pullLimit?: number) => {
      try {
        const report = await sync(desk, { pushBatch, pullLimit });
        log(
          `${desk.name} synced: pushed ${report.pushed} (${report.conflicts} conflicts, ${report.rejected} rejected), pulled ${report.pulled}`,
        );
        return report;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        log(`${desk.name} sync failed: ${error.code} ${error.message}`);
        return null;
      }
    };

    // A first family per office that every desk of it holds (faults already on).
    for (const office of offices) await registerFamily(office.desks[0] as SyncDesk);
    await recordQueued();
    for (let i = 0; i < 3; i++) for (const desk of desks) await syncLogged(desk);

    const sameFieldEdits: SameFieldEdit[] = [];
    const killRound = random.int(1, chaosRounds);
    for (let round = 1; round <= chaosRounds; round++) {
      log(`— round ${round}`);
      for (const office of offices) {
        if (round === 1 || random.chance(0.5)) {
          const edit = await office.sameFieldEdit();
          if (edit) sameFieldEdits.push(edit);
        }
        for (const desk of office.desks) {
          const pieces = random.int(1, 4);
          for (let i = 0; i < pieces; i++) await office.randomWork(desk);
        }
      }
      await recordQueued();
      // Desks sync at once, in small batches and pages; HQ may die in the middle.
      // Desks sync one after another in a seeded order, in small batches and pages; a
      // failed round is retried at once up to `tries` times (as the scheduler would after
      // a short backoff), so a retried batch overtakes a held-back copy of itself.
      const plans = random
        .shuffle(desks)
        .filter(() => random.chance(0.8))
        .map((desk) => ({
          desk,
          pushBatch: random.int(2, 25),
          pullLimit: random.int(5, 60),
          tries: random.int(1, 3),
        }));
      // HQ dies at a seeded request of the round (some rounds, at least one per run).
      const kill = round === killRound || random.chance(0.25);
      const killAt = round === killRound ? 1 : random.int(1, 8);
      const killPoint = random.pick(['before', 'during', 'after'] as const) ?? 'during';
      if (kill) proxy.armKill(killAt, killPoint, random.int(1, 20));
      for (const p of plans) {
        for (let t = 0; t < p.tries; t++) {
          if (await syncLogged(p.desk, p.pushBatch, p.pullLimit)) break;
        }
      }
      proxy.disarmKill();
    }

    // Faults stop; HQ stays up; late copies land; every desk syncs until nothing moves.
    proxy.setFaults(false);
    await proxy.settle();
    log('— faults off, quiescing');
    let quiet = false;
    for (let round = 1; round <= quiesceBound && !quiet; round++) {
      result.quiesceRounds = round;
      let pushed = 0;
      let failed = 0;
      for (const desk of desks) {
        const report = await syncLogged(desk);
        if (report) pushed += report.pushed;
        else failed += 1;
      }
      const queued = (await Promise.all(desks.map((d) => d.db.queue.count()))).reduce(
        (a, b) => a + b,
        0,
      );
      // Quiet: a whole round in which nothing was pushed or failed, every queue empty.
      quiet = pushed === 0 && failed === 0 && queued === 0;
    }
    if (!quiet) failures.push(`not quiescent after ${quiesceBound} rounds with faults off`);

    result.faults = proxy.injected();
    result.ops = created.size;
    inspect = inspectPlace(place);
    await checkOps(inspect, desks, created, result);
    await checkData(inspect, offices, sameFieldEdits, result);
  } catch (error) {
    failures.push(
      `run aborted: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  } finally {
    await proxy?.close();
    await inspect?.close();
    await (hq as ChildHq | null)?.stop();
    await place.drop();
    for (const desk of desks) {
      desk.db.close();
      await Dexie.delete(desk.db.name);
    }
  }
  result.ok = failures.length === 0;
  result.ms = Date.now() - started;
  return result;
}

/** Every op a desk created is at HQ exactly once, or rejected with its reason kept at the desk. */
async function checkOps(
  inspect: HqDatabase,
  desks: SyncDesk[],
  created: Map<string, CreatedOp>,
  result: RunResult,
) {
  const fail = (line: string) => {
    if (result.failures.length < 40) result.failures.push(line);
  };
  const deviceIds = desks.map((d) => d.deviceId);
  const applied = await inspect.db
    .selectFrom('applied_ops')
    .select(['op_id', 'device_id', 'seq', 'result'])
    .where('device_id', 'in', deviceIds)
    .execute();
  const appliedById = new Map<string, (typeof applied)[number][]>();
  for (const row of applied)
    appliedById.set(row.op_id, [...(appliedById.get(row.op_id) ?? []), row]);
  const changeRows = await inspect.db
    .selectFrom('changes')
    .select(['op_id', 'record_id'])
    .where('op_id', 'is not', null)
    .execute();
  const changes = new Map<string, number>();
  for (const row of changeRows) {
    const key = `${row.op_id}|${row.record_id}`;
    changes.set(key, (changes.get(key) ?? 0) + 1);
  }

  for (const [opId, { desk, entry }] of created) {
    const what = `${desk.name} op ${opId} (seq ${entry.seq}, ${entry.kind} ${entry.op} ${entry.recordId})`;
    const rows = appliedById.get(opId) ?? [];
    if (rows.length === 0) {
      result.lost += 1;
      fail(`lost: ${what} is not at HQ`);
      continue;
    }
    if (rows.length > 1) {
      result.duplicated += 1;
      fail(`duplicated: ${what} has ${rows.length} results at HQ`);
    }
    const status = (JSON.parse(rows[0]?.result ?? '{}') as { status?: string }).status;
    if (status === 'rejected') {
      const kept = await desk.db.rejectedOps.get(opId);
      if (!kept?.reason.code || !kept.reason.message) {
        result.lost += 1;
        fail(`lost: ${what} rejected at HQ but no reason kept at the desk`);
      } else {
        const key = `${entry.kind} ${entry.op} ${kept.reason.code}`;
        result.rejected[key] = (result.rejected[key] ?? 0) + 1;
      }
    } else if (status === 'applied' || status === 'conflict') {
      const n = changes.get(`${opId}|${entry.recordId}`) ?? 0;
      if (n === 0) {
        result.lost += 1;
        fail(`lost: ${what} ${status} at HQ but no change in the log`);
      } else if (n > 1) {
        result.duplicated += 1;
        fail(`duplicated: ${what} changed its record ${n} times in the log`);
      }
    } else {
      result.lost += 1;
      fail(`lost: ${what} has result ${String(status)} at HQ`);
    }
  }
  for (const row of applied) {
    if (!created.has(row.op_id)) {
      result.duplicated += 1;
      fail(`unknown op ${row.op_id} (seq ${row.seq}) at HQ: no desk created it`);
    }
  }
  for (const desk of desks) {
    const seqs = [...created.values()].filter((c) => c.desk === desk).map((c) => c.entry.seq);
    const device = await inspect.db
      .selectFrom('devices')
      .select('last_seq')
      .where('id', '=', desk.deviceId)
      .executeTakeFirstOrThrow();
    const last = seqs.length > 0 ? Math.max(...seqs) : 0;
    if (Number(device.last_seq) !== last)
      fail(`${desk.name}: HQ's last applied seq ${device.last_seq}, desk's last op ${last}`);
  }
}

/** Every desk equals HQ for its office; streams gap-free; every same-field edit conflicted. */
async function checkData(
  inspect: HqDatabase,
  offices: RandomOffice[],
  edits: SameFieldEdit[],
  result: RunResult,
) {
  const fail = (line: string) => {
    if (result.failures.length < 40) result.failures.push(line);
  };
  result.conflictsExpected = edits.length;
  for (const office of offices) {
    const atHq = await hqOfficeRecords(inspect, office.officeId);
    const seqs = (
      await inspect.db
        .selectFrom('changes')
        .select('seq')
        .where('stream', '=', `office:${office.officeId}`)
        .orderBy('seq')
        .execute()
    ).map((row) => Number(row.seq));
    if (seqs.some((s, i) => s !== i + 1)) fail(`${office.officeId}: change stream has a gap`);
    for (const desk of office.desks) {
      const queued = await desk.db.queue.count();
      if (queued > 0) fail(`${desk.name}: ${queued} ops still queued`);
      const cursor = (await desk.store.cursor()).office;
      if (cursor !== seqs.length)
        fail(`${desk.name}: cursor ${cursor}, HQ stream at ${seqs.length}`);
      const differences = recordDifferences(atHq, await deskOfficeRecords(desk));
      if (differences.length > 0) {
        result.diverged += 1;
        fail(`diverged: ${desk.name} differs from HQ in ${differences.length} places:`);
        for (const line of differences.slice(0, 8)) fail(`    ${line}`);
      }
    }
    const conflicts = [...atHq.values()]
      .filter((r) => r.kind === 'syncConflict')
      .map((r) => r.data as unknown as SyncConflictData);
    for (const edit of edits.filter((e) => e.officeId === office.officeId)) {
      const found = conflicts.some(
        (c) =>
          c.type === 'field' &&
          c.recordId === edit.recordId &&
          c.field === edit.field &&
          [c.keptValue, c.otherValue].some((v) => edit.values.includes(v as string)),
      );
      if (!found)
        fail(
          `conflict not recorded: ${edit.kind} ${edit.recordId}.${edit.field} (${edit.values.join(' vs ')})`,
        );
    }
  }
}
