/**
 * Runs the real electron/main.ts — bundled in memory by esbuild exactly as the build
 * does — against a fake `electron` module, to check the wiring no unit test sees: the
 * startup order, the window's preferences and URL, the handlers, and the app://
 * protocol serving files with the CSP header.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipcChannels } from '@shared/ipc/contract';
import { CONTENT_SECURITY_POLICY, secureWebPreferences } from '../../../electron/security';

const root = fileURLToPath(new URL('../../..', import.meta.url));

type Listener = (...args: unknown[]) => unknown;

function fakeElectron(options: { packaged?: boolean } = {}) {
  const calls: string[] = [];
  const appListeners = new Map<string, Listener>();
  const ipcHandlers = new Map<string, Listener>();
  const windows: { options: Record<string, unknown>; url?: string }[] = [];
  let protocolHandler: ((request: Request) => Promise<Response>) | undefined;
  let menu: unknown;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  class BrowserWindow {
    options: Record<string, unknown>;
    url?: string;
    constructor(options: Record<string, unknown>) {
      this.options = options;
      windows.push(this);
      calls.push('new BrowserWindow');
    }
    once() {}
    on() {}
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    static fromWebContents() {
      return null;
    }
    static getAllWindows() {
      return windows;
    }
  }

  const electron = {
    app: {
      setPath: (name: string) => calls.push(`setPath:${name}`),
      enableSandbox: () => calls.push('enableSandbox'),
      requestSingleInstanceLock: () => (calls.push('requestSingleInstanceLock'), true),
      on: (name: string, listener: Listener) => appListeners.set(name, listener),
      whenReady: () => ready,
      quit: () => calls.push('quit'),
      exit: () => calls.push('exit'),
      getVersion: () => '0.1.0',
      getPath: () => '/home/clerk/Documents',
      isPackaged: options.packaged ?? false,
      commandLine: { hasSwitch: () => false },
      setAboutPanelOptions: () => undefined,
    },
    protocol: {
      registerSchemesAsPrivileged: () => calls.push('registerSchemesAsPrivileged'),
      handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => {
        protocolHandler = handler;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => calls.push('setPermissionRequestHandler'),
        setPermissionCheckHandler: () => undefined,
        setDevicePermissionHandler: () => undefined,
      },
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => ipcHandlers.set(channel, listener),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (built: unknown) => (menu = built),
    },
    dialog: { showErrorBox: () => calls.push('showErrorBox') },
    BrowserWindow,
  };

  return {
    electron,
    calls,
    appListeners,
    ipcHandlers,
    windows,
    markReady,
    protocol: () => protocolHandler,
    menu: () => menu,
  };
}

/** Runs electron/main.ts, bundled as the build bundles it, against `electron`. */
async function runMain(electron: ReturnType<typeof fakeElectron>) {
  const bundle = await build({
    absWorkingDir: root,
    entryPoints: ['electron/main.ts'],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    external: ['electron'],
    alias: { '@shared': path.join(root, 'shared') },
  });
  const code = bundle.outputFiles[0]?.text ?? '';

  const realRequire = createRequire(import.meta.url);
  const requireWithFake = (id: string) => (id === 'electron' ? electron.electron : realRequire(id));
  const module = { exports: {} };
  const previous = process.env.DESK_USER_DATA_DIR;
  process.env.DESK_USER_DATA_DIR = path.join(dir, 'profile');
  try {
    new Function('require', 'module', 'exports', '__dirname', '__filename', code)(
      requireWithFake,
      module,
      module.exports,
      path.join(dir, 'electron'),
      path.join(dir, 'electron', 'main.cjs'),
    );
  } finally {
    if (previous === undefined) delete process.env.DESK_USER_DATA_DIR;
    else process.env.DESK_USER_DATA_DIR = previous;
  }
}

let dir: string;
let fake: ReturnType<typeof fakeElectron>;

beforeAll(async () => {
  // The packaged layout: <dir>/electron/main.cjs next to <dir>/renderer/.
  dir = await mkdtemp(path.join(os.tmpdir(), 'desk-main-'));
  await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'renderer', 'index.html'), '<title>民政工作台</title>');
  await writeFile(path.join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'secret.txt'), 'outside the renderer');

  fake = fakeElectron();
  await runMain(fake);
  fake.markReady();
  await new Promise((resolve) => setTimeout(resolve, 0));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('main.ts at startup', () => {
  it('moves userData and registers the scheme before taking the single-instance lock', () => {
    expect(fake.calls.slice(0, 4)).toEqual([
      'setPath:userData',
      'enableSandbox',
      'registerSchemesAsPrivileged',
      'requestSingleInstanceLock',
    ]);
  });

  it('once ready: denies permissions, then opens one secure window on app://desk', () => {
    expect(fake.calls).toContain('setPermissionRequestHandler');
    expect(fake.calls).not.toContain('showErrorBox');
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0];
    expect(window?.url).toBe('app://desk/index.html');
    expect(window?.options.webPreferences).toEqual(
      secureWebPreferences(path.join(dir, 'electron', 'preload.cjs')),
    );
  });

  it('registers a handler for every channel and installs the Chinese menu', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...ipcChannels].sort());
    const menu = fake.menu() as { label: string }[];
    expect(menu.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
  });

  it('hardens every webContents the app creates', () => {
    let openHandler: (() => unknown) | undefined;
    const contents = {
      on: () => contents,
      setWindowOpenHandler: (handler: () => unknown) => (openHandler = handler),
    };
    fake.appListeners.get('web-contents-created')?.({}, contents);
    expect(openHandler?.()).toEqual({ action: 'deny' });
  });
});

describe('the app:// protocol', () => {
  const get = (url: string, method = 'GET') => {
    const handler = fake.protocol();
    if (!handler) throw new Error('protocol.handle was not called');
    return handler(new Request(url, { method }));
  };

  it('serves the renderer with its content type and the CSP header', async () => {
    const response = await get('app://desk/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<title>民政工作台</title>');
    const script = await get('app://desk/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses traversal, unknown hosts, missing files and writes', async () => {
    expect((await get('app://desk/..%2Fsecret.txt')).status).toBe(403);
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://desk/missing.js')).status).toBe(404);
    expect((await get('app://desk/index.html', 'POST')).status).toBe(405);
    const refused = await get('app://desk/..%2Fsecret.txt');
    expect(refused.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('main.ts packaged, started with a debugging switch', () => {
  it('refuses to start: no lock taken, no window, an error box, exit', async () => {
    const packaged = fakeElectron({ packaged: true });
    const argv = process.argv;
    process.argv = [...argv, '--remote-debugging-port=9222'];
    try {
      await runMain(packaged);
    } finally {
      process.argv = argv;
    }
    packaged.markReady();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(packaged.calls).toContain('showErrorBox');
    expect(packaged.calls).toContain('exit');
    expect(packaged.calls).not.toContain('requestSingleInstanceLock');
    expect(packaged.windows).toHaveLength(0);
  });
});
