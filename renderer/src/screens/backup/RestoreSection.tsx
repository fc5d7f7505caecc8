import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { readBackupBytes, type BackupManifest } from '@shared/backup/format';
import { normalizeWords } from '@shared/backup/recoveryKey';
import { toAppErrorData, type AppErrorData } from '@shared/errors/appError';
import { restoreBackup, type RestoreResult } from '../../db/repositories/backup/restoreBackup';
import { useT } from '../../i18n/useT';
import { getDeskApi } from '../../platform/deskApi';
import { useSession, writeContext } from '../../state/session';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { formatTime } from '../sync/syncText';
import { backupErrorText, backupFilters } from './backupText';

interface Chosen {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
  /** Read from the file before anything is checked: for the confirmation only. */
  manifest: BackupManifest | null;
}

/**
 * 从备份恢复: the file, the 24 words, a confirmation that says what is replaced; then
 * the whole store is replaced at once, or, refused, nothing changes. `firstRun`: on a new
 * PC before any account exists (nobody is signed in; restoreBackup takes any office's).
 */
export function RestoreSection(props: { firstRun?: boolean } = {}) {
  const { t, language } = useT();
  const db = useSession((s) => s.db);
  // The restored desk opens at its login, in this same page: a reload would drop the
  // store's key, which a browser gets back only by a password the restored accounts have
  // not yet given on this PC (atRest/passwordWraps.ts).
  const reopen = async () => {
    useSession.setState((s) => ({ user: null, sessionSeq: s.sessionSeq + 1 }));
    await useSession.getState().init();
  };
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [words, setWords] = useState('');
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [restored, setRestored] = useState<RestoreResult | null>(null);

  const choose = async () => {
    setError(null);
    setRestored(null);
    try {
      const opened = await getDeskApi().openBytesFile({ filters: backupFilters(t) });
      if (!opened.opened || !opened.bytes) return;
      let manifest: BackupManifest | null = null;
      try {
        manifest = readBackupBytes(opened.bytes).manifest;
      } catch {
        manifest = null; // refused with its reason when restored
      }
      setChosen({ name: opened.name ?? '', bytes: opened.bytes, manifest });
    } catch (thrown) {
      setError(toAppErrorData(thrown));
    }
  };

  const restore = async () => {
    setAsking(false);
    if (!chosen) return;
    setError(null);
    try {
      const ctx = props.firstRun ? null : writeContext();
      setRestored(await restoreBackup(db, chosen.bytes, normalizeWords(words), ctx));
      setWords('');
    } catch (thrown) {
      setError(toAppErrorData(thrown));
    }
  };

  return (
    <Paper
      component="section"
      // At first run it sits inside the first-run card: no frame of its own.
      sx={
        props.firstRun ? { p: 0, border: 0, boxShadow: 'none', bgcolor: 'transparent' } : { p: 3 }
      }
      data-testid="backup-restore"
    >
      <Stack spacing={2}>
        {!props.firstRun && (
          <>
            <Typography variant="h6" component="h2">
              {t('backup.restore.title')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t('backup.restore.intro')}
            </Typography>
          </>
        )}
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Button variant="outlined" onClick={() => void choose()}>
            {t('backup.restore.choose')}
          </Button>
          {chosen && (
            <Typography data-testid="backup-restore-file">
              {t('backup.restore.file', { file: chosen.name })}
            </Typography>
          )}
        </Stack>
        <TextField
          label={t('backup.restore.words')}
          value={words}
          onChange={(e) => setWords(e.target.value)}
          multiline
          minRows={2}
          slotProps={{ htmlInput: { 'data-testid': 'backup-restore-words' } }}
        />
        <Box>
          <Button
            variant="contained"
            color="warning"
            disabled={!chosen || words.trim() === ''}
            onClick={() => setAsking(true)}
          >
            {t('backup.restore.button')}
          </Button>
        </Box>
        {error && (
          <Alert severity="error" data-testid="backup-restore-error">
            {backupErrorText(t, error)}
          </Alert>
        )}
        {restored && (
          <Alert
            severity="success"
            data-testid="backup-restored"
            action={
              <Button color="inherit" size="small" onClick={() => void reopen()}>
                {t('backup.restore.reload')}
              </Button>
            }
          >
            {t('backup.restore.done', {
              at: formatTime(language, restored.manifest.createdAt),
              persons: restored.counts.persons ?? 0,
              queue: restored.counts.queue ?? 0,
            })}
          </Alert>
        )}
      </Stack>
      <ConfirmDialog
        open={asking}
        title={t('backup.restore.confirmTitle')}
        text={t('backup.restore.confirmText', {
          at: chosen?.manifest ? formatTime(language, chosen.manifest.createdAt) : '?',
          persons: chosen?.manifest?.counts.persons ?? 0,
        })}
        confirmLabel={t('backup.restore.confirm')}
        confirmTestId="backup-restore-confirm"
        onCancel={() => setAsking(false)}
        onConfirm={() => void restore()}
      />
    </Paper>
  );
}
