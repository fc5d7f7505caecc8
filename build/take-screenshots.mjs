// Regenerates docs/screenshots/ by running the e2e scenarios in Chromium with
// screenshots on (the same scenarios `npm test` runs).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../docs/screenshots', import.meta.url));
mkdirSync(dir, { recursive: true });
const result = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], {
  stdio: 'inherit',
  env: { ...process.env, DESK_SCREENSHOTS: dir },
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
