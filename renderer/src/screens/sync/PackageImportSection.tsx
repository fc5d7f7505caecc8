import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { toAppErrorData, type AppErrorData } from '@shared/errors/appError';
import { useT } from '../../i18n/useT';
import { getDeskApi } from '../../platform/deskApi';
import { useRouter } from '../../state/router';
import { useSession, writeContext } from '../../state/session';
import { importPackage, previewPackage } from '../../sync/packages/importPackage';
import type {
  ImportedPackage,
  PackagePreview,
  PackageProgress,
} from '../../sync/packages/packageTypes';
import { PackageErrorAlert } from './PackageErrorAlert';
import { PackagePreviewCard } from './PackagePreviewCard';
import { PackageProgressBar } from './PackageProgressBar';
import { packageFilters } from './packageText';

type Stage = 'idle' | 'opening' | 'checking' | 'preview' | 'applying' | 'done';

interface OpenedFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * 导入同步包: open HQ's return file, check and decrypt it and show what it carries
 * (nothing applied), then apply it on 确认导入 in one transaction. A refusal at either
 * step is shown here and leaves the desk as it was.
 */
export function PackageImportSection() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const [stage, setStage] = useState<Stage>('idle');
  const [progress, setProgress] = useState<PackageProgress | null>(null);
  const [file, setFile] = useState<OpenedFile | null>(null);
  const [preview, setPreview] = useState<PackagePreview | null>(null);
  const [result, setResult] = useState<ImportedPackage | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  const reset = () => {
    setStage('idle');
    setProgress(null);
    setFile(null);
    setPreview(null);
  };

  const fail = (thrown: unknown) => {
    setError(toAppErrorData(thrown));
    reset();
  };

  const choose = async () => {
    reset();
    setError(null);
    setResult(null);
    setStage('opening');
    try {
      const opened = await getDeskApi().openBytesFile({ filters: packageFilters(t) });
      if (!opened.opened || !opened.bytes) return reset();
      const chosen = { name: opened.name ?? '', bytes: opened.bytes };
      setFile(chosen);
      setStage('checking');
      setPreview(await previewPackage(db, writeContext(), chosen.bytes, setProgress));
      setStage('preview');
    } catch (thrown) {
      fail(thrown);
    }
  };

  const confirm = async () => {
    if (!file) return;
    setStage('applying');
    setProgress(null);
    try {
      const imported = await importPackage(db, writeContext(), file.bytes, setProgress);
      reset();
      setResult(imported);
      setStage('done');
    } catch (thrown) {
      fail(thrown);
    }
  };

  // Not while the file picker is open: a browser without the 'cancel' event never says
  // it closed, and the button must still work then.
  const busy = stage === 'checking' || stage === 'applying';
  return (
    <Paper component="section" sx={{ p: 3 }} data-testid="package-import">
      <Stack spacing={2}>
        <Box>
          <Typography variant="h6" component="h2">
            {t('packages.import.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('packages.import.intro')}
          </Typography>
        </Box>
        {stage !== 'preview' && (
          <Box>
            <Button variant="contained" disabled={busy} onClick={choose}>
              {stage === 'done' ? t('packages.import.another') : t('packages.import.choose')}
            </Button>
          </Box>
        )}
        {error && <PackageErrorAlert error={error} testId="package-import-error" />}
        {stage === 'checking' && (
          <PackageProgressBar progress={progress} label={t('packages.import.reading')} />
        )}
        {file && preview && (stage === 'preview' || stage === 'applying') && (
          <PackagePreviewCard fileName={file.name} preview={preview}>
            {stage === 'applying' ? (
              <PackageProgressBar progress={progress} label={t('packages.import.applying')} />
            ) : (
              <Stack direction="row" spacing={1}>
                <Button variant="contained" onClick={confirm} data-testid="package-confirm">
                  {t('packages.import.confirm')}
                </Button>
                <Button onClick={reset}>{t('common.cancel')}</Button>
              </Stack>
            )}
          </PackagePreviewCard>
        )}
        {result && <ImportResult result={result} />}
      </Stack>
    </Paper>
  );
}

function ImportResult(props: { result: ImportedPackage }) {
  const { t } = useT();
  const navigate = useRouter((s) => s.navigate);
  const { acknowledged, changes, manifest } = props.result;
  const showConflicts = (
    <Button color="inherit" size="small" onClick={() => navigate({ name: 'conflicts' })}>
      {t('packages.import.showConflicts')}
    </Button>
  );
  return (
    <Stack spacing={1.5} data-testid="package-import-result">
      <Alert severity="success">
        {t('packages.import.done', {
          number: manifest.number,
          new: changes.new,
          applied: acknowledged.applied,
        })}
      </Alert>
      {acknowledged.conflicts > 0 && (
        <Alert severity="warning" action={showConflicts}>
          {t('packages.import.conflicts', { count: acknowledged.conflicts })}
        </Alert>
      )}
      {acknowledged.rejected > 0 && (
        <Alert severity="warning" action={showConflicts}>
          {t('packages.import.rejected', { count: acknowledged.rejected })}
        </Alert>
      )}
    </Stack>
  );
}
