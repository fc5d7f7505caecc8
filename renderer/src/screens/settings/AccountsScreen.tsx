import { Alert, Stack, Typography } from '@mui/material';
import { useT } from '../../i18n/useT';
import { useRoles } from '../../state/session';
import { UsersPanel } from './UsersPanel';

/** 账户: the administrator's page of the desk's accounts and the roles each holds. */
export function AccountsScreen() {
  const { t } = useT();
  const roles = useRoles();
  return (
    <Stack spacing={3} sx={{ maxWidth: 1100 }}>
      <Typography variant="h5" component="h1">
        {t('roles.accountsTitle')}
      </Typography>
      {roles.includes('admin') ? (
        <UsersPanel />
      ) : (
        <Alert severity="info">{t('roles.choice.admin')}</Alert>
      )}
    </Stack>
  );
}
