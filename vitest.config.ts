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
  },
});
