/**
 * The folder scheduled backups go to (issue #16 item 2), held by the main process: the
 * supervisor chooses it once in a dialog, it is kept in one small file in userData, and
 * the renderer can only hand over a sealed backup to be written there. The file name
 * comes from the backup's own manifest, the write is atomic (temp + rename), and only
 * the desk's own backup files are ever removed to keep the last N.
 *
 * Plain module (no Electron import): Node tests run it on a temporary folder.
 */
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { backupFileName, isBackupFileName } from '@shared/backup/fileName';
import { readBackupBytes } from '@shared/backup/format';
import { AppError } from '@shared/errors/appError';
import { writeAtomically } from '../ipc/handlers/fileAccess';

const settingsSchema = z.object({ format: z.literal(1), folder: z.string().min(1) });

export interface BackupFolderDeps {
  /** Full path of the settings file (in app.getPath('userData')). */
  file: () => string;
}

export class BackupFolder {
  constructor(private readonly deps: BackupFolderDeps) {}

  /** The chosen folder, or null (never chosen, or the settings file is unreadable). */
  async folder(): Promise<string | null> {
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(await readFile(this.deps.file(), 'utf8')));
      return parsed.success ? parsed.data.folder : null;
    } catch {
      return null;
    }
  }

  /** Keeps the folder the supervisor chose in the dialog (an existing, absolute folder). */
  async choose(folder: string): Promise<void> {
    if (!path.isAbsolute(folder) || !(await isFolder(folder))) throw noFolder('not_a_folder');
    await mkdir(path.dirname(this.deps.file()), { recursive: true });
    await writeAtomically(this.deps.file(), JSON.stringify({ format: 1, folder }));
  }

  /**
   * Writes a sealed backup into the chosen folder under the name its manifest gives, then
   * removes the desk's older backups beyond `keep`. Bytes that are not a backup are refused.
   */
  async write(
    bytes: Uint8Array<ArrayBuffer>,
    keep: number,
  ): Promise<{ fileName: string; removed: number }> {
    const folder = await this.folder();
    if (!folder) throw noFolder('no_folder');
    if (!(await isFolder(folder))) throw noFolder('folder_gone');
    const { manifest } = readBackupBytes(bytes); // throws backup.not_a_backup and the like
    const fileName = backupFileName(manifest);
    await writeAtomically(path.join(folder, fileName), bytes);
    return { fileName, removed: await keepNewest(folder, keep, fileName) };
  }
}

/** Removes the desk's backups beyond the newest `keep` (never the one just written). */
async function keepNewest(folder: string, keep: number, justWritten: string): Promise<number> {
  const ours = (await readdir(folder)).filter(isBackupFileName);
  const dated = await Promise.all(
    ours.map(async (name) => ({ name, at: (await stat(path.join(folder, name))).mtimeMs })),
  );
  dated.sort((a, b) => b.at - a.at || b.name.localeCompare(a.name));
  const old = dated.filter((file) => file.name !== justWritten).slice(Math.max(0, keep - 1));
  for (const file of old) await rm(path.join(folder, file.name), { force: true });
  return old.length;
}

async function isFolder(folder: string): Promise<boolean> {
  return stat(folder).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

function noFolder(reason: 'no_folder' | 'folder_gone' | 'not_a_folder'): AppError {
  return new AppError({
    code: 'unavailable',
    message: `No usable backup folder (${reason}).`,
    fieldErrors: [{ path: 'backupFolder', code: `backup.${reason}` }],
    details: { reason },
  });
}
