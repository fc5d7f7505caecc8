/**
 * The one IPC contract between the Electron main process and the renderer.
 *
 * Both ends are typed from `IpcContract`: the main process registers exactly one handler
 * per channel (the compiler refuses a missing one), the preload exposes one named
 * function per channel, and the renderer sees plain promises. Adding a channel means:
 * add it here, add it to `ipcChannels` and `deskApiChannels`, then write its handler.
 *
 * Pure TypeScript: this file is bundled into the sandboxed preload, so it holds only
 * types and a few string constants.
 */
import type { AppErrorData } from '../errors/appError';
import type { IdCardReading } from '../identity/idCardReading';
import type { SignedAnswer } from '../sync/hqSignature';
import type { PublicKeys, PullRequest, PushRequest } from '../sync/protocol';

export type MenuLanguage = 'zh-CN' | 'en';

export interface AppInfo {
  appVersion: string;
  /** `process.platform` in Electron ("win32", "linux", …); the browser's platform on the web. */
  platform: string;
  /** Null when the desk runs in a plain browser (`npm run web`). */
  electronVersion: string | null;
  chromeVersion: string | null;
  isPackaged: boolean;
}

/** Same shape as Electron's dialog filter, e.g. { name: '同步包', extensions: ['json'] }. */
export interface FileFilter {
  name: string;
  /** Without the dot; ['*'] means any file. */
  extensions: string[];
}

export interface SaveTextRequest {
  suggestedName: string;
  content: string;
  filters: FileFilter[];
}

export interface SaveTextResponse {
  /** False when the user cancelled the dialog. */
  saved: boolean;
  /** Where the file went; absent on the web, where the browser decides. */
  path?: string;
}

/** Larger text would freeze the renderer when it arrives as one string; both runtimes refuse it. */
export const MAX_OPEN_TEXT_BYTES = 64 * 1024 * 1024;

export interface OpenTextRequest {
  filters: FileFilter[];
}

export interface OpenTextResponse {
  /** False when the user cancelled the dialog. */
  opened: boolean;
  name?: string;
  content?: string;
}

export interface SavePdfRequest {
  /** Offered in the save dialog; '.pdf' is added when missing. */
  suggestedName: string;
}

export interface SavePdfResponse {
  /** False when the user cancelled, and always on the web (the print dialog decides). */
  saved: boolean;
  path?: string;
  /** 'file': rendered to PDF and written; 'printDialog': the browser's print dialog was shown instead. */
  via: 'file' | 'printDialog';
}

/** Enrolls this desk with HQ once; the main process keeps the credential HQ returns. */
export interface SyncEnrollRequest {
  /** HQ's base URL, e.g. "https://hq.example.gov.cn" (shared/sync/hqAddress.ts says which). */
  hqUrl: string;
  /** The desk's developer setting 开发者：允许不加密的 http 地址 (absent: off). */
  allowInsecureHttp?: boolean;
  /** The one-time enrollment code the county administrator issued. */
  code: string;
  /** This office's id from its settings; HQ refuses a code issued for another office. */
  officeId: string;
  /** The desk's own device id: changes queued before enrollment already carry it. */
  deviceId: string;
  deviceName: string;
  /** The desk's public package keys (its private keys never leave the renderer's store). */
  publicKeys: PublicKeys;
}

/** What the renderer may know of the enrollment: never the token. */
export interface SyncEnrollResponse {
  deviceId: string;
  officeId: string;
  officeName: string;
  /** HQ's public package keys, which the desk pins. */
  hqKeys: PublicKeys;
  /** HQ's clock at enrollment (ISO), to warn about a device clock that is off. */
  hqTime: string;
}

export interface SyncStatusResponse {
  enrolled: boolean;
  hqUrl: string | null;
  deviceId: string | null;
}

/**
 * One sync call, made by the main process with the stored credential, to the stored
 * address if it passes the address rule with the desk's developer setting.
 */
export type SyncHttpRequest = (
  { route: 'push'; body: PushRequest } | { route: 'pull'; body: PullRequest }
) & { allowInsecureHttp?: boolean };

/** HQ's answer (push or pull) as received, for the engine to verify before it uses it. */
export type SyncHttpResponse = SignedAnswer;

/** A sync package (or any binary file) to save; the bytes cross IPC as a Uint8Array. */
export interface SaveBytesRequest {
  suggestedName: string;
  bytes: Uint8Array<ArrayBuffer>;
  filters: FileFilter[];
}

/** Sync packages of a large office are tens of megabytes; more is not a package. */
export const MAX_OPEN_BYTES = 512 * 1024 * 1024;

export interface OpenBytesResponse {
  /** False when the user cancelled the dialog. */
  opened: boolean;
  name?: string;
  bytes?: Uint8Array<ArrayBuffer>;
}

/**
 * One read of the desk's local ID-card reader service (electron/idCard/). The address is
 * the desk's own setting, passed with each call and checked again in the main process
 * (loopback only); the reading is checked field by field before it is answered.
 */
export interface IdCardReadRequest {
  url: string;
}

/** The desk store's data key, base64 (electron/atRest/dataKeyFile.ts); null without an OS key store. */
export interface StoreDataKeyResponse {
  key: string | null;
}

/**
 * The scheduled backup's folder (issue #16): chosen once by the supervisor in a dialog of
 * the main process and kept there. The renderer sees the folder (to show it) but never
 * names a path: it hands over the sealed backup and the main process writes it there.
 */
export interface BackupFolderStatus {
  /** The chosen folder, or null when none is chosen yet. */
  folder: string | null;
}

/** A sealed .mzbak for the chosen folder; the main process names the file from its manifest. */
export interface WriteBackupRequest {
  bytes: Uint8Array<ArrayBuffer>;
  /** How many of the desk's backups the folder keeps (1–99); older ones are removed. */
  keep: number;
}

export interface WriteBackupResponse {
  fileName: string;
  /** How many older backups were removed to keep `keep`. */
  removed: number;
}

/**
 * How many of the desk's changes HQ has not got yet (issue #17 item 1): the renderer
 * reports it whenever it changes, and the main process asks before the window closes with
 * any, saying how many (they stay on this PC and sync next time; nothing is lost).
 */
export interface SyncQueueReport {
  queued: number;
}

/** Channel name → request and response. An `undefined` request means the call takes no argument. */
export interface IpcContract {
  'app:getInfo': { request: undefined; response: AppInfo };
  'app:setMenuLanguage': { request: { language: MenuLanguage }; response: undefined };
  'file:saveText': { request: SaveTextRequest; response: SaveTextResponse };
  'file:openText': { request: OpenTextRequest; response: OpenTextResponse };
  'file:savePdf': { request: SavePdfRequest; response: SavePdfResponse };
  'file:saveBytes': { request: SaveBytesRequest; response: SaveTextResponse };
  'file:openBytes': { request: OpenTextRequest; response: OpenBytesResponse };
  'sync:enroll': { request: SyncEnrollRequest; response: SyncEnrollResponse };
  'sync:status': { request: undefined; response: SyncStatusResponse };
  'sync:request': { request: SyncHttpRequest; response: SyncHttpResponse };
  'sync:reportQueue': { request: SyncQueueReport; response: undefined };
  'idCard:read': { request: IdCardReadRequest; response: IdCardReading };
  'store:dataKey': { request: undefined; response: StoreDataKeyResponse };
  'backup:folder': { request: undefined; response: BackupFolderStatus };
  'backup:chooseFolder': { request: undefined; response: BackupFolderStatus };
  'backup:writeToFolder': { request: WriteBackupRequest; response: WriteBackupResponse };
}

export type IpcChannel = keyof IpcContract;
export type IpcRequest<K extends IpcChannel> = IpcContract[K]['request'];
export type IpcResponse<K extends IpcChannel> = IpcContract[K]['response'];

/**
 * What crosses the wire. Errors travel as data because an Error thrown in a handler
 * reaches the renderer as a bare message string: the code and field errors would be lost.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** Every channel, for code that must visit them all (registration, tests). */
export const ipcChannels = [
  'app:getInfo',
  'app:setMenuLanguage',
  'file:saveText',
  'file:openText',
  'file:savePdf',
  'file:saveBytes',
  'file:openBytes',
  'sync:enroll',
  'sync:status',
  'sync:request',
  'sync:reportQueue',
  'idCard:read',
  'store:dataKey',
  'backup:folder',
  'backup:chooseFolder',
  'backup:writeToFolder',
] as const satisfies readonly IpcChannel[];

/**
 * The functions the renderer calls (`renderer/src/platform`). They resolve with the
 * response and reject with an AppError.
 */
export interface DeskApi {
  getAppInfo(): Promise<AppInfo>;
  setMenuLanguage(language: MenuLanguage): Promise<void>;
  saveTextFile(request: SaveTextRequest): Promise<SaveTextResponse>;
  openTextFile(request: OpenTextRequest): Promise<OpenTextResponse>;
  /** Saves the current page, as its print stylesheet lays it out, as a PDF file. */
  savePagePdf(request: SavePdfRequest): Promise<SavePdfResponse>;
  /** Binary files (sync packages): a save dialog, and an open dialog that reads the file. */
  saveBytesFile(request: SaveBytesRequest): Promise<SaveTextResponse>;
  openBytesFile(request: OpenTextRequest): Promise<OpenBytesResponse>;
  /** Online sync (Electron only: the main process holds the credential and does the HTTP). */
  enrollSync(request: SyncEnrollRequest): Promise<SyncEnrollResponse>;
  syncStatus(): Promise<SyncStatusResponse>;
  syncRequest(request: SyncHttpRequest): Promise<SyncHttpResponse>;
  /** The queue's size, so quitting with changes not yet at HQ asks first (Electron). */
  reportSyncQueue(report: SyncQueueReport): Promise<void>;
  /** Reads the card on the desk's local reader service (Electron only). */
  readIdCard(request: IdCardReadRequest): Promise<IdCardReading>;
  /** The store's data key from the OS key store (Electron; null without one, and on the web). */
  storeDataKey(): Promise<StoreDataKeyResponse>;
  /** The scheduled backup's folder (Electron only; the web build reminds instead). */
  backupFolder(): Promise<BackupFolderStatus>;
  chooseBackupFolder(): Promise<BackupFolderStatus>;
  writeBackupToFolder(request: WriteBackupRequest): Promise<WriteBackupResponse>;
}

/** Which channel backs each DeskApi function; the preload is built from this table. */
export const deskApiChannels = {
  getAppInfo: 'app:getInfo',
  setMenuLanguage: 'app:setMenuLanguage',
  saveTextFile: 'file:saveText',
  openTextFile: 'file:openText',
  savePagePdf: 'file:savePdf',
  saveBytesFile: 'file:saveBytes',
  openBytesFile: 'file:openBytes',
  enrollSync: 'sync:enroll',
  syncStatus: 'sync:status',
  syncRequest: 'sync:request',
  reportSyncQueue: 'sync:reportQueue',
  readIdCard: 'idCard:read',
  storeDataKey: 'store:dataKey',
  backupFolder: 'backup:folder',
  chooseBackupFolder: 'backup:chooseFolder',
  writeBackupToFolder: 'backup:writeToFolder',
} as const satisfies { [F in keyof DeskApi]: IpcChannel };

export type DeskApiName = keyof DeskApi;

/**
 * What the preload exposes as `window.desk`: the same named functions, but resolving
 * with an IpcResult, because an AppError cannot cross the context bridge intact.
 * `renderer/src/platform/deskApi.electron.ts` unwraps it into a DeskApi.
 */
export type DeskBridge = {
  [F in DeskApiName]: (
    ...args: Parameters<DeskApi[F]>
  ) => Promise<IpcResult<Awaited<ReturnType<DeskApi[F]>>>>;
};

// ---- Compile-time checks: DeskApi, deskApiChannels and ipcChannels agree with the contract.

type Extends<A, B> = [A] extends [B] ? true : false;
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

/** What each channel answers is what its DeskApi function promises the renderer. */
export type DeskApiMatchesContract = Assert<
  Equal<
    {
      [F in DeskApiName]: Extends<
        IpcResponse<(typeof deskApiChannels)[F]>,
        Awaited<ReturnType<DeskApi[F]>>
      >;
    }[DeskApiName],
    true
  >
>;

/** Every channel is listed in `ipcChannels` and backs some DeskApi function. */
export type ChannelListsAreComplete = Assert<
  Equal<
    [IpcChannel, IpcChannel],
    [(typeof ipcChannels)[number], (typeof deskApiChannels)[DeskApiName]]
  >
>;
