// Gives Node a real IndexedDB implementation before Dexie loads (as test/node/setup.ts does).
import 'fake-indexeddb/auto';
import { buildHqCli } from '../support/hqProcess';
import { chaosRun, quiesceBound, type RunResult } from './chaosRun';
import { faultKinds } from './faultProxy';
import { useTestDataKeys } from '../support/testDataKeys';

// The desks' stores are sealed at rest as the app's are (test/support/testDataKeys.ts).
useTestDataKeys();

/**
 * `npm run chaos -- --runs N --seed S`: N chaos runs with seeds S, S+1, …; a failing
 * run prints its seed, what failed and its event log, and replays with
 * `npm run chaos -- --runs 1 --seed <its seed>`. `--log` prints the event log of passing
 * runs too. Exits 1 when any run failed.
 */

function option(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const at = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return fallback;
  const raw = args[at]?.includes('=') ? args[at]?.split('=')[1] : args[at + 1];
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} wants a positive whole number, got ${String(raw)}`);
    process.exit(2);
  }
  return value;
}

const runs = option('runs', 1);
const seed = option('seed', 1 + Math.floor(Math.random() * 2 ** 31));

const { cli, remove } = await buildHqCli();
const results: RunResult[] = [];
try {
  for (let i = 0; i < runs; i++) {
    const result = await chaosRun(seed + i, cli);
    results.push(result);
    const faults = faultKinds.reduce((n, k) => n + result.faults[k], 0);
    console.log(
      `run ${i + 1}/${runs} seed ${result.seed}: ${result.ok ? 'ok' : 'FAILED'} — ${result.ops} ops, ` +
        `${faults} faults, ${result.kills} HQ kills, quiet after ${result.quiesceRounds}/${quiesceBound} rounds, ` +
        `${result.conflictsExpected} same-field conflicts, rejected ${JSON.stringify(result.rejected)}, ` +
        `${(result.ms / 1000).toFixed(1)} s`,
    );
    if (process.argv.includes('--log') && result.ok) {
      for (const line of result.events) console.log(`  ${line}`);
    }
    if (!result.ok) {
      console.log(`\n✗ chaos run seed ${result.seed} failed:`);
      for (const line of result.failures) console.log(`  ${line}`);
      console.log(`\nevent log of seed ${result.seed} (${result.events.length} events):`);
      for (const line of result.events) console.log(`  ${line}`);
      console.log(`\nreplay: npm run chaos -- --runs 1 --seed ${result.seed}\n`);
    }
  }
} finally {
  await remove();
}

const sum = (pick: (r: RunResult) => number) => results.reduce((n, r) => n + pick(r), 0);
const byKind = faultKinds.map((k) => `${k} ${sum((r) => r.faults[k])}`).join(', ');
const failed = results.filter((r) => !r.ok).length;
console.log(
  `chaos summary: runs ${results.length}, ops ${sum((r) => r.ops)}, faults injected ` +
    `${sum((r) => faultKinds.reduce((n, k) => n + r.faults[k], 0))} (${byKind}; HQ SIGKILLs ${sum((r) => r.kills)}), ` +
    `lost ${sum((r) => r.lost)}, duplicated ${sum((r) => r.duplicated)}, diverged ${sum((r) => r.diverged)}`,
);
console.log(`${results.length - failed} passed, ${failed} failed`);
if (failed > 0) {
  console.log(
    `failing seeds: ${results
      .filter((r) => !r.ok)
      .map((r) => r.seed)
      .join(' ')}`,
  );
}
process.exit(failed > 0 ? 1 : 0);
