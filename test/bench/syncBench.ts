import { perSec } from './rates';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import SqliteDatabase from 'better-sqlite3';
import { maxPullLimit } from '@shared/sync/protocol';
import { DeskDatabase } from '../../renderer/src/db/database';
import { newRecordId } from '@shared/records/ids';
import { freshPlace } from '../support/hqHarness';
import { buildHqCli, enrollViaAdmin, spawnHq } from '../support/hqProcess';
import { connect, openOfficeDesk, sync } from '../support/syncDesks';
import { barePull, loadOfficeOnDesk, pushQueued } from './deskOffice';
import type { GeneratedRecord, OfficeSize } from './generator';
import { useTestDataKeys } from '../support/testDataKeys';

useTestDataKeys();

/**
 * Sync over loopback: the real HQ (`node dist/hq/cli.cjs`, SQLite) as a child process,
 * desks on fake-indexeddb in Node running the real engine and DexieSyncStore (the
 * Chromium desk's pull runs against the same HQ afterwards: `whileLoaded`). In the same run, a bare baseline: a tiny loopback server
 * that serves the same records as plain 5,000-record JSON pages (written with one
 * bulkPut per kind per page) and takes the same ops as 5,000-op JSON posts (stored
 * in SQLite in one transaction).
 */
export interface SyncFigures {
  records: number;
  push: { ops: number; ms: number; perSec: number; rejected: number; conflicts: number };
  pull: { records: number; ms: number; perSec: number; pageSize: number };
  barePush: { ops: number; ms: number; perSec: number };
  barePull: { records: number; ms: number; perSec: number };
  hqRssMb: { idle: number; peakPush: number; peakPull: number };
}

const benchOfficeId = 'office-bench';
const barePage = 5_000;

/** Peak resident set of a process (Linux /proc), sampled every 50 ms while `work` runs. */
async function peakRssDuring<T>(pid: number, work: () => Promise<T>) {
  const rss = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      return 0;
    }
  };
  let peak = rss();
  const timer = setInterval(() => (peak = Math.max(peak, rss())), 50);
  try {
    const result = await work();
    return { result, peak: Math.max(peak, rss()) };
  } finally {
    clearInterval(timer);
  }
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * The bare baseline server: GET /pages/<n> (5,000 records), POST /ops (5,000 ops). It
 * answers any origin (a bench page of another port calls it too: chromiumSync.ts).
 */
export async function startBareServer(records: GeneratedRecord[], dbFile: string) {
  const sqlite = new SqliteDatabase(dbFile);
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('create table ops (op_id text primary key, body text not null)');
  const insert = sqlite.prepare('insert or ignore into ops (op_id, body) values (?, ?)');
  const insertAll = sqlite.transaction((ops: { opId: string }[]) => {
    for (const op of ops) insert.run(op.opId, JSON.stringify(op));
  });
  const server: Server = createServer((request, response) => {
    response.setHeader('access-control-allow-origin', '*');
    if (request.method === 'OPTIONS') {
      response
        .writeHead(204, {
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': 'content-type',
        })
        .end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const page = /^\/pages\/(\d+)$/.exec(request.url ?? '');
      if (request.method === 'GET' && page) {
        const from = Number(page[1]) * barePage;
        const body = JSON.stringify({
          records: records.slice(from, from + barePage),
          hasMore: from + barePage < records.length,
        });
        response.writeHead(200, { 'content-type': 'application/json' }).end(body);
        return;
      }
      if (request.method === 'POST' && request.url === '/ops') {
        const ops = (JSON.parse(Buffer.concat(chunks).toString()) as { ops: { opId: string }[] })
          .ops;
        insertAll(ops);
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ stored: ops.map((o) => o.opId) }));
        return;
      }
      response.writeHead(404).end();
    });
  });
  // Longer than any gap between two pages: a client reusing a kept-alive socket the
  // server was closing meanwhile gets ECONNRESET (a loaded machine's full run did, after
  // a page's bulkPut took over Node's 5 s default).
  server.keepAliveTimeout = 600_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      sqlite.close();
    },
  };
}

/** While HQ still holds the pushed office: more measures against it (replicationBench). */
export interface LoadedHq {
  url: string;
  pid: number;
  officeId: string;
  /** The office as generated (and pushed by desk A): the same records for other peers. */
  records: GeneratedRecord[];
}

export async function runSyncBench<T>(
  seed: number,
  size: OfficeSize,
  log: (line: string) => void,
  options: {
    /** A browser page's origin HQ lets call it (HQ_CORS_ORIGINS). */
    corsOrigin?: string;
    /** The office HQ holds (default `office-bench`): the app's first run names 330102001. */
    officeId?: string;
    whileLoaded: (hq: LoadedHq) => Promise<T>;
  },
): Promise<SyncFigures & { more: T }> {
  const officeId = options.officeId ?? benchOfficeId;
  log('sync: building and starting HQ (child process, SQLite)…');
  const { cli, remove } = await buildHqCli();
  const place = await freshPlace({ kind: 'sqlite', serverUrl: null });
  const corsBefore = process.env.HQ_CORS_ORIGINS;
  if (options.corsOrigin) process.env.HQ_CORS_ORIGINS = options.corsOrigin;
  const hq = await spawnHq(place, cli).finally(() => {
    if (corsBefore === undefined) delete process.env.HQ_CORS_ORIGINS;
    else process.env.HQ_CORS_ORIGINS = corsBefore;
  });
  try {
    const deskA = await openOfficeDesk(officeId, 'A');
    const deskB = await openOfficeDesk(officeId, 'B');
    for (const desk of [deskA, deskB]) {
      const credential = await enrollViaAdmin(hq.url, officeId, desk.deviceId);
      await connect(desk, credential, hq.url);
    }
    await sync(deskB); // its own settings op and the reference data: B then only pulls the office

    // LOAD fast path on desk A: the generated office with the queue entries the write path makes.
    log('sync: generating the office on desk A (fast path)…');
    const { records, ops, queued } = await loadOfficeOnDesk(deskA, seed, size);
    const idle = mb((await peakRssDuring(hq.pid, async () => null)).peak);

    // Push: the real engine, stopped once everything queued is handled (no pull).
    log(`sync: pushing ${queued} ops desk A → HQ…`);
    const t0 = performance.now();
    const pushRun = await peakRssDuring(hq.pid, () => pushQueued(deskA, queued));
    const pushMs = performance.now() - t0;

    // Initial pull: desk B (no office records yet) through the real engine and store.
    log('sync: initial pull HQ → desk B…');
    const t1 = performance.now();
    const pullRun = await peakRssDuring(hq.pid, () => sync(deskB));
    const pullMs = performance.now() - t1;

    // Bare baseline, same records and ops, same process.
    log('sync: bare baseline (5,000-record JSON pages, one bulkPut per page)…');
    const bare = await startBareServer(records, `${place.dataDir}/bare.sqlite`);
    let figures: SyncFigures;
    try {
      const { records: pulled, ms: barePullMs } = await barePull(bare.url);

      const pushDb = new DeskDatabase(`bench-bare-push-${newRecordId()}`);
      await pushDb.open();
      for (let i = 0; i < ops.length; i += 5_000)
        await pushDb.queue.bulkAdd(ops.slice(i, i + 5_000));
      const t3 = performance.now();
      let pushed = 0;
      for (;;) {
        const batch = await pushDb.queue.orderBy('seq').limit(barePage).toArray();
        if (batch.length === 0) break;
        const response = await fetch(`${bare.url}/ops`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ops: batch }),
        });
        await response.json();
        await pushDb.queue.bulkDelete(batch.map((op) => op.seq));
        pushed += batch.length;
      }
      const barePushMs = performance.now() - t3;
      await pushDb.delete();

      figures = {
        records: records.length,
        push: {
          ops: pushRun.result.pushed,
          ms: Math.round(pushMs),
          perSec: perSec(pushRun.result.pushed, pushMs),
          rejected: pushRun.result.rejected,
          conflicts: pushRun.result.conflicts,
        },
        pull: {
          records: pullRun.result.pulled,
          ms: Math.round(pullMs),
          perSec: perSec(pullRun.result.pulled, pullMs),
          pageSize: maxPullLimit, // the engine's default
        },
        barePush: { ops: pushed, ms: Math.round(barePushMs), perSec: perSec(pushed, barePushMs) },
        barePull: {
          records: pulled,
          ms: Math.round(barePullMs),
          perSec: perSec(pulled, barePullMs),
        },
        hqRssMb: { idle, peakPush: mb(pushRun.peak), peakPull: mb(pullRun.peak) },
      };
    } finally {
      await bare.close();
    }
    // The Node desks are done: free fake-indexeddb's memory for the measures that follow.
    for (const db of [deskA.db, deskB.db]) await db.delete();
    const more = await options.whileLoaded({ url: hq.url, pid: hq.pid, officeId, records });
    return { ...figures, more };
  } finally {
    await hq.stop();
    await place.drop();
    await remove();
  }
}
