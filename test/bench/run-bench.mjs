// `npm run bench [-- --quick] [--seed N] [--out FILE]`: bundles test/bench/main.ts with esbuild (as
// build/build-hq.mjs bundles HQ; packages stay in node_modules, @shared resolves to
// the sources) into dist/bench/ and runs it with the same arguments in a Node with a
// larger heap (the full office is held several times over: generated, queued, pulled).
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outfile = `${root}dist/bench/bench-${process.pid}.mjs`;

await build({
  entryPoints: [`${root}test/bench/main.ts`],
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
const child = spawn(
  process.execPath,
  [
    '--max-old-space-size=12288',
    '--enable-source-maps',
    // BENCH_NODE_ARGS: extra Node flags for the bench process (the Node desks), e.g.
    // "--cpu-prof --cpu-prof-dir=DIR"; BENCH_HQ_NODE_ARGS does the same for HQ.
    ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    outfile,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
