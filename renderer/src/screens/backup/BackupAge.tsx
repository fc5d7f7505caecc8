import { Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { backupOverdue } from '@shared/backup/schedule';
import {
  backupAgeDays,
  lastBackup,
  staleAfterDays,
} from '../../db/repositories/backup/backupStatus';
import { loadBackupSchedule } from '../../db/repositories/backup/scheduleStore';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { backupAgeText } from './backupText';
import { useScheduledBackup } from './useBackupScheduler';

/**
 * "上次备份：N 天前" (red after a week, or never; the warning colour when a scheduled backup
 * is overdue, and a reminder when a browser desk's backup is due): in the status bar and
 * on the screen.
 */
export function BackupAge() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const state = useLiveQuery(
    async () => ({ last: await lastBackup(db), schedule: await loadBackupSchedule(db) }),
    [db],
  );
  const remind = useScheduledBackup((s) => s.last?.outcome === 'remind');
  useScheduledBackup((s) => s.checkedAt); // re-read "overdue" at every check
  if (state === undefined) return null;
  const now = new Date();
  const days = backupAgeDays(state.last, now);
  const stale = days === null || days > staleAfterDays;
  const overdue = backupOverdue(state.schedule, state.last?.at ?? null, now);
  const color = stale ? 'error.main' : overdue ? 'warning.main' : 'inherit';
  const notes = [
    overdue ? t('backup.schedule.overdue') : null,
    remind ? t('backup.schedule.remind') : null,
  ].filter(Boolean);
  return (
    <Typography
      component="span"
      variant="body2"
      data-testid="backup-age"
      data-overdue={overdue ? 'true' : 'false'}
      sx={{ color, fontWeight: stale || overdue ? 600 : 400 }}
    >
      {backupAgeText(t, days)}
      {notes.length > 0 && `（${notes.join('，')}）`}
    </Typography>
  );
}
