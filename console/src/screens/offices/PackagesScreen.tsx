import { useRef, useState } from 'react';
import {
  Alert,
  Button,
  LinearProgress,
  MenuItem,
  Paper,
  Stack,
  Step,
  StepLabel,
  Stepper,
  TextField,
  Typography,
} from '@mui/material';
import { ConsoleApiError } from '../../api';
import { useI18n } from '../../i18n/i18n';
import {
  importPackage,
  loadOffices,
  previewPackage,
  saveFile,
  type Download,
  type ImportPreview,
  type ImportReport,
} from '../../officesApi';
import { useLoad } from '../useLoad';
import { ExportButton } from './ExportButton';
import { PreviewTable } from './PreviewTable';

type Busy = { words: 'packages.checking' | 'packages.importing'; share: number | null } | null;

/**
 * 数据包: a desk's package by upload — chosen, previewed (HQ runs the import and rolls it
 * back: nothing written), imported, and its return file downloaded; and a package for
 * an office that has none to answer.
 */
export function PackagesScreen(props: { onError: (error: unknown) => void }) {
  const { t, appError } = useI18n();
  const { value } = useLoad(loadOffices, props.onError);
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [imported, setImported] = useState<Download<ImportReport> | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [exportOffice, setExportOffice] = useState('');
  const [exportMessage, setExportMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const offices = value?.offices ?? [];
  const step = imported ? 3 : preview ? 1 : 0;

  const run = async (words: NonNullable<Busy>['words'], work: () => Promise<void>) => {
    setMessage(null);
    setBusy({ words, share: 0 });
    try {
      await work();
    } catch (error) {
      props.onError(error);
      if (error instanceof ConsoleApiError) setMessage({ ok: false, text: appError(error.data) });
      setPreview(null);
    } finally {
      setBusy(null);
    }
  };
  const progress = (share: number | null) =>
    setBusy((b) => (b ? { ...b, share: share === null || share >= 1 ? null : share } : b));
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    setImported(null);
    setMessage(null);
  };

  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {t('packages.help')}
      </Typography>
      <Paper sx={{ p: 2 }}>
        <Stepper activeStep={step} sx={{ mb: 2 }}>
          {(['choose', 'preview', 'import', 'download'] as const).map((s) => (
            <Step key={s}>
              <StepLabel>{t(`packages.step.${s}`)}</StepLabel>
            </Step>
          ))}
        </Stepper>
        <Stack spacing={2}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <input
              ref={input}
              type="file"
              accept=".mzpkg,application/octet-stream"
              hidden
              data-testid="package-file"
              onChange={(e) => choose(e.target.files?.[0] ?? null)}
            />
            <Button
              variant="outlined"
              disabled={busy !== null}
              onClick={() => input.current?.click()}
            >
              {t('packages.choose')}
            </Button>
            {file && (
              <Typography variant="body2">
                {t('packages.chosen', { name: file.name, size: Math.ceil(file.size / 1024) })}
              </Typography>
            )}
            {file && !preview && !imported && (
              <Button
                variant="contained"
                disabled={busy !== null}
                onClick={() =>
                  void run('packages.checking', async () =>
                    setPreview(await previewPackage(file, progress)),
                  )
                }
              >
                {t('packages.preview')}
              </Button>
            )}
          </Stack>
          {busy && (
            <Stack spacing={1} data-testid="package-progress">
              <Typography variant="body2">
                {busy.share === null
                  ? t(busy.words)
                  : t('packages.uploading', { percent: Math.round(busy.share * 100) })}
              </Typography>
              <LinearProgress
                variant={busy.share === null ? 'indeterminate' : 'determinate'}
                value={(busy.share ?? 0) * 100}
              />
            </Stack>
          )}
          {message && <Alert severity={message.ok ? 'success' : 'error'}>{message.text}</Alert>}
          {preview && !imported && file && (
            <>
              <PreviewTable preview={preview} offices={offices} />
              <Stack direction="row" spacing={2}>
                <Button
                  variant="contained"
                  disabled={busy !== null}
                  onClick={() =>
                    void run('packages.importing', async () =>
                      setImported(await importPackage(file, progress)),
                    )
                  }
                >
                  {t('packages.import')}
                </Button>
                <Button disabled={busy !== null} onClick={() => choose(null)}>
                  {t('packages.cancel')}
                </Button>
              </Stack>
            </>
          )}
          {imported && (
            <>
              <Alert severity="success">
                {t('packages.imported', {
                  number: preview?.number ?? '',
                  applied: imported.summary.ops.applied,
                  conflicts: imported.summary.ops.conflicts,
                  rejected: imported.summary.ops.rejected,
                })}
              </Alert>
              <Typography variant="body2">{t('packages.returnHelp')}</Typography>
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                <Button variant="contained" onClick={() => saveFile(imported)}>
                  {t('packages.download')}
                </Button>
                <Typography variant="caption">{imported.fileName}</Typography>
                <Button onClick={() => choose(null)}>{t('packages.again')}</Button>
              </Stack>
            </>
          )}
        </Stack>
      </Paper>
      <Paper sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h3">
          {t('packages.exportTitle')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('packages.exportHelp')}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <TextField
            select
            size="small"
            label={t('offices.office')}
            value={exportOffice}
            onChange={(e) => setExportOffice(e.target.value)}
            sx={{ minWidth: 240 }}
          >
            {offices.map((o) => (
              <MenuItem key={o.id} value={o.id}>
                {o.name}（{o.id}）
              </MenuItem>
            ))}
          </TextField>
          <ExportButton
            officeId={exportOffice}
            label={t('packages.export')}
            onMessage={setExportMessage}
            onError={props.onError}
          />
        </Stack>
        {exportMessage && (
          <Alert severity={exportMessage.ok ? 'success' : 'error'} sx={{ mt: 2 }}>
            {exportMessage.text}
          </Alert>
        )}
      </Paper>
    </Stack>
  );
}
