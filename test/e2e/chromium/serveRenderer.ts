import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { preview } from 'vite';

declare module 'vitest' {
  export interface ProvidedContext {
    rendererUrl: string;
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
  return async () => {
    await server.close();
  };
}
