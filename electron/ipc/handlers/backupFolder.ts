/**
 * 'backup:folder', 'backup:chooseFolder' and 'backup:writeToFolder': the scheduled
 * backup's folder. The folder is chosen only in the main process's own dialog; the
 * renderer hands over bytes, never a path (electron/backup/backupFolder.ts).
 */
import { z } from 'zod';
import { MAX_OPEN_BYTES } from '@shared/ipc/contract';
import type { BackupFolder } from '../../backup/backupFolder';
import { parseRequest } from '../parseRequest';
import type { IpcHandlers } from '../registerHandlers';
import { notInRecentFiles, type FileHandlerDeps } from './fileAccess';

const writeSchema = z.object({
  bytes: z
    .instanceof(Uint8Array)
    .refine((bytes) => bytes.byteLength <= MAX_OPEN_BYTES, 'larger than a backup can be'),
  keep: z.number().int().min(1).max(99),
});

export function backupFolderHandlers(
  folder: BackupFolder,
  deps: Pick<FileHandlerDeps, 'dialog' | 'windowFor' | 'defaultDirectory'>,
): Pick<IpcHandlers, 'backup:folder' | 'backup:chooseFolder' | 'backup:writeToFolder'> {
  return {
    'backup:folder': async () => ({ folder: await folder.folder() }),

    'backup:chooseFolder': async (_request, event) => {
      const options = {
        defaultPath: (await folder.folder()) ?? deps.defaultDirectory(),
        properties: ['openDirectory' as const, 'createDirectory' as const, notInRecentFiles],
      };
      const parent = deps.windowFor(event);
      const result = parent
        ? await deps.dialog.showOpenDialog(parent, options)
        : await deps.dialog.showOpenDialog(options);
      const chosen = result.filePaths[0];
      if (!result.canceled && chosen) await folder.choose(chosen);
      return { folder: await folder.folder() };
    },

    'backup:writeToFolder': async (request) => {
      const { bytes, keep } = parseRequest(writeSchema, request);
      return folder.write(bytes as Uint8Array<ArrayBuffer>, keep);
    },
  };
}
