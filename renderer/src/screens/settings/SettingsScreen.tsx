import { Button, Stack, Typography } from '@mui/material';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { CalendarPanel } from './CalendarPanel';
import { OfficeSettingsForm } from './OfficeSettingsForm';
import { SettingsSection } from './SettingsSection';
import { StandardsPanel } from './StandardsPanel';
import { UsersPanel } from './UsersPanel';

/**
 * Office rules, accounts and reference data on one page. Everyone may read the rules
 * their work follows; supervisors and administrators change them; only administrators
 * manage accounts.
 */
export function SettingsScreen() {
  const { t } = useT();
  const settings = useSession((s) => s.settings);
  const role = useSession((s) => s.user?.role);
  const canEdit = role === 'supervisor' || role === 'admin';
  const navigate = useRouter((s) => s.navigate);

  return (
    <Stack spacing={3} sx={{ maxWidth: 1100 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h5" component="h1">
          {t('settings.title')}
        </Typography>
        {canEdit && (
          <Button variant="outlined" onClick={() => navigate({ name: 'syncSettings' })}>
            {t('sync.settingsLink')}
          </Button>
        )}
      </Stack>
      {settings && (
        <SettingsSection title={t('settings.office.title')}>
          <OfficeSettingsForm settings={settings} canEdit={canEdit} />
        </SettingsSection>
      )}
      {role === 'admin' && <UsersPanel />}
      <StandardsPanel canEdit={canEdit} />
      <CalendarPanel />
    </Stack>
  );
}
