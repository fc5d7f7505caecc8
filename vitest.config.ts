import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) },
  },
  test: {
    include: ['test/node/**/*.test.ts'],
    environment: 'node',
    // Dexie runs on fake-indexeddb: the same engine code as in the browser, in memory.
    setupFiles: ['test/node/setup.ts'],
    // Timeouts catch a hang, never a slow machine: CI's 2 cores under a full suite run
    // tests of real HQ processes and thousands of fake-IndexedDB writes near vitest's 5 s
    // (and hooks stopping an HQ near its 10 s).
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
