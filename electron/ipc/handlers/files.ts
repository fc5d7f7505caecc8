/**
 * 'file:saveText' and 'file:openText': the only way the renderer touches the disk,
 * and only through a dialog the user answered. Used for exports and sync packages.
 */
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, Dialog, FileFilter, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { AppError } from '@shared/errors/appError';
import { MAX_OPEN_TEXT_BYTES } from '@shared/ipc/contract';
import type { IpcHandlers } from '../registerHandlers';
import { parseRequest } from '../parseRequest';

const filtersSchema = z
  .array(
    z.object({
      name: z.string().min(1).max(100),
      extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/)).min(1),
    }),
  )
  .max(20);

const saveSchema = z.object({
  suggestedName: z.string().min(1).max(255),
  content: z.string(),
  filters: filtersSchema,
});

const openSchema = z.object({ filters: filtersSchema });

export interface FileHandlerDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  /** The window that asked, so the dialog is modal to it. */
  windowFor: (event: IpcMainInvokeEvent) => BrowserWindow | null;
  /** Where the save dialog starts (the user's Documents folder in the app). */
  defaultDirectory: () => string;
}

export function fileHandlers(
  deps: FileHandlerDeps,
): Pick<IpcHandlers, 'file:saveText' | 'file:openText'> {
  return {
    'file:saveText': async (request, event) => {
      const { suggestedName, content, filters } = parseRequest(saveSchema, request);
      const options = {
        // basename: a suggested name must not pick the folder for the user.
        defaultPath: path.join(deps.defaultDirectory(), path.basename(suggestedName)),
        filters: filters as FileFilter[],
      };
      const parent = deps.windowFor(event);
      const result = parent
        ? await deps.dialog.showSaveDialog(parent, options)
        : await deps.dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return { saved: false };
      await writeTextAtomically(result.filePath, content).catch(rethrowFsError);
      return { saved: true, path: result.filePath };
    },

    'file:openText': async (request, event) => {
      const { filters } = parseRequest(openSchema, request);
      const options = { filters: filters as FileFilter[], properties: ['openFile' as const] };
      const parent = deps.windowFor(event);
      const result = parent
        ? await deps.dialog.showOpenDialog(parent, options)
        : await deps.dialog.showOpenDialog(options);
      const filePath = result.filePaths[0];
      if (result.canceled || !filePath) return { opened: false };
      const { size } = await stat(filePath).catch(rethrowFsError);
      if (size > MAX_OPEN_TEXT_BYTES) {
        throw new AppError({
          code: 'validation',
          message: 'The chosen file is too large to open.',
          details: { size, maxBytes: MAX_OPEN_TEXT_BYTES },
        });
      }
      const content = stripBom(await readFile(filePath, 'utf8').catch(rethrowFsError));
      return { opened: true, name: path.basename(filePath), content };
    },
  };
}

/**
 * Write next to the target, then rename over it: a crash or full disk mid-write
 * leaves the old file intact instead of a half-written sync package.
 */
async function writeTextAtomically(filePath: string, content: string): Promise<void> {
  const temporary = `${filePath}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * A locked, read-only or vanished file is an everyday office problem, not a bug: say
 * which (the UI words it), instead of the generic "internal" toAppErrorData would give.
 */
function rethrowFsError(error: unknown): never {
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

/** Notepad on Chinese Windows saves UTF-8 with a BOM; the renderer should not see it. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
