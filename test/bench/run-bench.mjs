// `npm run bench [-- --quick] [--seed N] [--out FILE]`: bundles test/bench/main.ts with esbuild (as
// build/build-hq.mjs bundles HQ; packages stay in node_modules, @shared resolves to
// the sources) into dist/bench/ and runs it in this process with the same arguments.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
await import(pathToFileURL(outfile).href);
