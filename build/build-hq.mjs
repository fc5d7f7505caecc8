// Bundles the HQ server and its admin commands into dist/hq/cli.cjs. Dependencies stay
// in node_modules (better-sqlite3 is native); @shared is resolved to the shared sources.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  entryPoints: [`${root}hq/src/cli/main.ts`],
  outfile: `${root}dist/hq/cli.cjs`,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  alias: { '@shared': `${root}shared` },
  sourcemap: true,
  logLevel: 'warning',
});
