/**
 * Every security decision of the Electron shell, as plain functions. Electron objects
 * come in as parameters (types only are imported), so all of this is unit-tested in
 * Node without the Electron binary.
 */
import type { Session, WebContents, WebPreferences } from 'electron';
import { isAppUrl } from './appUrl';

/** The renderer gets no Node, no Electron, and the same sandbox as a web page. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/**
 * Sent as a response header by the app:// handler. It repeats the meta tag in
 * renderer/index.html (a test keeps them in step) and adds what only a header can
 * say: frame-ancestors. It is stricter on connect-src: in Electron the main process
 * talks to HQ, so the page may connect to nothing but itself (both policies apply). 'unsafe-inline' styles are needed by MUI/emotion; scripts
 * stay 'self' only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The window may only ever show our own pages; links elsewhere are refused, not followed. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** IPC is answered only for frames showing our own pages (not a stray or injected frame). */
export function isTrustedIpcSender(frameUrl: string | undefined | null): boolean {
  return isAppUrl(frameUrl);
}

/** A civil-affairs desk needs no camera, geolocation, notifications, USB…: deny them all. */
export function denyPermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

export function denyPermissionCheck(): boolean {
  return false;
}

export type HardenableWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Applied to every webContents the app creates (see main.ts 'web-contents-created'). */
export function hardenWebContents(contents: HardenableWebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export type HardenableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(() => false);
}
