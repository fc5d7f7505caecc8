/**
 * 'file:saveText' and 'file:openText': the only way the renderer touches the disk,
 * and only through a dialog the user answered. Used for exports (CSV, JSON).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileFilter } from 'electron';
import { z } from 'zod';
import { MAX_OPEN_TEXT_BYTES } from '@shared/ipc/contract';
import type { IpcHandlers } from '../registerHandlers';
import { parseRequest } from '../parseRequest';
import {
  chooseOpenPath,
  chooseSavePath,
  filtersSchema,
  fileTooLarge,
  rethrowFsError,
  writeAtomically,
  type FileHandlerDeps,
} from './fileAccess';

export type { FileHandlerDeps } from './fileAccess';

const saveSchema = z.object({
  suggestedName: z.string().min(1).max(255),
  content: z.string(),
  filters: filtersSchema,
});

const openSchema = z.object({ filters: filtersSchema });

export function fileHandlers(
  deps: FileHandlerDeps,
): Pick<IpcHandlers, 'file:saveText' | 'file:openText'> {
  return {
    'file:saveText': async (request, event) => {
      const { suggestedName, content, filters } = parseRequest(saveSchema, request);
      const filePath = await chooseSavePath(deps, event, suggestedName, filters as FileFilter[]);
      if (!filePath) return { saved: false };
      await writeAtomically(filePath, content).catch(rethrowFsError);
      return { saved: true, path: filePath };
    },

    'file:openText': async (request, event) => {
      const { filters } = parseRequest(openSchema, request);
      const filePath = await chooseOpenPath(deps, event, filters as FileFilter[]);
      if (!filePath) return { opened: false };
      const { size } = await stat(filePath).catch(rethrowFsError);
      if (size > MAX_OPEN_TEXT_BYTES) throw fileTooLarge(size, MAX_OPEN_TEXT_BYTES);
      const content = stripBom(await readFile(filePath, 'utf8').catch(rethrowFsError));
      return { opened: true, name: path.basename(filePath), content };
    },
  };
}

/** Notepad on Chinese Windows saves UTF-8 with a BOM; the renderer should not see it. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
