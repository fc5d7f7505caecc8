/**
 * DeskApi in a plain browser (`npm run web`): the closest the web allows. Saving is a
 * download (the browser picks the folder, so no path comes back and a cancel cannot be
 * seen); opening is a file picker; the menu does not exist.
 */
import { AppError, toAppErrorData } from '@shared/errors/appError';
import {
  MAX_OPEN_BYTES,
  MAX_OPEN_TEXT_BYTES,
  type DeskApi,
  type FileFilter,
  type OpenBytesResponse,
  type OpenTextResponse,
} from '@shared/ipc/contract';

/** `.json,.csv` for <input accept>; empty (anything) when a filter allows '*'. */
function acceptFor(filters: FileFilter[]): string {
  const extensions = filters.flatMap((filter) => filter.extensions);
  if (extensions.length === 0 || extensions.includes('*')) return '';
  return extensions.map((extension) => `.${extension}`).join(',');
}

/** The last path segment: a suggested name must not carry folders into the download. */
function baseName(name: string): string {
  return name.split(/[\\/]/).pop() || 'download.txt';
}

/** Same error as the Electron handlers give (field `file`, code `file.too_large`). */
function fileTooLarge(size: number, maxBytes: number): AppError {
  return new AppError({
    code: 'validation',
    message: 'The chosen file is too large to open.',
    fieldErrors: [
      { path: 'file', code: 'file.too_large', params: { maxMegabytes: maxBytes / 1024 / 1024 } },
    ],
    details: { size, maxBytes },
  });
}

/**
 * A hidden <input type=file>: the user picks one file, `read` turns it into the
 * response. Files over `maxBytes` are refused before they are read.
 */
function pickFile<R extends { opened: boolean }>(
  filters: FileFilter[],
  maxBytes: number,
  read: (file: File) => Promise<R>,
): Promise<R | { opened: false }> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = acceptFor(filters);
    input.hidden = true;
    const fail = (error: unknown): void => {
      input.remove();
      reject(error instanceof AppError ? error : AppError.fromData(toAppErrorData(error)));
    };
    const finish = (response: R | { opened: false }): void => {
      input.remove();
      resolve(response);
    };
    // 'cancel' exists since Chrome 113 / Firefox 91; older browsers just never settle.
    input.addEventListener('cancel', () => finish({ opened: false }), { once: true });
    input.addEventListener(
      'change',
      () => {
        const file = input.files?.[0];
        if (!file) return finish({ opened: false });
        if (file.size > maxBytes) return fail(fileTooLarge(file.size, maxBytes));
        read(file).then(finish, fail);
      },
      { once: true },
    );
    document.body.append(input);
    input.click();
  });
}

function pickTextFile(filters: FileFilter[]): Promise<OpenTextResponse> {
  // Blob.text() decodes UTF-8 and drops a BOM, like the Electron handler does.
  return pickFile(filters, MAX_OPEN_TEXT_BYTES, async (file) => ({
    opened: true,
    name: file.name,
    content: await file.text(),
  }));
}

function pickBytesFile(filters: FileFilter[]): Promise<OpenBytesResponse> {
  return pickFile(filters, MAX_OPEN_BYTES, async (file) => ({
    opened: true,
    name: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  }));
}

/** A download through a hidden <a download>: the browser decides the folder. */
function download(blob: Blob, suggestedName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = baseName(suggestedName);
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can abort the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function notInBrowser(): AppError {
  return new AppError({
    code: 'unavailable',
    message: 'The browser build syncs through renderer/src/sync/httpTransport.web.ts.',
  });
}

export function createWebDeskApi(): DeskApi {
  return {
    getAppInfo: () =>
      Promise.resolve({
        // Set at build time if the build passes VITE_APP_VERSION; the web build has no app.getVersion().
        appVersion: (import.meta.env.VITE_APP_VERSION as string | undefined) ?? 'unknown',
        platform: navigator.platform || 'web',
        electronVersion: null,
        chromeVersion: /Chrome\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? null,
        isPackaged: false,
      }),

    // A browser tab has no application menu; the page's own language switch is enough.
    setMenuLanguage: () => Promise.resolve(),

    saveTextFile: (request) => {
      download(
        new Blob([request.content], { type: 'text/plain;charset=utf-8' }),
        request.suggestedName,
      );
      return Promise.resolve({ saved: true });
    },

    openTextFile: (request) => pickTextFile(request.filters),

    saveBytesFile: (request) => {
      download(
        new Blob([request.bytes], { type: 'application/octet-stream' }),
        request.suggestedName,
      );
      return Promise.resolve({ saved: true });
    },

    openBytesFile: (request) => pickBytesFile(request.filters),

    // A browser cannot write a PDF by itself: its print dialog (with "Save as PDF") uses
    // the same print stylesheet Electron's printToPDF does. It blocks until closed.
    savePagePdf: () => {
      window.print();
      return Promise.resolve({ saved: false, via: 'printDialog' as const });
    },

    // The browser build has no main process: renderer/src/sync/httpTransport.web.ts
    // talks to HQ with fetch itself. These stand-ins are never called there.
    enrollSync: () => Promise.reject(notInBrowser()),
    syncStatus: () => Promise.reject(notInBrowser()),
    syncRequest: () => Promise.reject(notInBrowser()),
    // The desktop asks before quitting with changes not yet at HQ. A tab does not: a
    // reload is how the web build locks its store, and the changes stay in it anyway.
    reportSyncQueue: () => Promise.resolve(),

    // A page cannot reach a card reader's local service (and must not: its answer is a
    // resident's card). Only the desktop build reads cards, in its main process.
    readIdCard: () =>
      Promise.reject(
        new AppError({
          code: 'unavailable',
          message: 'Reading ID cards is not available in the browser.',
          details: { reason: 'not_in_browser' },
        }),
      ),
    // A page has no OS key store: the store opens by a user's password at login.
    storeDataKey: () => Promise.resolve({ key: null }),

    // A page cannot write into a folder unasked: the web build reminds the supervisor
    // when a scheduled backup is due (screens/backup/scheduledBackup.web.ts).
    backupFolder: () => Promise.resolve({ folder: null }),
    chooseBackupFolder: () => Promise.reject(noBackupFolder()),
    writeBackupToFolder: () => Promise.reject(noBackupFolder()),
  };
}

function noBackupFolder(): AppError {
  return new AppError({
    code: 'unavailable',
    message: 'A browser cannot write backups into a folder by itself.',
    details: { reason: 'not_in_browser' },
  });
}
