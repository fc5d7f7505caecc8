import { Alert, Box, Button, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { toAppErrorData, type AppErrorData } from '@shared/errors/appError';
import { recordBackupMade } from '../../db/repositories/backup/backupStatus';
import { makeBackup, type MadeBackup } from '../../db/repositories/backup/makeBackup';
import type { DumpProgress } from '../../db/repositories/backup/tableLines';
import { useT } from '../../i18n/useT';
import { getDeskApi } from '../../platform/deskApi';
import { useSession, writeContext } from '../../state/session';
import { backupErrorText, backupFilters } from './backupText';
import { currentWorkOwner } from '../../state/workOwner';

/** 立即备份: the whole store to one .mzbak file, through the save dialog. */
export function MakeBackupSection(props: { ready: boolean; onMade: () => void }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const [progress, setProgress] = useState<DumpProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [made, setMade] = useState<MadeBackup | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  const run = async () => {
    setRunning(true);
    setError(null);
    setMade(null);
    setProgress(null);
    try {
      const owner = currentWorkOwner();
      const backup = await makeBackup(db, writeContext(), setProgress);
      // Its folder chosen by the one who made it, not the next person (workOwner.ts).
      await owner.handOut();
      const saved = await getDeskApi().saveBytesFile({
        suggestedName: backup.fileName,
        bytes: backup.bytes,
        filters: backupFilters(t),
      });
      if (saved.saved) {
        await recordBackupMade(db, { at: backup.manifest.createdAt, fileName: backup.fileName });
        setMade(backup);
      }
      props.onMade();
    } catch (thrown) {
      setError(toAppErrorData(thrown));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Paper component="section" sx={{ p: 3 }} data-testid="backup-make">
      <Stack spacing={2}>
        <Typography variant="h6" component="h2">
          {t('backup.make.title')}
        </Typography>
        {!props.ready && <Typography color="text.secondary">{t('backup.make.needKey')}</Typography>}
        <Box>
          <Button variant="contained" disabled={!props.ready || running} onClick={run}>
            {t('backup.make.button')}
          </Button>
        </Box>
        {running && (
          <Box>
            <Typography variant="body2">
              {t('backup.make.running', {
                done: progress?.done ?? 0,
                total: progress?.total ?? 0,
              })}
            </Typography>
            <LinearProgress
              variant={progress ? 'determinate' : 'indeterminate'}
              value={progress && progress.total > 0 ? (100 * progress.done) / progress.total : 0}
            />
          </Box>
        )}
        {error && (
          <Alert severity="error" data-testid="backup-make-error">
            {backupErrorText(t, error)}
          </Alert>
        )}
        {made && (
          <Alert severity="success" data-testid="backup-made">
            {t('backup.make.done', {
              file: made.fileName,
              persons: made.manifest.counts.persons ?? 0,
              queue: made.manifest.counts.queue ?? 0,
            })}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
