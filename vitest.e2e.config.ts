import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end: the built renderer (dist/renderer) in Debian's Chromium via playwright-core.
export default defineConfig({
  resolve: {
    alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) },
  },
  test: {
    include: ['test/e2e/chromium/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/chromium/serveRenderer.ts'],
    setupFiles: ['test/e2e/setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
