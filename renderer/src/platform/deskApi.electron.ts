/**
 * DeskApi over the Electron preload (`window.desk`). The main process answers every
 * call with an IpcResult; here it becomes a resolved value or a thrown AppError, so UI
 * code handles platform errors exactly like write-path errors.
 */
import { AppError, toAppErrorData } from '@shared/errors/appError';
import type { DeskApi, DeskBridge, IpcResult } from '@shared/ipc/contract';

async function unwrap<T>(pending: Promise<IpcResult<T>>): Promise<T> {
  let result: IpcResult<T>;
  try {
    result = await pending;
  } catch (error) {
    // The call never reached a handler (main process gone, channel missing): a bug, not user error.
    console.error('[desk] IPC call failed', error);
    throw AppError.fromData(toAppErrorData(error));
  }
  if (result.ok) return result.value;
  throw AppError.fromData(result.error);
}

export function createElectronDeskApi(bridge: DeskBridge): DeskApi {
  return {
    getAppInfo: () => unwrap(bridge.getAppInfo()),
    setMenuLanguage: (language) => unwrap(bridge.setMenuLanguage(language)),
    saveTextFile: (request) => unwrap(bridge.saveTextFile(request)),
    openTextFile: (request) => unwrap(bridge.openTextFile(request)),
    savePagePdf: (request) => unwrap(bridge.savePagePdf(request)),
    saveBytesFile: (request) => unwrap(bridge.saveBytesFile(request)),
    openBytesFile: (request) => unwrap(bridge.openBytesFile(request)),
    enrollSync: (request) => unwrap(bridge.enrollSync(request)),
    syncStatus: () => unwrap(bridge.syncStatus()),
    syncRequest: (request) => unwrap(bridge.syncRequest(request)),
    reportSyncQueue: (report) => unwrap(bridge.reportSyncQueue(report)),
    readIdCard: (request) => unwrap(bridge.readIdCard(request)),
    storeDataKey: () => unwrap(bridge.storeDataKey()),
    backupFolder: () => unwrap(bridge.backupFolder()),
    chooseBackupFolder: () => unwrap(bridge.chooseBackupFolder()),
    writeBackupToFolder: (request) => unwrap(bridge.writeBackupToFolder(request)),
  };
}
