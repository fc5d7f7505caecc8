import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

/**
 * The packaged desk's fuses (electron-builder.yml, `electronFuses`): with any of these on,
 * a program run as the office's Windows user could start the desk's binary as Node
 * (ELECTRON_RUN_AS_NODE), or with NODE_OPTIONS or --inspect, and read the store's key
 * from the OS key store through it. Installers are not built here (no Electron binary),
 * so the configuration is what is checked.
 */
describe('electron-builder.yml', () => {
  it('turns off running as Node, NODE_OPTIONS and the inspector, and loads only the asar', async () => {
    const config = await readFile(
      new URL('../../../electron-builder.yml', import.meta.url),
      'utf8',
    );
    const block = /^electronFuses:\n((?: {2}.*\n)+)/m.exec(config)?.[1] ?? '';
    const fuses = Object.fromEntries(
      [...block.matchAll(/^ {2}(\w+): (true|false)$/gm)].map((m) => [m[1], m[2] === 'true']),
    );
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
