// npm run test:electron: the desk scenario inside the real Electron shell. Where the
// Electron binary was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD), this is a
// skip, not a failure: the same scenario already ran in Chromium (npm run test:e2e).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from '../../../build/electronBinary.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const electron = findElectronBinary();

if (!electron.found) {
  console.log(
    `Electron e2e skipped: the Electron binary is not installed here (${electron.reason}); the same desk scenario ran in Chromium (npm run test:e2e).`,
  );
} else {
  // vitest's own entry run by this Node: `npx` would need a shell on Windows.
  const vitest = path.join(
    path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
    'vitest.mjs',
  );
  const child = spawn(process.execPath, [vitest, 'run', '--config', 'vitest.electron.config.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}
