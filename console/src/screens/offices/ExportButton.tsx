import { useState } from 'react';
import { Button, CircularProgress } from '@mui/material';
import { ConsoleApiError } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { exportForOffice, saveFile } from '../../officesApi';

/** Writes a package for an office (HQ's news since its desks' lowest cursor) and saves it. */
export function ExportButton(props: {
  officeId: string;
  label?: string;
  onMessage: (message: { ok: boolean; text: string }) => void;
  onError: (error: unknown) => void;
  onDone?: () => void;
}) {
  const { t, appError } = useI18n();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const file = await exportForOffice(props.officeId);
      saveFile(file);
      props.onMessage({
        ok: true,
        text: t('offices.exported', { file: file.fileName, changes: file.summary.changes }),
      });
      props.onDone?.();
    } catch (error) {
      props.onError(error);
      if (error instanceof ConsoleApiError)
        props.onMessage({ ok: false, text: appError(error.data) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="outlined"
      disabled={busy || !props.officeId}
      startIcon={busy ? <CircularProgress size={16} /> : undefined}
      onClick={() => void run()}
    >
      {props.label ?? t('offices.export')}
    </Button>
  );
}
