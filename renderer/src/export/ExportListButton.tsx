import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Box from '@mui/material/Box';
import Snackbar from '@mui/material/Snackbar';
import { toAppErrorData } from '@shared/errors/appError';
import { runListExport } from '../db/repositories/export/runListExport';
import { useT } from '../i18n/useT';
import { useSession, writeContext } from '../state/session';
import { isSensitive, type ListDefinition, type ListSource } from './listDefinition';
import { saveXlsx } from './saveXlsx';
import { exportState, forgetExport, useExportTurn } from './exportTurn';
import { workOwner } from '../state/workOwner';
import { useShallow } from 'zustand/react/shallow';

/**
 * 导出表格 on a list: the list as the screen filters it, saved through the desk's
 * save dialog (a download in the browser build), with a progress bar for long lists.
 * Whether numbers are masked is decided by the role in runListExport, not here.
 */
export function ExportListButton<R>(props: {
  definition: ListDefinition<R>;
  /** The rows as the screen currently filters them. */
  source: () => ListSource<R>;
  label?: string;
  testId?: string;
}) {
  const { t, appError, language } = useT();
  const db = useSession((s) => s.db);
  const testId = props.testId ?? `export-${props.definition.id}`;
  // Kept in the desk's export store, not here: an export goes on when its screen is left,
  // and this button drawn again shows it running, then its end (exportTurn.ts).
  const { by, progress, done, error } = useExportTurn(useShallow(exportState(testId)));
  // Another person logged in since: the last one's export is not theirs to see.
  const mine = by === (useSession((s) => s.user)?.id ?? null);
  const anyRunning = useExportTurn((s) => s.running !== null);
  const shownHere = useExportTurn((s) => s.shown === testId);
  // Closing hides the message first and forgets it once it has faded out: forgotten at
  // once, the fading box fell back to an empty progress message.
  const [closing, setClosing] = useState(false);

  const close = () => setClosing(true);
  const forget = () => {
    if (!closing) return;
    forgetExport(testId);
    setClosing(false);
  };

  async function run() {
    const turn = useExportTurn.getState();
    const by = useSession.getState().user?.id ?? null;
    if (!turn.start(testId, by)) return;
    setClosing(false);
    // Stopped at a logout, held while the desk is locked (state/workOwner.ts).
    const owner = workOwner(by);
    const report = (state: Parameters<typeof turn.report>[1]) => turn.report(testId, state);
    try {
      const file = await runListExport(
        db,
        writeContext(),
        props.definition,
        props.source(),
        (d, all, reading = 1) => report({ progress: { done: d, total: all, reading } }),
        owner,
      );
      await owner.handOut();
      const saved = await saveXlsx(file.fileName, file.bytes);
      const numbers = props.definition.columns.some((c) => isSensitive(c.type));
      const key = !numbers
        ? 'listExport.doneNoNumbers'
        : file.full
          ? 'listExport.doneFull'
          : 'listExport.doneMasked';
      report({ done: { key: saved ? key : 'listExport.cancelled', rows: file.rows } });
    } catch (thrown) {
      report({ error: toAppErrorData(thrown) });
    } finally {
      turn.finish(testId);
    }
  }

  const percent =
    progress?.total !== undefined && progress.total > 0
      ? Math.min(100, Math.round((progress.done / progress.total) * 100))
      : undefined;
  const progressText =
    progress &&
    (progress.reading > 1
      ? t('listExport.progressAgain', { done: progress.done.toLocaleString(language) })
      : progress.total !== undefined
        ? t('listExport.progress', {
            done: progress.done.toLocaleString(language),
            total: progress.total.toLocaleString(language),
          })
        : t('listExport.progressOpen', { done: progress.done.toLocaleString(language) }));
  return (
    <Box sx={{ position: 'relative', flexShrink: 0 }}>
      {/* One export at a time (exportTurn.ts): the others wait, greyed. The button keeps
          its words (and so its width) while it exports: the progress is said in the
          message below, so the buttons beside it do not move. */}
      <Button
        variant="outlined"
        startIcon={<DownloadIcon />}
        disabled={anyRunning}
        onClick={() => void run()}
        data-testid={testId}
        sx={{ whiteSpace: 'nowrap', height: '100%' }}
      >
        {props.label ?? t('listExport.button')}
      </Button>
      {mine && progress && (
        <LinearProgress
          data-testid={`${testId}-progress`}
          variant={percent === undefined ? 'indeterminate' : 'determinate'}
          value={percent ?? 0}
          sx={{ position: 'absolute', left: 0, right: 0, bottom: -6 }}
        />
      )}
      <Snackbar
        open={
          mine && shownHere && !closing && (progress !== null || done !== null || error !== null)
        }
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
        // Above the table's pager and the status bar (the list reaches the window's foot).
        sx={{ '&.MuiSnackbar-anchorOriginBottomCenter': { bottom: 72 } }}
        onClose={(_, reason) => reason !== 'clickaway' && progress === null && close()}
        slotProps={{ transition: { onExited: forget } }}
      >
        {error ? (
          <Alert severity="error" variant="filled" onClose={close} data-testid={`${testId}-error`}>
            {appError(error)}
          </Alert>
        ) : done ? (
          <Alert severity="success" variant="filled" onClose={close} data-testid={`${testId}-done`}>
            {t(done.key, { rows: done.rows.toLocaleString(language) })}
          </Alert>
        ) : (
          // Not read out: its count changes with every page. The button (disabled) says an
          // export runs, and the message at its end is an alert that is read.
          <Alert
            severity="info"
            icon={<DownloadIcon />}
            role="status"
            aria-live="off"
            data-testid={`${testId}-under-way`}
            sx={{ minWidth: 280, boxShadow: 3 }}
          >
            {progressText}
          </Alert>
        )}
      </Snackbar>
    </Box>
  );
}
