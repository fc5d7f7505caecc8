import { Box, Button, Stack } from '@mui/material';
import { useT } from '../../i18n/useT';
import { AuthCard } from '../auth/AuthCard';
import { RestoreSection } from './RestoreSection';

/**
 * 从备份恢复 at first run (a new PC): instead of setting up a new desk, the old desk's
 * backup file and the recovery words bring back the office, its accounts and its data;
 * then the usual login.
 */
export function FirstRunRestore(props: { onBack: () => void }) {
  const { t } = useT();
  return (
    <AuthCard
      title={t('firstRun.restore.title')}
      subtitle={t('firstRun.restore.intro')}
      width={640}
    >
      <Stack spacing={2} data-testid="first-run-restore">
        <RestoreSection firstRun />
        <Box>
          <Button onClick={props.onBack}>{t('firstRun.restore.back')}</Button>
        </Box>
      </Stack>
    </AuthCard>
  );
}
