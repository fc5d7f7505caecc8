/**
 * Builds `window.desk` from the contract: one named function per DeskApi entry, each
 * calling exactly its own channel. Kept apart from preload.ts (which only hands it to
 * contextBridge) so a Node test checks the names and channels without Electron.
 */
import {
  deskApiChannels,
  type DeskBridge,
  type IpcChannel,
  type IpcRequest,
  type IpcResponse,
  type IpcResult,
} from '@shared/ipc/contract';

/** `ipcRenderer.invoke`, narrowed to the contract. */
export type Invoke = (channel: IpcChannel, request: unknown) => Promise<unknown>;

export function createDeskBridge(invoke: Invoke): DeskBridge {
  // The main process always answers with an IpcResult (see electron/ipc/registerHandlers.ts).
  const call = <K extends IpcChannel>(
    channel: K,
    request: IpcRequest<K>,
  ): Promise<IpcResult<IpcResponse<K>>> =>
    invoke(channel, request) as Promise<IpcResult<IpcResponse<K>>>;

  return {
    getAppInfo: () => call(deskApiChannels.getAppInfo, undefined),
    setMenuLanguage: (language) => call(deskApiChannels.setMenuLanguage, { language }),
    saveTextFile: (request) => call(deskApiChannels.saveTextFile, request),
    openTextFile: (request) => call(deskApiChannels.openTextFile, request),
    savePagePdf: (request) => call(deskApiChannels.savePagePdf, request),
    saveBytesFile: (request) => call(deskApiChannels.saveBytesFile, request),
    openBytesFile: (request) => call(deskApiChannels.openBytesFile, request),
    enrollSync: (request) => call(deskApiChannels.enrollSync, request),
    syncStatus: () => call(deskApiChannels.syncStatus, undefined),
    syncRequest: (request) => call(deskApiChannels.syncRequest, request),
    reportSyncQueue: (report) => call(deskApiChannels.reportSyncQueue, report),
    readIdCard: (request) => call(deskApiChannels.readIdCard, request),
    storeDataKey: () => call(deskApiChannels.storeDataKey, undefined),
    backupFolder: () => call(deskApiChannels.backupFolder, undefined),
    chooseBackupFolder: () => call(deskApiChannels.chooseBackupFolder, undefined),
    writeBackupToFolder: (request) => call(deskApiChannels.writeBackupToFolder, request),
  };
}
