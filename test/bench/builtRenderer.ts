import { rm } from 'node:fs/promises';
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
  await viteBuild({ configFile, build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
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
