import { readdir, readFile, rm } from 'node:fs/promises';
import { build as viteBuild, preview } from 'vite';
import { repoRoot } from './pageServer';

/**
 * The renderer built for production (Vite) into the bench's own folder and served by
 * Vite's preview server on a free loopback port, as the e2e tests serve dist/renderer.
 * `prepare` writes extra files into the folder before serving (the bare start's page);
 * `close` stops the server and removes the folder.
 */
export async function serveBuiltRenderer(
  log: (line: string) => void,
  prepare?: (outDir: string) => Promise<void>,
): Promise<{ url: string; origin: string; close: () => Promise<void> }> {
  log('building the renderer (vite build)…');
  const configFile = `${repoRoot}renderer/vite.config.ts`;
  const outDir = `${repoRoot}dist/bench/renderer-${process.pid}`;
  // Vite builds with whatever NODE_ENV it finds, and the bench's page server (a Vite dev
  // server) once left it at development for the whole process: the "production" app was
  // React's development build, several times slower. pageServer.ts now puts NODE_ENV
  // back; pinned here too, whatever else runs first.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await viteBuild({
      configFile,
      mode: 'production',
      build: { outDir, emptyOutDir: true },
      logLevel: 'warn',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  await assertProductionBuild(outDir);
  await prepare?.(outDir);
  const server = await preview({
    configFile,
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The renderer preview server did not report its URL.');
  return {
    url,
    origin: new URL(url).origin,
    close: async () => {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/** React's development runtime left in the bundle would make every figure a dev build's. */
async function assertProductionBuild(outDir: string): Promise<void> {
  const assets = `${outDir}/assets`;
  for (const file of await readdir(assets)) {
    if (!file.endsWith('.js')) continue;
    if ((await readFile(`${assets}/${file}`, 'utf8')).includes('jsxDEV')) {
      throw new Error(`The bench's build is not a production build: ${file} holds jsxDEV.`);
    }
  }
}
