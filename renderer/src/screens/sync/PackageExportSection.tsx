import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { toAppErrorData, type AppErrorData } from '@shared/errors/appError';
import type { SaveTextResponse } from '@shared/ipc/contract';
import { useT } from '../../i18n/useT';
import { getDeskApi } from '../../platform/deskApi';
import { useSession, writeContext } from '../../state/session';
import { discardExport, exportPackage } from '../../sync/packages/exportPackage';
import type { ExportedPackage, PackageProgress } from '../../sync/packages/packageTypes';
import { useSyncStatus } from '../../sync/syncStatus';
import { FactList } from '../common/FactList';
import { PackageErrorAlert } from './PackageErrorAlert';
import { PackageProgressBar } from './PackageProgressBar';
import { packageFilters, partyText, summaryFacts } from './packageText';
import { currentWorkOwner } from '../../state/workOwner';

/**
 * 导出同步包: every change HQ has not confirmed, sealed for HQ, then the save dialog
 * (a download in the browser). The package stays in memory so it can be saved again,
 * e.g. after a cancelled dialog or to a second USB stick.
 */
export function PackageExportSection() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const queued = useSyncStatus((s) => s.queued);
  const [progress, setProgress] = useState<PackageProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [exported, setExported] = useState<ExportedPackage | null>(null);
  const [saved, setSaved] = useState<SaveTextResponse | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [cancelled, setCancelled] = useState(false);

  /**
   * The save dialog (a download in the browser). A first save that is cancelled
   * discards the package: it never left the desk, so it leaves the history too and
   * the next export gets a new number. A saved package can be saved again.
   */
  const save = async (made: ExportedPackage, first: boolean) => {
    setError(null);
    try {
      const result = await getDeskApi().saveBytesFile({
        suggestedName: made.fileName,
        bytes: made.bytes,
        filters: packageFilters(t),
      });
      if (result.saved) {
        setSaved(result);
      } else if (first) {
        await discardExport(db, made.manifest.packageId);
        setExported(null);
        setCancelled(true);
      }
    } catch (thrown) {
      setError(toAppErrorData(thrown));
      if (first) {
        await discardExport(db, made.manifest.packageId);
        setExported(null);
      }
    }
  };

  const run = async () => {
    setRunning(true);
    setProgress(null);
    setError(null);
    setExported(null);
    setSaved(null);
    setCancelled(false);
    try {
      const owner = currentWorkOwner();
      const made = await exportPackage(db, writeContext(), setProgress);
      setExported(made);
      try {
        // Its place chosen by the one who made it, not the next person (workOwner.ts):
        // gone, the package never left the desk and leaves its history.
        await owner.handOut();
      } catch (thrown) {
        await discardExport(db, made.manifest.packageId);
        setExported(null);
        throw thrown;
      }
      await save(made, true);
    } catch (thrown) {
      setError(toAppErrorData(thrown));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Paper component="section" sx={{ p: 3 }} data-testid="package-export">
      <Stack spacing={2}>
        <Box>
          <Typography variant="h6" component="h2">
            {t('packages.export.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('packages.export.intro')}
          </Typography>
        </Box>
        {cancelled && (
          <Alert severity="info" data-testid="package-export-cancelled">
            {t('packages.export.cancelled')}
          </Alert>
        )}
        {!running && !exported && (
          <Typography data-testid="package-queued">
            {queued > 0
              ? t('packages.export.queued', { count: queued })
              : t('packages.export.nothingQueued')}
          </Typography>
        )}
        <Box>
          <Button variant="contained" disabled={running} onClick={run}>
            {running ? t('packages.export.running') : t('packages.export.button')}
          </Button>
        </Box>
        {running && !exported && (
          <PackageProgressBar progress={progress} label={t('packages.export.running')} />
        )}
        {error && <PackageErrorAlert error={error} testId="package-export-error" />}
        {exported && (
          <ExportSummary
            exported={exported}
            saved={saved}
            onSave={() => void save(exported, false)}
          />
        )}
      </Stack>
    </Paper>
  );
}

function ExportSummary(props: {
  exported: ExportedPackage;
  saved: SaveTextResponse | null;
  onSave: () => void;
}) {
  const { t, language } = useT();
  const { exported, saved } = props;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="package-export-summary">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
        {t('packages.export.done', { number: exported.manifest.number })}
      </Typography>
      <FactList
        labelWidth={120}
        items={[
          [t('packages.fact.file'), exported.fileName],
          [t('packages.fact.receiver'), partyText(t, exported.manifest.receiver)],
          ...summaryFacts(t, language, exported.summary),
        ]}
      />
      {exported.summary.total === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('packages.export.empty')}
        </Typography>
      )}
      <Stack spacing={1.5} sx={{ mt: 2 }}>
        {saved?.path && (
          <Alert severity="success" data-testid="package-saved">
            {t('packages.export.saved', { path: saved.path })}
          </Alert>
        )}
        {saved && !saved.path && (
          <Alert severity="success" data-testid="package-saved">
            {t('packages.export.downloaded')}
          </Alert>
        )}
        {saved && (
          <Box>
            <Button variant="outlined" onClick={props.onSave}>
              {t('packages.export.saveAgain')}
            </Button>
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
