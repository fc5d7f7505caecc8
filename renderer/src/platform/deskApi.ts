/**
 * The renderer's only door to the platform. UI code calls getDeskApi() and never
 * checks which runtime it is in: inside Electron the calls go over the preload's IPC,
 * in a plain browser they use web stand-ins with the same signatures.
 */
import type { DeskApi } from '@shared/ipc/contract';
import { createElectronDeskApi } from './deskApi.electron';
import { createWebDeskApi } from './deskApi.web';

export type {
  AppInfo,
  DeskApi,
  FileFilter,
  MenuLanguage,
  OpenTextRequest,
  OpenTextResponse,
  SaveTextRequest,
  SaveTextResponse,
} from '@shared/ipc/contract';

let deskApi: DeskApi | undefined;

export function getDeskApi(): DeskApi {
  deskApi ??= window.desk ? createElectronDeskApi(window.desk) : createWebDeskApi();
  return deskApi;
}

/** For the few places that word things differently on the desktop (e.g. "保存到…"). */
export function isDesktop(): boolean {
  return window.desk !== undefined;
}
