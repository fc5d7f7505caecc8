import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { findElectronBinary } from './build/electronBinary.mjs';

// End-to-end in the real Electron shell (dist/electron + dist/renderer), driven by
// playwright-core. Normally started by test/e2e/electron/run-electron-e2e.mjs, which
// skips cleanly where the binary is missing; run directly, this config refuses instead,
// because launching without the binary would make electron/index.js try to download it.
const electron = findElectronBinary();
if (!electron.found) {
  throw new Error(`The Electron binary is not installed (${electron.reason}); nothing to test.`);
}

export default defineConfig({
  resolve: {
    alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) },
  },
  test: {
    include: ['test/e2e/electron/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
