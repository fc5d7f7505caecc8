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
  const vitestArgs = [vitest, 'run', '--config', 'vitest.electron.config.ts'];
  // Electron needs a display; a headless Linux CI gets a virtual one from xvfb-run.
  const headlessLinux =
    process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const [command, args] = headlessLinux
    ? ['xvfb-run', ['-a', process.execPath, ...vitestArgs]]
    : [process.execPath, vitestArgs];
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  child.on('error', (error) => {
    console.error(
      headlessLinux
        ? `No display for Electron and xvfb-run could not start (${error.message}): install xvfb or set DISPLAY.`
        : `Could not start vitest: ${error.message}`,
    );
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}
