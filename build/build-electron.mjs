// Bundles the Electron main process and preload with esbuild (run: npm run build:electron).
// Two bundles, two runtimes: main.cjs runs in Electron's Node; preload.cjs runs in the
// sandboxed renderer, where `require` only knows 'electron' and a few built-ins, so
// everything else it imports must be inlined.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  external: ['electron'],
  alias: { '@shared': `${root}shared` },
  sourcemap: true,
  logLevel: 'info',
};

// Electron 45 ships a Node newer than 22 and a Chromium newer than 140; lower targets
// are always safe, they only transpile a little more.
await Promise.all([
  build({
    ...common,
    entryPoints: { main: 'electron/main.ts' },
    outfile: 'dist/electron/main.cjs',
    target: 'node22',
  }),
  build({
    ...common,
    entryPoints: { preload: 'electron/preload.ts' },
    outfile: 'dist/electron/preload.cjs',
    target: 'chrome140',
  }),
]);
