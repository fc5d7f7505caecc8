import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newRecoveryWords } from '@shared/backup/recoveryKey';
import { readBackupBytes } from '@shared/backup/format';
import { backupFileName, isBackupFileName } from '@shared/backup/fileName';
import { AppError } from '@shared/errors/appError';
import { BackupFolder } from '../../../electron/backup/backupFolder';
import { backupFolderHandlers } from '../../../electron/ipc/handlers/backupFolder';
import { makeBackup } from '../../../renderer/src/db/repositories/backup/makeBackup';
import { confirmRecoveryKey } from '../../../renderer/src/db/repositories/backup/recoveryKeyStore';
import { openOfficeDesk } from '../../support/syncDesks';
import { typedBack } from '../backup/backupFixtures';

const event = { senderFrame: { url: 'app://desk/index.html' } } as unknown as IpcMainInvokeEvent;

async function backupBytes() {
  const desk = await openOfficeDesk('office-fold', `F${Math.floor(Math.random() * 1e6)}`);
  const words = newRecoveryWords();
  const supervisor = desk.as('supervisor');
  await confirmRecoveryKey(desk.db, supervisor, words, typedBack(words));
  return (await makeBackup(desk.db, supervisor)).bytes;
}

async function refusal(promise: unknown): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.fieldErrors[0]?.code ?? error.code;
    throw error;
  }
  return 'written';
}

describe('the scheduled backup folder (main process)', () => {
  let home: string;
  let chosen: string;
  let store: BackupFolder;
  let dialogAnswer: string[];
  const deps = () => ({
    dialog: {
      showOpenDialog: async () => ({
        canceled: dialogAnswer.length === 0,
        filePaths: dialogAnswer,
      }),
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
    },
    windowFor: () => null,
    defaultDirectory: () => home,
  });

  beforeEach(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'desk-bkfolder-'));
    chosen = path.join(home, 'U盘备份');
    await writeFile(path.join(home, 'placeholder'), '');
    await mkdir(chosen);
    store = new BackupFolder({ file: () => path.join(home, 'userData', 'backup-folder.json') });
    dialogAnswer = [];
  });
  afterEach(() => rm(home, { recursive: true, force: true }));

  it('writes only into the folder chosen in its own dialog, named by the manifest, atomically', async () => {
    const handlers = backupFolderHandlers(store, deps() as never);
    const bytes = await backupBytes();
    // No folder yet: refused, nothing written anywhere.
    expect(await refusal(handlers['backup:writeToFolder']({ bytes, keep: 7 }, event))).toBe(
      'backup.no_folder',
    );
    // Cancelling the dialog keeps no folder.
    expect(await handlers['backup:chooseFolder'](undefined, event)).toEqual({ folder: null });
    dialogAnswer = [chosen];
    expect(await handlers['backup:chooseFolder'](undefined, event)).toEqual({ folder: chosen });
    // A new process reads the same choice back.
    const again = new BackupFolder({
      file: () => path.join(home, 'userData', 'backup-folder.json'),
    });
    expect(await again.folder()).toBe(chosen);

    const written = await handlers['backup:writeToFolder']({ bytes, keep: 7 }, event);
    const manifest = readBackupBytes(bytes).manifest;
    expect(written.fileName).toMatch(/^民政备份_office-fold_\d{8}-\d{4}\.mzbak$/);
    expect(written.fileName).toContain(manifest.createdAt.slice(0, 10).replace(/-/g, ''));
    expect(await readdir(chosen)).toEqual([written.fileName]); // no temp file left
  });

  it('refuses bytes that are not a backup, and a keep count out of range', async () => {
    const handlers = backupFolderHandlers(store, deps() as never);
    await store.choose(chosen);
    const notBackup = new TextEncoder().encode('#!/bin/sh\nrm -rf /\n');
    expect(
      await refusal(handlers['backup:writeToFolder']({ bytes: notBackup, keep: 7 }, event)),
    ).toBe('backup.not_a_backup');
    const bytes = await backupBytes();
    // Refused, never clamped: the field named.
    for (const keep of [0, 100, 2.5]) expect(await refusalPath(handlers, bytes, keep)).toBe('keep');
    expect(await readdir(chosen)).toEqual([]);
  });

  it('keeps the newest N of its own backups and never touches other files', async () => {
    await store.choose(chosen);
    const stamps = ['20261120-1200', '20261121-1200', '20261122-1200', '20261123-1200'];
    for (const [i, stamp] of stamps.entries()) {
      const name = path.join(chosen, `民政备份_office-fold_${stamp}.mzbak`);
      await writeFile(name, 'old');
      const at = new Date(Date.UTC(2026, 10, 20 + i));
      await utimes(name, at, at);
    }
    await writeFile(path.join(chosen, '工作笔记.docx'), 'not ours');
    await writeFile(path.join(chosen, 'other.mzbak'), 'not named by the desk');
    const written = await store.write(await backupBytes(), 3);
    expect(written.removed).toBe(2);
    expect((await readdir(chosen)).sort()).toEqual(
      [
        written.fileName,
        '民政备份_office-fold_20261123-1200.mzbak',
        '民政备份_office-fold_20261122-1200.mzbak',
        'other.mzbak',
        '工作笔记.docx',
      ].sort(),
    );
  });

  it('refuses a folder that is not an absolute existing folder', async () => {
    expect(await refusal(store.choose('relative/folder'))).toBe('backup.not_a_folder');
    expect(await refusal(store.choose(path.join(home, 'placeholder')))).toBe('backup.not_a_folder');
    await store.choose(chosen);
    await rm(chosen, { recursive: true });
    expect(await refusal(store.write(await backupBytes(), 7))).toBe('backup.folder_gone');
  });
});

async function refusalPath(
  handlers: ReturnType<typeof backupFolderHandlers>,
  bytes: Uint8Array<ArrayBuffer>,
  keep: number,
): Promise<string> {
  try {
    await handlers['backup:writeToFolder']({ bytes, keep }, event);
  } catch (error) {
    if (error instanceof AppError) return error.fieldErrors[0]?.path ?? '';
  }
  return 'written';
}

describe('the backup file name the main process gives', () => {
  it('never carries a folder or a stranger character from a forged manifest', () => {
    const name = backupFileName({
      officeId: '../../Windows/System32\\evil:1',
      createdAt: '2026-12-05T08:30:00.000Z',
    });
    expect(name).toBe('民政备份_______Windows_System32_evil_1_20261205-0830.mzbak');
    expect(path.basename(name)).toBe(name);
    expect(isBackupFileName(name)).toBe(true);
    expect(isBackupFileName('民政备份_x_20261205-0830.mzbak.exe')).toBe(false);
    expect(isBackupFileName('../民政备份_x_20261205-0830.mzbak')).toBe(false);
  });
});
