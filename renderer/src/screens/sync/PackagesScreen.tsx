import { Alert, Stack, Typography } from '@mui/material';
import { useT } from '../../i18n/useT';
import { useActingRole } from '../../state/session';
import { PageHeader } from '../common/PageHeader';
import { PackageExportSection } from './PackageExportSection';
import { PackageHistorySection } from './PackageHistorySection';
import { PackageImportSection } from './PackageImportSection';

/** Only a supervisor carries the office's changes to the county and back. */
export function canUsePackages(role: string | undefined): boolean {
  return role === 'supervisor';
}

/**
 * 同步包（离线传输）: for an office without a network, the supervisor exports what HQ
 * has not confirmed to a signed, encrypted .mzpkg file (a USB stick to the county)
 * and imports HQ's return file; below, every package exported or imported here.
 */
export function PackagesScreen() {
  const { t } = useT();
  const role = useActingRole();

  return (
    <Stack spacing={3} sx={{ maxWidth: 1100 }}>
      <PageHeader title={t('packages.title')} />
      <Typography color="text.secondary">{t('packages.intro')}</Typography>
      {canUsePackages(role) ? (
        <>
          <PackageExportSection />
          <PackageImportSection />
          <PackageHistorySection />
        </>
      ) : (
        <Alert severity="info" data-testid="packages-supervisor-only">
          {t('packages.supervisorOnly')}
        </Alert>
      )}
    </Stack>
  );
}
