// Dexie on fake-indexeddb for the province pull's Node desks (as in test/node/setup.ts).
import 'fake-indexeddb/auto';
import { readFile, writeFile } from 'node:fs/promises';
import pg from 'pg';
import { newRecordId } from '@shared/records/ids';
import { buildHqCli, enrollViaAdmin, spawnHq, type ChildHq } from '../support/hqProcess';
import { emptyPlace, type HqPlace } from '../support/hqHarness';
import { SimDesk, type Timed } from './simDesk';
import { provinceTable, runProvincePull } from './provincePull';

/**
 * `npm run load -- --desks N --seconds S [--hqs 2] [--offices K] [--sync-every 10]
 * [--out file.json]` (issue #17 item 4): N simulated desks on the real protocol against
 * HQ processes (default two) sharing one PostgreSQL — HQ_DATABASE_URL, or a throwaway
 * cluster on loopback (run-load.mjs starts one as the tests do). Loopback only, bounded
 * by --seconds. A township day, compressed: each desk waits about `--sync-every`
 * seconds (0.5–1.5×), saves a burst of 0–4 persons, pushes them and pulls; one round in
 * fifty is an initial pull from the start. Prints requests/s, p50/p95/p99 per route,
 * errors (HTTP and ops HQ refused), HQ RSS and PostgreSQL connections, as a table and as
 * JSON. Exits 1 when any request or op failed.
 *
 * `npm run load -- --province [--offices 100] [--records 50000] [--out file.json]`: one
 * office's initial pull from a province-sized HQ against the bare baseline
 * (provincePull.ts).
 */

function option(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const at = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return fallback;
  const raw = args[at]?.includes('=') ? args[at]?.split('=')[1] : args[at + 1];
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} wants a positive number, got ${String(raw)}`);
    process.exit(2);
  }
  return value;
}

function textOption(name: string): string | null {
  const args = process.argv.slice(2);
  const at = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return null;
  return (args[at]?.includes('=') ? args[at]?.split('=')[1] : args[at + 1]) ?? null;
}

export interface LoadOptions {
  desks: number;
  seconds: number;
  hqs: number;
  offices: number;
  syncEverySeconds: number;
  databaseUrl: string | null;
  log?: (line: string) => void;
}

export interface RouteFigures {
  route: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

export interface LoadResult {
  desks: number;
  seconds: number;
  hqs: number;
  storage: 'postgres' | 'sqlite';
  routes: RouteFigures[];
  requests: number;
  perSecond: number;
  errors: number;
  refusedOps: Record<string, number>;
  hqRssMb: { peak: number; end: number }[];
  pgConnections: { peak: number } | null;
}

const quantile = (sorted: number[], q: number) =>
  sorted.length === 0
    ? 0
    : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);

async function rssMb(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const storage = options.databaseUrl ? 'postgres' : 'sqlite';
  const place: HqPlace = await emptyPlace({
    kind: storage,
    serverUrl: options.databaseUrl,
  });
  const { cli, remove } = await buildHqCli();
  // Many desks enroll from one address, and every request would write a log line.
  process.env.HQ_ENROLL_LIMIT = String(options.desks * 3 + 10);
  process.env.HQ_LOG_LEVEL = 'warn';
  const hqs: ChildHq[] = [];
  const samples = { rss: [] as number[][], pg: [] as number[] };
  let sampler: NodeJS.Timeout | null = null;
  let sampling: Promise<void> = Promise.resolve();
  let pgClient: pg.Client | null = null;
  try {
    for (let i = 0; i < options.hqs; i++) hqs.push(await spawnHq(place, cli));
    log(`${hqs.length} HQ process(es) over ${storage}; enrolling ${options.desks} desks…`);

    const timings: Timed[] = [];
    const refusedOps: Record<string, number> = {};
    const record = (t: Timed) => timings.push(t);
    const refused = (what: string) => (refusedOps[what] = (refusedOps[what] ?? 0) + 1);
    const desks: SimDesk[] = [];
    for (let i = 0; i < options.desks; i++) {
      const officeId = `330102${String(1 + (i % options.offices)).padStart(3, '0')}`;
      const hq = hqs[i % hqs.length] as ChildHq;
      const deviceId = newRecordId();
      const enrolled = await enrollViaAdmin(hq.url, officeId, deviceId);
      desks.push(new SimDesk(i, officeId, deviceId, enrolled.token, hq.url, record, refused));
    }
    for (let i = 0; i < desks.length; i += 50) {
      await Promise.all(desks.slice(i, i + 50).map((d) => d.start()));
    }
    timings.length = 0;

    if (options.databaseUrl) {
      pgClient = new pg.Client({ connectionString: place.databaseUrl ?? options.databaseUrl });
      await pgClient.connect();
    }
    const sample = async () => {
      samples.rss.push(await Promise.all(hqs.map((h) => rssMb(h.pid))));
      if (pgClient) {
        const row = await pgClient.query<{ n: string }>(
          'select count(*) as n from pg_stat_activity where datname = current_database()',
        );
        samples.pg.push(Number(row.rows[0]?.n ?? 0) - 1); // not this sampler's own
      }
    };
    // One sample at a time, each awaited before the client ends (finally below).
    sampler = setInterval(() => {
      sampling = sampling.then(sample).catch(() => undefined);
    }, 1000);

    log(`running ${options.desks} desks for ${options.seconds} s…`);
    const started = performance.now();
    const deadline = Date.now() + options.seconds * 1000;
    const every = options.syncEverySeconds * 1000;
    await Promise.all(
      desks.map(async (desk) => {
        // Desks start spread over one interval, as offices do not all sync at once.
        await sleep(Math.random() * every, deadline);
        while (Date.now() < deadline) {
          if (Math.random() < 0.02) await desk.pull(true);
          else {
            await desk.saveAndPush(Math.floor(Math.random() * 5));
            await desk.pull();
          }
          await sleep(every * (0.5 + Math.random()), deadline);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    clearInterval(sampler);
    sampler = null;
    await sampling;
    await sample();

    const routes = [...new Set(timings.map((t) => t.route))].sort().map((route) => {
      const of = timings.filter((t) => t.route === route);
      const sorted = of.map((t) => t.ms).sort((a, b) => a - b);
      return {
        route,
        requests: of.length,
        perSecond: of.length / elapsed,
        p50: quantile(sorted, 0.5),
        p95: quantile(sorted, 0.95),
        p99: quantile(sorted, 0.99),
        errors: of.filter((t) => t.status < 200 || t.status >= 300).length,
      };
    });
    const all = timings.map((t) => t.ms).sort((a, b) => a - b);
    routes.push({
      route: 'all',
      requests: timings.length,
      perSecond: timings.length / elapsed,
      p50: quantile(all, 0.5),
      p95: quantile(all, 0.95),
      p99: quantile(all, 0.99),
      errors: routes.reduce((n, r) => n + r.errors, 0),
    });
    return {
      desks: options.desks,
      seconds: Math.round(elapsed),
      hqs: hqs.length,
      storage,
      routes,
      requests: timings.length,
      perSecond: timings.length / elapsed,
      errors: routes.at(-1)?.errors ?? 0,
      refusedOps,
      hqRssMb: hqs.map((_, i) => ({
        peak: Math.max(0, ...samples.rss.map((s) => s[i] ?? 0)),
        end: samples.rss.at(-1)?.[i] ?? 0,
      })),
      pgConnections: pgClient ? { peak: Math.max(0, ...samples.pg) } : null,
    };
  } finally {
    if (sampler) clearInterval(sampler);
    await sampling;
    await pgClient?.end();
    await Promise.all(hqs.map((h) => h.stop()));
    await remove();
    await place.drop();
  }
}

function sleep(ms: number, deadline: number): Promise<void> {
  const wait = Math.max(0, Math.min(ms, deadline - Date.now()));
  return new Promise((resolve) => setTimeout(resolve, wait));
}

export function loadTable(result: LoadResult): string {
  const pad = (text: string, width: number) => text.padStart(width);
  const lines = [
    `${result.desks} desks, ${result.seconds} s, ${result.hqs} HQ process(es) over ${result.storage}`,
    `${'route'.padEnd(16)}${pad('requests', 10)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}${pad('p99 ms', 9)}${pad('errors', 8)}`,
    ...result.routes.map(
      (r) =>
        `${r.route.padEnd(16)}${pad(String(r.requests), 10)}${pad(r.perSecond.toFixed(1), 9)}` +
        `${pad(r.p50.toFixed(1), 9)}${pad(r.p95.toFixed(1), 9)}${pad(r.p99.toFixed(1), 9)}${pad(String(r.errors), 8)}`,
    ),
    `ops HQ refused: ${JSON.stringify(result.refusedOps)}`,
    `HQ RSS (MB): ${result.hqRssMb.map((m, i) => `#${i + 1} peak ${m.peak}, end ${m.end}`).join('; ')}`,
    `PostgreSQL connections: ${result.pgConnections ? `peak ${result.pgConnections.peak}` : '— (SQLite)'}`,
  ];
  return lines.join('\n');
}

// Run as the program (run-load.mjs), not when a test imports runLoad.
if (process.env.LOAD_MAIN === '1' && process.argv.includes('--province')) {
  const result = await runProvincePull({
    offices: option('offices', 100),
    records: option('records', 50_000),
    seed: option('seed', 1),
    databaseUrl: process.env.HQ_DATABASE_URL || process.env.HQ_TEST_DATABASE_URL || null,
    ...(textOption('profile') ? { profile: textOption('profile') ?? '' } : {}),
  });
  console.log(provinceTable(result));
  const out = textOption('out');
  if (out) await writeFile(out, JSON.stringify(result, null, 2));
  process.exit(0);
} else if (process.env.LOAD_MAIN === '1') {
  const desks = option('desks', 100);
  const result = await runLoad({
    desks,
    seconds: option('seconds', 30),
    hqs: option('hqs', 2),
    offices: option('offices', Math.max(1, Math.ceil(desks / 10))),
    syncEverySeconds: option('sync-every', 10),
    databaseUrl: process.env.HQ_DATABASE_URL || process.env.HQ_TEST_DATABASE_URL || null,
  });
  console.log(loadTable(result));
  const out = textOption('out');
  if (out) await writeFile(out, JSON.stringify(result, null, 2));
  const failed = result.errors + Object.values(result.refusedOps).reduce((n, v) => n + v, 0);
  process.exit(failed > 0 ? 1 : 0);
}
