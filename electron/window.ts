/** The one desk window (runs in main). Its webPreferences come from security.ts, unchanged. */
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './appUrl';
import { secureWebPreferences } from './security';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 640,
    title: '民政工作台',
    backgroundColor: '#ffffff',
    // Shown once painted, so office PCs never flash an empty white frame.
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('[window] could not load the desk', error);
  });
  return window;
}
