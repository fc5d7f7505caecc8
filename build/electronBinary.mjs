// Finds the Electron executable the way node_modules/electron/index.js does, but
// without requiring that module: on a machine installed with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1 its index.js would try to download the binary.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * @returns {{ found: true, path: string } | { found: false, reason: string }}
 */
export function findElectronBinary() {
  let packageDir;
  try {
    // Resolving package.json reads nothing and runs nothing.
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'the electron package is not in node_modules' };
  }

  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const executable = path.join(override, relative || 'electron');
    return existsSync(executable)
      ? { found: true, path: executable }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${executable}` };
  }
  if (!relative) {
    return { found: false, reason: `${pathFile} is missing (binary download was skipped)` };
  }
  const executable = path.join(packageDir, 'dist', relative);
  return existsSync(executable)
    ? { found: true, path: executable }
    : { found: false, reason: `${executable} does not exist` };
}
