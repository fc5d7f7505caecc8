import { Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  backupAgeDays,
  lastBackup,
  staleAfterDays,
} from '../../db/repositories/backup/backupStatus';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { backupAgeText } from './backupText';

/** "上次备份：N 天前" (red after a week, or never): in the status bar and on the screen. */
export function BackupAge() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const last = useLiveQuery(() => lastBackup(db), [db]);
  if (last === undefined) return null;
  const days = backupAgeDays(last, new Date());
  const stale = days === null || days > staleAfterDays;
  return (
    <Typography
      component="span"
      variant="body2"
      data-testid="backup-age"
      sx={{ color: stale ? 'error.main' : 'inherit', fontWeight: stale ? 600 : 400 }}
    >
      {backupAgeText(t, days)}
    </Typography>
  );
}
