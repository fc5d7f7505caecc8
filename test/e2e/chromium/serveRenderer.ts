import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { createServer, preview } from 'vite';

declare module 'vitest' {
  export interface ProvidedContext {
    rendererUrl: string;
    storeHarnessUrl: string;
  }
}

/** Serves the built renderer once for all e2e files, on a free loopback port. */
export default async function setup(project: TestProject) {
  const server = await preview({
    configFile: fileURLToPath(new URL('../../../renderer/vite.config.ts', import.meta.url)),
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The renderer preview server did not report its URL.');
  project.provide('rendererUrl', url);

  // The store harness is compiled on the fly by Vite's dev server (no app build needed).
  const harness = await createServer({
    configFile: false,
    root: fileURLToPath(new URL('../store', import.meta.url)),
    resolve: { alias: { '@shared': fileURLToPath(new URL('../../../shared', import.meta.url)) } },
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    // Pre-bundle the known dependencies up front (Dexie ships UMD) and discover none
    // later, so the optimizer never reloads the page in the middle of a test.
    optimizeDeps: { noDiscovery: true, include: ['dexie', 'zod', 'pinyin-pro', 'uuidv7'] },
    logLevel: 'warn',
  });
  await harness.listen();
  const harnessUrl = harness.resolvedUrls?.local[0];
  if (!harnessUrl) throw new Error('The store harness server did not report its URL.');
  project.provide('storeHarnessUrl', harnessUrl);

  return async () => {
    await harness.close();
    await server.close();
  };
}
