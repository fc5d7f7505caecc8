/**
 * Electron main process entry (bundled to dist/electron/main.cjs). Only wiring: the
 * decisions live in security.ts, appUrl.ts, menuTemplate.ts and ipc/handlers/*.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, net, safeStorage, session } from 'electron';
import { registerAppScheme, serveAppProtocol } from './appProtocol';
import { BackupFolder } from './backup/backupFolder';
import { appInfoHandlers } from './ipc/handlers/appInfo';
import { backupFolderHandlers } from './ipc/handlers/backupFolder';
import { binaryFileHandlers } from './ipc/handlers/binaryFiles';
import type { FileHandlerDeps } from './ipc/handlers/fileAccess';
import { fileHandlers } from './ipc/handlers/files';
import { idCardHandlers } from './ipc/handlers/idCard';
import { storeKeyHandlers } from './ipc/handlers/storeKey';
import { DataKeyFile } from './atRest/dataKeyFile';
import { menuLanguageHandlers } from './ipc/handlers/menuLanguage';
import { savePdfHandlers } from './ipc/handlers/savePdf';
import { syncHandlers } from './ipc/handlers/sync';
import { syncQueueHandlers } from './ipc/handlers/syncQueue';
import { registerHandlers } from './ipc/registerHandlers';
import { applyApplicationMenu } from './menu';
import { createHttpIdCardReader } from './idCard/httpReader';
import { hardenSession, hardenWebContents } from './security';
import { CredentialStore } from './sync/credentialStore';
import { guardWindowClose, QuitGuard } from './sync/quitGuard';
import type { MenuLanguage } from '@shared/ipc/contract';
import { createMainWindow } from './window';
import { refusedSwitch, refusedSwitchNames } from './startupSwitches';

// dist/electron/main.cjs → dist/electron/preload.cjs and dist/renderer/.
const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererDir = path.join(__dirname, '..', 'renderer');

// Before anything reads userData (the single-instance lock lives there): e2e runs and
// portable installs point the desk at their own folder, so they never share a database.
const userDataDir = process.env.DESK_USER_DATA_DIR;
if (userDataDir) app.setPath('userData', path.resolve(userDataDir));

app.enableSandbox();
registerAppScheme();

let mainWindow: BrowserWindow | null = null;
// Changes not yet at HQ (the renderer reports them): closing asks first while any wait.
const quitGuard = new QuitGuard();
let language: MenuLanguage = 'zh-CN';

function openMainWindow(): void {
  const window = createMainWindow(preloadPath);
  mainWindow = window;
  guardWindowClose(
    window,
    quitGuard,
    async (prompt) => (await dialog.showMessageBox(window, prompt)).response,
    () => language,
  );
  window.on('closed', () => {
    mainWindow = null;
  });
}

function start(): void {
  hardenSession(session.defaultSession);
  serveAppProtocol(rendererDir);
  const fileDeps: FileHandlerDeps = {
    dialog,
    windowFor: (event) => BrowserWindow.fromWebContents(event.sender),
    defaultDirectory: () => app.getPath('documents'),
  };
  registerHandlers(ipcMain, {
    ...appInfoHandlers({ app, platform: process.platform, versions: process.versions }),
    ...menuLanguageHandlers((chosen) => {
      language = chosen;
      applyApplicationMenu(chosen);
    }),
    ...fileHandlers(fileDeps),
    ...binaryFileHandlers(fileDeps),
    ...savePdfHandlers(fileDeps),
    ...syncHandlers({
      credentials: new CredentialStore({
        file: () => path.join(app.getPath('userData'), 'hq-credential.json'),
        encryption: () => safeStorage,
      }),
      // net.fetch follows the system proxy settings, as county networks often require.
      fetch: (url, { timeoutMs, ...init }) =>
        net.fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
    }),
    ...syncQueueHandlers(quitGuard),
    // Node's fetch, not net.fetch: a card read stays on this computer, never via a proxy.
    ...idCardHandlers({ readerFor: (url) => createHttpIdCardReader({ url }) }),
    ...storeKeyHandlers(
      new DataKeyFile({
        file: () => path.join(app.getPath('userData'), 'desk-data-key.json'),
        encryption: () => safeStorage,
        randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
      }),
    ),
    ...backupFolderHandlers(
      new BackupFolder({ file: () => path.join(app.getPath('userData'), 'backup-folder.json') }),
      fileDeps,
    ),
  });
  applyApplicationMenu('zh-CN');
  openMainWindow();
}

// A packaged desk opened to a debugger would hand it the store's key (startupSwitches.ts).
const refused = app.isPackaged
  ? (refusedSwitch(process.argv) ??
    refusedSwitchNames.find((name) => app.commandLine.hasSwitch(name)) ??
    null)
  : null;
if (refused) {
  dialog.showErrorBox(
    '民政工作台无法启动 / The desk could not start',
    `本程序不能带 --${refused} 启动。/ The desk does not start with --${refused}.`,
  );
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  // A second desk on the same data would race the first on IndexedDB: focus the first.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[main] startup failed', error);
      dialog.showErrorBox('民政工作台无法启动 / The desk could not start', String(error));
      app.exit(1);
    });
}
