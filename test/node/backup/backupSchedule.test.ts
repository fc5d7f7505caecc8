import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  backupDue,
  backupOverdue,
  lastScheduledAt,
  type BackupSchedule,
} from '@shared/backup/schedule';
import { newRecoveryWords } from '@shared/backup/recoveryKey';
import { BackupFolder } from '../../../electron/backup/backupFolder';
import { lastBackup } from '../../../renderer/src/db/repositories/backup/backupStatus';
import { confirmRecoveryKey } from '../../../renderer/src/db/repositories/backup/recoveryKeyStore';
import {
  loadBackupSchedule,
  saveBackupSchedule,
} from '../../../renderer/src/db/repositories/backup/scheduleStore';
import {
  runDueBackup,
  type BackupTarget,
} from '../../../renderer/src/db/repositories/backup/scheduledBackup';
import { openOfficeDesk } from '../../support/syncDesks';
import { registerNth, typedBack } from './backupFixtures';

const daily: BackupSchedule = { frequency: 'daily', time: '12:00', weekday: 5, keep: 7 };
const weekly: BackupSchedule = { frequency: 'weekly', time: '17:30', weekday: 5, keep: 7 };
/** Local wall-clock time, as the schedule is. 2026-12-05 is a Saturday. */
const at = (day: number, hours: number, minutes = 0) => new Date(2026, 11, day, hours, minutes);

describe('when a scheduled backup is due', () => {
  it('finds the latest scheduled time, daily and weekly', () => {
    expect(lastScheduledAt(daily, at(5, 12, 30))).toEqual(at(5, 12));
    expect(lastScheduledAt(daily, at(5, 11, 59))).toEqual(at(4, 12));
    expect(lastScheduledAt(weekly, at(5, 9))).toEqual(at(4, 17, 30)); // Friday
    expect(lastScheduledAt(weekly, at(4, 17, 0))).toEqual(new Date(2026, 10, 27, 17, 30));
    expect(lastScheduledAt({ ...daily, frequency: 'off' }, at(5, 12))).toBeNull();
  });

  it('is due once its time passed without a backup, and overdue an hour later', () => {
    const yesterday = at(4, 13).toISOString();
    expect(backupDue(daily, yesterday, at(5, 11))).toBe(false);
    expect(backupDue(daily, yesterday, at(5, 12, 1))).toBe(true);
    expect(backupOverdue(daily, yesterday, at(5, 12, 30))).toBe(false);
    expect(backupOverdue(daily, yesterday, at(5, 13, 1))).toBe(true);
    expect(backupDue(daily, at(5, 12, 5).toISOString(), at(5, 20))).toBe(false);
    expect(backupDue(daily, null, at(5, 12, 1))).toBe(true);
    expect(backupOverdue({ ...daily, frequency: 'off' }, null, at(5, 20))).toBe(false);
  });
});

async function deskWithKey() {
  const desk = await openOfficeDesk('office-sched', `SC${Math.floor(Math.random() * 1e6)}`);
  for (let i = 0; i < 3; i++) await registerNth(desk.db, desk.ctx, i);
  const words = newRecoveryWords();
  const supervisor = desk.as('supervisor');
  await confirmRecoveryKey(desk.db, supervisor, words, typedBack(words));
  return { desk, supervisor };
}

describe('the scheduled backup at the desk', () => {
  it('is made without asking when due, into the folder, and counted only once written there', async () => {
    const { desk, supervisor } = await deskWithKey();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-sched-'));
    try {
      const folder = new BackupFolder({ file: () => path.join(dir, 'backup-folder.json') });
      await folder.choose(dir);
      const target: BackupTarget = { kind: 'folder', write: (b, keep) => folder.write(b, keep) };
      // Off by default: nothing happens.
      expect((await runDueBackup(desk.db, desk.ctx, target, desk.ctx.now())).outcome).toBe(
        'not_due',
      );

      await saveBackupSchedule(desk.db, supervisor, { ...daily, keep: 2 });
      // A caseworker is signed in: the supervisor's schedule still runs.
      const made = await runDueBackup(desk.db, desk.ctx, target, desk.ctx.now());
      expect(made).toMatchObject({ outcome: 'made', removed: 0 });
      const files = await readdir(dir);
      expect(files.filter((f) => f.endsWith('.mzbak'))).toHaveLength(1);
      expect((await lastBackup(desk.db))?.fileName).toBe(
        made.outcome === 'made' ? made.fileName : '',
      );
      expect((await runDueBackup(desk.db, desk.ctx, target, desk.ctx.now())).outcome).toBe(
        'not_due',
      );
      const log = await desk.db.accessLog.toArray();
      expect(log.some((e) => String(e.purpose).startsWith('scheduled backup'))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stays due when the folder write fails, and reminds in a browser', async () => {
    const { desk, supervisor } = await deskWithKey();
    await saveBackupSchedule(desk.db, supervisor, daily);
    const gone = new BackupFolder({ file: () => '/nonexistent/backup-folder.json' });
    const target: BackupTarget = { kind: 'folder', write: (b, keep) => gone.write(b, keep) };
    await expect(runDueBackup(desk.db, desk.ctx, target, desk.ctx.now())).rejects.toMatchObject({
      fieldErrors: [{ path: 'backupFolder', code: 'backup.no_folder' }],
    });
    expect(await lastBackup(desk.db)).toBeNull();
    expect(await runDueBackup(desk.db, desk.ctx, { kind: 'reminder' }, desk.ctx.now())).toEqual({
      outcome: 'remind',
    });
    expect(await lastBackup(desk.db)).toBeNull();
  });

  it('lets only a supervisor set the schedule, and refuses a keep count out of range', async () => {
    const { desk, supervisor } = await deskWithKey();
    await expect(saveBackupSchedule(desk.db, desk.ctx, daily)).rejects.toMatchObject({
      code: 'forbidden',
    });
    for (const keep of [0, 100, 1.5, Number.NaN]) {
      await expect(
        saveBackupSchedule(desk.db, supervisor, { ...daily, keep }),
      ).rejects.toMatchObject({ code: 'validation', fieldErrors: [{ path: 'keep' }] });
    }
    await expect(
      saveBackupSchedule(desk.db, supervisor, { ...daily, time: '25:00' }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'time' }] });
    expect((await loadBackupSchedule(desk.db)).frequency).toBe('off');
  });
});
