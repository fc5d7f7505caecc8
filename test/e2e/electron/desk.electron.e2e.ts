import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deskApiChannels } from '@shared/ipc/contract';
import { runDeskScenario } from '../scenario';

const root = fileURLToPath(new URL('../../..', import.meta.url));

let app: ElectronApplication;
let page: Page;
let userDataDir: string;

beforeAll(async () => {
  // A fresh profile per run: the scenario starts from an empty database every time.
  userDataDir = await mkdtemp(path.join(os.tmpdir(), 'desk-electron-e2e-'));
  app = await _electron.launch({
    args: ['.'],
    cwd: root,
    env: { ...process.env, DESK_USER_DATA_DIR: userDataDir },
  });
  page = await app.firstWindow();
  page.on('pageerror', (error) => console.error('[renderer]', error));
  await page.waitForLoadState('domcontentloaded');
});

afterAll(async () => {
  await app?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

it('serves the desk from app://desk to an isolated, sandboxed renderer', async () => {
  expect(page.url()).toBe('app://desk/index.html');
  const probe = await page.evaluate(async () => {
    const scope = globalThis as { desk?: object; require?: unknown; process?: unknown };
    const response = await fetch('./index.html');
    return {
      desk: Object.keys(scope.desk ?? {}).sort(),
      require: typeof scope.require,
      process: typeof scope.process,
      csp: response.headers.get('content-security-policy'),
      popup: window.open('https://example.com/') === null,
    };
  });
  expect(probe.desk).toEqual(Object.keys(deskApiChannels).sort());
  expect(probe.require).toBe('undefined');
  expect(probe.process).toBe('undefined');
  expect(probe.csp).toContain("script-src 'self'");
  expect(probe.popup).toBe(true);
});

it('answers IPC through the preload with an IpcResult', async () => {
  const info = await page.evaluate(() =>
    (globalThis as { desk?: { getAppInfo: () => Promise<unknown> } }).desk?.getAppInfo(),
  );
  expect(info).toMatchObject({ ok: true, value: { electronVersion: expect.any(String) } });
});

it('runs the desk scenario in Electron', async () => {
  await runDeskScenario(page, {
    reload: async () => {
      await page.reload();
    },
  });
});
