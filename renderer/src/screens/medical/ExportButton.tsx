import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { toAppErrorData, type AppErrorData } from '@shared/errors/appError';
import type { Period } from '@shared/medical/timeline';
import { exportCoverageChanges } from '../../db/repositories/medical/exportChanges';
import { useT } from '../../i18n/useT';
import { useActingRole, useSession, writeContext } from '../../state/session';
import { saveXlsx } from '../../export/saveXlsx';
import { fullExportRoles } from '../../db/permissions';
import { currentWorkOwner } from '../../state/workOwner';

/**
 * The period's changes as XLSX for the medical-insurance office: saved through the
 * desk's save dialog (Electron) or downloaded (web). Only a supervisor may make it (it
 * holds full ID numbers); every person in it is logged before the file is handed out.
 */
export function ExportButton(props: { period: Period }) {
  const { t, appError } = useT();
  const db = useSession((s) => s.db);
  const role = useActingRole();
  const allowed = role !== undefined && fullExportRoles.includes(role);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    setDone(null);
    setError(null);
    try {
      const owner = currentWorkOwner();
      const file = await exportCoverageChanges(db, writeContext(), props.period);
      // Not offered to whoever is at the desk once its maker has gone (workOwner.ts).
      await owner.handOut();
      const saved = await saveXlsx(file.fileName, file.bytes);
      setDone(saved ? t('medical.exported', { lines: file.lines }) : t('medical.exportCancelled'));
    } catch (thrown) {
      setError(toAppErrorData(thrown));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Button
        variant="outlined"
        startIcon={<DownloadIcon />}
        disabled={!allowed || busy}
        onClick={() => void run()}
        data-testid="coverage-export"
      >
        {t('medical.export')}
      </Button>
      {!allowed && <Alert severity="info">{t('medical.exportOnlySupervisor')}</Alert>}
      {done && (
        <Alert severity="success" data-testid="coverage-exported">
          {done}
        </Alert>
      )}
      {error && (
        <Alert severity="error" data-testid="coverage-export-error">
          {appError(error)}
        </Alert>
      )}
    </Stack>
  );
}
