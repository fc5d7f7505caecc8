/**
 * Command-line switches that would open the running desk to another program: Chromium's
 * DevTools protocol (`--remote-debugging-port`, `--remote-debugging-pipe`) reaches the
 * page, where the store's data key and every opened row are (the OS key store opens the
 * store before anyone logs in), and Node's inspector (`--inspect…`) the main process. A
 * packaged desk refuses to start with any of them; the build's fuses
 * (electron-builder.yml, `electronFuses`) also turn off Node's inspector switches,
 * `NODE_OPTIONS` and `ELECTRON_RUN_AS_NODE`, which no switch check can see. Development
 * runs and the Electron e2e tests (Playwright starts Electron with `--inspect` and a
 * debugging port) are unpackaged and keep them.
 */
export const refusedSwitchNames: readonly string[] = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
  'debug',
  'debug-brk',
];
const refused = new Set(refusedSwitchNames);

/**
 * The first refused switch among the process's arguments (its name), else null: written
 * with `--`, `-` or (Chromium on Windows) `/`, in any case. main.ts also asks Chromium's
 * own parser (`app.commandLine.hasSwitch`) for each name.
 */
export function refusedSwitch(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const name = /^(?:--?|\/)([a-z][a-z-]*)(?:=|$)/i.exec(arg)?.[1]?.toLowerCase();
    if (name !== undefined && refused.has(name)) return name;
  }
  return null;
}
