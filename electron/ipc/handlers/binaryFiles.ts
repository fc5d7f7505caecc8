/**
 * 'file:saveBytes' and 'file:openBytes': binary files (sync packages on a USB stick),
 * through a dialog the user answered, like the text files. The bytes cross IPC as a
 * Uint8Array; a file larger than MAX_OPEN_BYTES is refused before it is read.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileFilter } from 'electron';
import { z } from 'zod';
import { MAX_OPEN_BYTES } from '@shared/ipc/contract';
import type { IpcHandlers } from '../registerHandlers';
import { parseRequest } from '../parseRequest';
import {
  chooseOpenPath,
  chooseSavePath,
  fileTooLarge,
  filtersSchema,
  rethrowFsError,
  writeAtomically,
  type FileHandlerDeps,
} from './fileAccess';

const saveSchema = z.object({
  suggestedName: z.string().min(1).max(255),
  bytes: z
    .instanceof(Uint8Array)
    .refine((bytes) => bytes.byteLength <= MAX_OPEN_BYTES, 'larger than a file can be opened'),
  filters: filtersSchema,
});

const openSchema = z.object({ filters: filtersSchema });

export function binaryFileHandlers(
  deps: FileHandlerDeps,
): Pick<IpcHandlers, 'file:saveBytes' | 'file:openBytes'> {
  return {
    'file:saveBytes': async (request, event) => {
      const { suggestedName, bytes, filters } = parseRequest(saveSchema, request);
      const chosen = await chooseSavePath(deps, event, suggestedName, filters as FileFilter[]);
      if (!chosen) return { saved: false };
      const filePath = await withExtension(chosen, filters);
      await writeAtomically(filePath, bytes).catch(rethrowFsError);
      return { saved: true, path: filePath };
    },

    'file:openBytes': async (request, event) => {
      const { filters } = parseRequest(openSchema, request);
      const filePath = await chooseOpenPath(deps, event, filters as FileFilter[]);
      if (!filePath) return { opened: false };
      const { size } = await stat(filePath).catch(rethrowFsError);
      if (size > MAX_OPEN_BYTES) throw fileTooLarge(size, MAX_OPEN_BYTES);
      const read = await readFile(filePath).catch(rethrowFsError);
      // It may have grown between stat and read (a copy still running).
      if (read.byteLength > MAX_OPEN_BYTES) throw fileTooLarge(read.byteLength, MAX_OPEN_BYTES);
      const bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength);
      return { opened: true, name: path.basename(filePath), bytes };
    },
  };
}

/**
 * Some platforms' dialogs do not add the filter's extension; a package saved without
 * one would not show in the import dialog. A name with an extension is left alone.
 */
async function withExtension(
  filePath: string,
  filters: { extensions: string[] }[],
): Promise<string> {
  const first = filters.flatMap((filter) => filter.extensions).find((e) => e !== '*');
  if (!first || path.extname(filePath) !== '') return filePath;
  const extended = `${filePath}.${first}`;
  // The dialog asked about overwriting the name it showed, not this one: never replace
  // an existing file without that question.
  const taken = await stat(extended).then(
    () => true,
    () => false,
  );
  return taken ? filePath : extended;
}
