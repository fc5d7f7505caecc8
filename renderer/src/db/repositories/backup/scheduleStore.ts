import {
  backupScheduleSchema,
  defaultBackupSchedule,
  type BackupSchedule,
} from '@shared/backup/schedule';
import { validationError } from '@shared/errors/appError';
import type { DeskDatabase } from '../../database';
import { requireRole } from '../../permissions';
import type { WriteContext } from '../../writeContext';

/** The supervisor's backup schedule, a setting of this desk (meta row, not synced). */
const scheduleKey = 'backupSchedule';

export async function loadBackupSchedule(db: DeskDatabase): Promise<BackupSchedule> {
  const parsed = backupScheduleSchema.safeParse((await db.meta.get(scheduleKey))?.value);
  return parsed.success ? parsed.data : defaultBackupSchedule;
}

/** Only a supervisor sets it; a field out of range is refused with its path, never clamped. */
export async function saveBackupSchedule(
  db: DeskDatabase,
  ctx: WriteContext,
  schedule: unknown,
): Promise<BackupSchedule> {
  requireRole(ctx, ['supervisor'], 'set the backup schedule');
  const parsed = backupScheduleSchema.safeParse(schedule);
  if (!parsed.success) {
    throw validationError(
      'The backup schedule is not valid.',
      parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        code: `backupSchedule.${issue.path[0] === 'keep' ? 'keep' : 'invalid'}`,
        params: { min: 1, max: 99 },
      })),
    );
  }
  await db.meta.put({ key: scheduleKey, value: parsed.data });
  return parsed.data;
}
