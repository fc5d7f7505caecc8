// Dexie on fake-indexeddb for the Node desks of the sync bench (as in test/node/setup.ts).
import 'fake-indexeddb/auto';
import { writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { runStoreBench } from './chromiumBench';
import { fullSize, quickSize } from './generator';
import { runSyncBench } from './syncBench';

/**
 * `npm run bench [-- --quick] [--seed N] [--out FILE]`: the issue-6 benchmarks that
 * exist so far (docs/performance.md). Prints a table of targets and writes the same
 * figures as JSON with --out.
 */
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const quick = args.includes('--quick');
const seed = Number(option('--seed') ?? 1);
const out = option('--out');
const size = quick ? quickSize : fullSize;
const samples = quick ? 100 : 300;
const started = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${line}`);

log(
  `bench: ${quick ? 'quick' : 'full'} size, ${size.persons} persons / ${size.cases} cases, seed ${seed}`,
);
const store = await runStoreBench(seed, size, samples, log);
const syncFigures = await runSyncBench(seed, size, log);

interface Row {
  measure: string;
  figure: string;
  target: string;
  met: boolean | null;
}
const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 1e-9)) * 100) / 100;
const saveRatio = ratio(store.save.writePath.p95, store.save.rawTwoTable.p95);
const applyRatio = ratio(store.apply.realPerSec, store.apply.rawPerSec);
const pullRatio = ratio(syncFigures.pull.perSec, syncFigures.barePull.perSec);
const pushRatio = ratio(syncFigures.push.perSec, syncFigures.barePush.perSec);
const rows: Row[] = [
  {
    measure: `form save at ${store.load.persons} persons (write path)`,
    figure: `p50 ${store.save.writePath.p50} ms, p95 ${store.save.writePath.p95} ms (raw two-table: p50 ${store.save.rawTwoTable.p50}, p95 ${store.save.rawTwoTable.p95}) = ${saveRatio}×`,
    target: 'p95 ≤ 1.25× raw',
    met: saveRatio <= 1.25,
  },
  ...Object.entries(store.search).map(([name, p]) => ({
    measure: `search ${name} (searchPersons)`,
    figure: `p50 ${p.p50} ms, p95 ${p.p95} ms (${p.meanHits} hits avg)`,
    target: 'p95 ≤ 10 ms',
    met: p.p95 <= 10,
  })),
  {
    measure: `apply ${store.apply.records} pulled changes (applyPulled, pages of ${store.apply.pageSize})`,
    figure: `${store.apply.realPerSec}/s vs raw bulkPut ${store.apply.rawPerSec}/s = ${applyRatio}×`,
    target: '≥ 0.8× raw',
    met: applyRatio >= 0.8,
  },
  {
    measure: 'renderer JS heap during apply (CDP)',
    figure: `peak ${store.apply.heapPeakMb} MB (before ${store.apply.heapBeforeMb} MB, incl. the generated changes)`,
    target: '≤ 512 MB',
    met: store.apply.heapPeakMb <= 512,
  },
  {
    measure: `initial pull HQ → desk, ${syncFigures.pull.records} records (Node desk, fake-indexeddb)`,
    figure: `${syncFigures.pull.perSec}/s vs bare ${syncFigures.barePull.perSec}/s = ${pullRatio}×`,
    target: '≥ 0.8× bare',
    met: pullRatio >= 0.8,
  },
  {
    measure: `push desk → HQ, ${syncFigures.push.ops} ops (${syncFigures.push.rejected} rejected, ${syncFigures.push.conflicts} conflicts)`,
    figure: `${syncFigures.push.perSec}/s vs bare ${syncFigures.barePush.perSec}/s = ${pushRatio}×`,
    target: '≥ 0.8× bare',
    met: pushRatio >= 0.8,
  },
  {
    measure: 'HQ RSS (child process)',
    figure: `idle ${syncFigures.hqRssMb.idle} MB, peak push ${syncFigures.hqRssMb.peakPush} MB, peak pull ${syncFigures.hqRssMb.peakPull} MB`,
    target: '(reported)',
    met: null,
  },
  ...[
    'PouchDB replication comparison',
    'sync-package export/import',
    'cold start of the built renderer',
    'institutions/beds/movements, service records',
  ].map((measure) => ({ measure, figure: 'not measured yet', target: '—', met: null })),
];

const totalSeconds = Math.round((performance.now() - started) / 100) / 10;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 1024 ** 3)} GB, Node ${process.version}`;
console.log(
  `\n| measure | figure | target | met |\n| --- | --- | --- | --- |\n${rows
    .map(
      (r) =>
        `| ${r.measure} | ${r.figure} | ${r.target} | ${r.met === null ? '—' : r.met ? 'yes' : 'NO'} |`,
    )
    .join(
      '\n',
    )}\n\n${quick ? 'quick' : 'full'} run, seed ${seed}, ${totalSeconds} s, on ${machine}; load: ${store.load.records} records generated in ${store.load.generateMs} ms, bulk-loaded in ${store.load.loadMs} ms`,
);
if (out) {
  await writeFile(
    out,
    `${JSON.stringify({ quick, seed, size, machine, totalSeconds, rows, store, sync: syncFigures }, null, 2)}\n`,
  );
  log(`bench: figures written to ${out}`);
}
process.exit(0);
