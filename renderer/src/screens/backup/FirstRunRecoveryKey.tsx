import { Alert, Box, Button, Stack } from '@mui/material';
import { actorOf, type LocalUser } from '../../db/repositories/users';
import type { WriteContext } from '../../db/writeContext';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { AuthCard } from '../auth/AuthCard';
import { RecoveryWordsSetup } from './RecoveryWordsSetup';

/**
 * The first run's last step (issue #16 item 1): the office recovery key, shown once as 24
 * words to write down or print, three typed back. It opens a backup on a new PC and this
 * desk's store when every password is lost. The administrator may put it off; the
 * backup screen then offers it to the supervisor and warns until it is set.
 */
export function FirstRunRecoveryKey(props: {
  admin: LocalUser;
  officeId: string;
  onDone: () => void;
}) {
  const { t } = useT();
  const deviceId = useSession((s) => s.deviceId);
  const context = (): WriteContext => ({
    actor: actorOf(props.admin),
    officeId: props.officeId,
    deviceId,
    now: () => new Date(),
  });
  return (
    <AuthCard title={t('firstRun.key.title')} subtitle={t('firstRun.key.intro')} width={720}>
      <Stack spacing={2} data-testid="first-run-key">
        <RecoveryWordsSetup context={context} onSet={props.onDone} />
        <Alert severity="warning">{t('firstRun.key.laterWarning')}</Alert>
        <Box>
          <Button onClick={props.onDone}>{t('firstRun.key.later')}</Button>
        </Box>
      </Stack>
    </AuthCard>
  );
}
