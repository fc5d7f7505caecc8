import { Alert, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { loadRecoveryKey } from '../../db/repositories/backup/recoveryKeyStore';
import { useT } from '../../i18n/useT';
import { useActingRole, useSession } from '../../state/session';
import { PageHeader } from '../common/PageHeader';
import { BackupAge } from './BackupAge';
import { MakeBackupSection } from './MakeBackupSection';
import { RecoveryKeySection } from './RecoveryKeySection';
import { RestoreSection } from './RestoreSection';
import { ScheduleSection } from './ScheduleSection';

/**
 * 备份与恢复 (supervisor only): the recovery key (set up once), a backup now, the last
 * backup's age, and a restore from a file with the key's words.
 */
export function BackupScreen() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const role = useActingRole();
  const stored = useLiveQuery(() => loadRecoveryKey(db), [db]);
  if (role !== 'supervisor') {
    return <Alert severity="info">{t('backup.supervisorOnly')}</Alert>;
  }
  return (
    <Stack spacing={3} sx={{ maxWidth: 1100 }}>
      <PageHeader title={t('backup.title')} />
      <Typography color="text.secondary">{t('backup.intro')}</Typography>
      <BackupAge />
      <RecoveryKeySection stored={stored ?? null} onSet={() => undefined} />
      <MakeBackupSection ready={Boolean(stored)} onMade={() => undefined} />
      <ScheduleSection />
      <RestoreSection />
    </Stack>
  );
}
