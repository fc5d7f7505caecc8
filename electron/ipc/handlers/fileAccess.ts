/**
 * What the file handlers share: the filter schema, the dialogs (modal to the window
 * that asked), the atomic write, the size refusal and the wording of disk errors.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, Dialog, FileFilter, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { AppError } from '@shared/errors/appError';

export const filtersSchema = z
  .array(
    z.object({
      name: z.string().min(1).max(100),
      extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/)).min(1),
    }),
  )
  .max(20);

export interface FileHandlerDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  /** The window that asked, so the dialog is modal to it. */
  windowFor: (event: IpcMainInvokeEvent) => BrowserWindow | null;
  /** Where the save dialog starts (the user's Documents folder in the app). */
  defaultDirectory: () => string;
}

/**
 * Kept out of Windows' recent files and jump lists: a saved paper's name often names the
 * person (不予批准通知书-张三.pdf), and the list is there for anyone at the PC.
 */
export const notInRecentFiles = 'dontAddToRecent' as const;

/** The path the user chose to save to, or null when they cancelled. */
export async function chooseSavePath(
  deps: Pick<FileHandlerDeps, 'windowFor' | 'defaultDirectory'> & {
    dialog: Pick<Dialog, 'showSaveDialog'>;
  },
  event: IpcMainInvokeEvent,
  suggestedName: string,
  filters: FileFilter[],
): Promise<string | null> {
  const options = {
    // basename: a suggested name must not pick the folder for the user.
    defaultPath: path.join(deps.defaultDirectory(), path.basename(suggestedName)),
    filters,
    properties: [notInRecentFiles],
  };
  const parent = deps.windowFor(event);
  const result = parent
    ? await deps.dialog.showSaveDialog(parent, options)
    : await deps.dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** The one file the user chose to open, or null when they cancelled. */
export async function chooseOpenPath(
  deps: FileHandlerDeps,
  event: IpcMainInvokeEvent,
  filters: FileFilter[],
): Promise<string | null> {
  const options = { filters, properties: ['openFile' as const, notInRecentFiles] };
  const parent = deps.windowFor(event);
  const result = parent
    ? await deps.dialog.showOpenDialog(parent, options)
    : await deps.dialog.showOpenDialog(options);
  const filePath = result.filePaths[0];
  return result.canceled || !filePath ? null : filePath;
}

/**
 * Write next to the target, then rename over it: a crash or full disk mid-write
 * leaves the old file intact instead of a half-written sync package.
 */
export async function writeAtomically(filePath: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${filePath}.${process.pid}.tmp`;
  try {
    await (typeof data === 'string'
      ? writeFile(temporary, data, 'utf8')
      : writeFile(temporary, data));
    await rename(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** A file over the limit is refused before it is read (field `file`, code `file.too_large`). */
export function fileTooLarge(size: number, maxBytes: number): AppError {
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
 * A locked, read-only or vanished file is an everyday office problem, not a bug: say
 * which (the UI words it), instead of the generic "internal" toAppErrorData would give.
 */
export function rethrowFsError(error: unknown): never {
  const fsCode = (error as NodeJS.ErrnoException | null)?.code;
  if (fsCode === 'EACCES' || fsCode === 'EPERM' || fsCode === 'EBUSY' || fsCode === 'EROFS') {
    throw new AppError({
      code: 'forbidden',
      message: 'The file cannot be accessed.',
      details: { fsCode },
    });
  }
  if (fsCode === 'ENOENT') {
    throw new AppError({
      code: 'not_found',
      message: 'The file no longer exists.',
      details: { fsCode },
    });
  }
  if (fsCode === 'ENOSPC') {
    throw new AppError({ code: 'unavailable', message: 'The disk is full.', details: { fsCode } });
  }
  throw error;
}
