import { Alert, Button, Stack } from '@mui/material';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { AuthCard } from '../auth/AuthCard';
import { ChangePasswordForm } from './ChangePasswordForm';

/**
 * After an administrator reset the password: the account chooses its own before the app
 * opens (or logs out). Nothing else of the desk is shown meanwhile.
 */
export function ForcedPasswordScreen() {
  const { t } = useT();
  const officeName = useSession((s) => s.settings?.officeName);
  const passwordChanged = useSession((s) => s.passwordChanged);
  const logout = useSession((s) => s.logout);
  return (
    <AuthCard title={t('accounts.forcedTitle')} subtitle={officeName}>
      <Stack spacing={2}>
        <Alert severity="warning">{t('accounts.forcedText')}</Alert>
        <ChangePasswordForm onChanged={passwordChanged} />
        <Button onClick={logout}>{t('shell.logout')}</Button>
      </Stack>
    </AuthCard>
  );
}
