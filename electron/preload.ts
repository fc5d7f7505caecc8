/**
 * Runs in the sandboxed renderer before the page (bundled to dist/electron/preload.cjs).
 * Exposes only the named functions of DeskBridge as `window.desk` — never ipcRenderer
 * itself or a generic invoke(channel), so the page can reach nothing the contract
 * does not list.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createDeskBridge } from './preloadBridge';

contextBridge.exposeInMainWorld(
  'desk',
  createDeskBridge((channel, request) => ipcRenderer.invoke(channel, request)),
);
