import { Button, Stack, Typography } from '@mui/material';
import { holdsAny } from '@shared/domain/roles';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useRoles, useSession } from '../../state/session';
import { CalendarPanel } from './CalendarPanel';
import { OfficeSettingsForm } from './OfficeSettingsForm';
import { ReaderSettingsPanel } from './ReaderSettingsPanel';
import { SettingsSection } from './SettingsSection';
import { StandardsPanel } from './StandardsPanel';

/**
 * Office rules and reference data on one page. Everyone may read the rules their work
 * follows; supervisors and administrators change them. Accounts have their own page
 * (账户, administrators only).
 */
export function SettingsScreen() {
  const { t } = useT();
  const settings = useSession((s) => s.settings);
  const canEdit = holdsAny(useRoles(), ['supervisor', 'admin']);
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
      <StandardsPanel canEdit={canEdit} />
      <CalendarPanel />
      <ReaderSettingsPanel canEdit={canEdit} />
    </Stack>
  );
}
