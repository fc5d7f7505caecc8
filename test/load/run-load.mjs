// `npm run load -- --desks N --seconds S [--out file.json]` (or `-- --province`, one
// office's pull from a province-sized HQ): bundles test/load/main.ts (as run-chaos.mjs
// bundles the chaos run) and runs it. Without HQ_DATABASE_URL, it runs
// itself again under test/support/withPostgres.sh: a throwaway PostgreSQL on loopback.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
if (!process.env.HQ_DATABASE_URL && !process.env.HQ_TEST_DATABASE_URL) {
  const again = spawnSync(
    'bash',
    [
      `${root}test/support/withPostgres.sh`,
      process.execPath,
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit' },
  );
  process.exit(again.status ?? 1);
}

const outfile = `${root}dist/load/load-${process.pid}.mjs`;
await build({
  entryPoints: [`${root}test/load/main.ts`],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  alias: { '@shared': `${root}shared` },
  sourcemap: 'inline',
  logLevel: 'warning',
});
process.once('exit', () => rmSync(outfile, { force: true }));
process.env.LOAD_MAIN = '1';
await import(pathToFileURL(outfile).href);
