import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import CloudSyncIcon from '@mui/icons-material/CloudSync';
import ErrorIcon from '@mui/icons-material/ErrorOutlineOutlined';
import SyncIcon from '@mui/icons-material/Sync';
import TuneIcon from '@mui/icons-material/Tune';
import WarningIcon from '@mui/icons-material/WarningAmber';
import { Box, Button, IconButton, Tooltip, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { formatTime, stateText } from '../screens/sync/syncText';
import { useRouter } from '../state/router';
import { holdsAny } from '@shared/domain/roles';
import { useRoles } from '../state/session';
import { isEnrolled, isRunning, useSyncStatus, type SyncState } from '../sync/syncStatus';
import { BackupAge } from '../screens/backup/BackupAge';
import { useBackupScheduler } from '../screens/backup/useBackupScheduler';

/**
 * Always-visible footer: how many local changes still wait for the county bureau,
 * whether sync runs, works or waits, and what needs a person (conflicts, refusals, a
 * wrong clock). Offices are often offline for days, so staff must see that work is
 * kept, not lost. Sync itself runs beside it (App.tsx mounts sync/SyncRunner.tsx).
 */
export function SyncStatusBar() {
  useBackupScheduler();
  const { t, language } = useT();
  const navigate = useRouter((s) => s.navigate);
  const roles = useRoles();
  const canEnroll = holdsAny(roles, ['supervisor', 'admin']);
  const backsUp = roles.includes('supervisor');
  const status = useSyncStatus();
  const { state } = status;
  const enrolled = isEnrolled(state);
  // Only while a scheduler runs: not before sync has started, nor when it could not start.
  const canSyncNow = enrolled && isRunning(status.controls);
  const stateWords = stateText(t, state);

  return (
    <Box
      component="footer"
      role="status"
      sx={{
        display: 'flex',
        alignItems: 'center',
        flexWrap: 'wrap',
        columnGap: 2,
        px: 2,
        py: 0.5,
        borderTop: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        color: 'text.secondary',
        fontSize: 13,
      }}
    >
      <Typography component="span" variant="body2">
        {t('sync.queued')}
        <Box component="strong" data-testid="queued-count" sx={{ color: 'text.primary' }}>
          {status.queued}
        </Box>
      </Typography>
      {/* At most half the bar, its words cut short with … beyond that (a long reason in
          English pushed the bar onto a second line); the whole on hover. */}
      <Box
        data-testid="sync-state"
        sx={{ display: 'flex', alignItems: 'center', gap: 0.5, minWidth: 0, maxWidth: '50%' }}
      >
        {stateIcon(state)}
        <Typography component="span" variant="body2" noWrap title={stateWords}>
          {stateWords}
        </Typography>
      </Box>
      {enrolled && (
        <Typography component="span" variant="body2" data-testid="sync-last-success">
          {status.lastSuccessAt
            ? t('sync.lastSuccess', { time: formatTime(language, status.lastSuccessAt) })
            : t('sync.lastSuccess.never')}
        </Typography>
      )}
      {(enrolled || status.openConflicts > 0) && (
        <BarLink
          testId="sync-conflicts"
          attention={status.openConflicts > 0}
          onClick={() => navigate({ name: 'conflicts' })}
        >
          {t('sync.conflictsCount', { count: status.openConflicts })}
        </BarLink>
      )}
      {status.rejected > 0 && (
        <BarLink testId="sync-rejected" attention onClick={() => navigate({ name: 'conflicts' })}>
          {t('sync.rejectedCount', { count: status.rejected })}
        </BarLink>
      )}
      {status.refusedChanges > 0 && (
        <BarLink
          testId="sync-refused-changes"
          attention
          onClick={() => navigate({ name: 'conflicts' })}
        >
          {t('sync.refusedCount', { count: status.refusedChanges })}
        </BarLink>
      )}
      {status.clockSkewMs !== null && (
        <Box
          data-testid="sync-clock-warning"
          sx={{ display: 'flex', alignItems: 'center', gap: 0.5, color: 'warning.dark' }}
        >
          <WarningIcon fontSize="small" />
          <Typography component="span" variant="body2">
            {t('sync.clockSkew', { minutes: Math.round(Math.abs(status.clockSkewMs) / 60_000) })}
          </Typography>
        </Box>
      )}
      {backsUp && <BackupAge />}
      <Box sx={{ flex: 1 }} />
      {canSyncNow && (
        <Button
          size="small"
          startIcon={<SyncIcon />}
          disabled={state.kind === 'syncing'}
          onClick={() => status.controls.syncNow()}
        >
          {t('sync.syncNow')}
        </Button>
      )}
      {state.kind === 'not_enrolled' && canEnroll && (
        <Button size="small" onClick={() => navigate({ name: 'syncSettings' })}>
          {t('sync.connect')}
        </Button>
      )}
      {enrolled && canEnroll && (
        <Tooltip title={t('sync.settingsLink')}>
          <IconButton
            size="small"
            aria-label={t('sync.settingsLink')}
            onClick={() => navigate({ name: 'syncSettings' })}
          >
            <TuneIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      )}
    </Box>
  );
}

function stateIcon(state: SyncState): ReactNode {
  switch (state.kind) {
    case 'idle':
      return <CloudDoneIcon fontSize="small" color="success" />;
    case 'syncing':
      return <CloudSyncIcon fontSize="small" color="primary" />;
    case 'starting':
      return <CloudSyncIcon fontSize="small" color="disabled" />;
    case 'error':
      return <ErrorIcon fontSize="small" color="error" />;
    default:
      return <CloudOffIcon fontSize="small" />;
  }
}

function BarLink(props: {
  testId: string;
  attention: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Button
      size="small"
      variant="text"
      data-testid={props.testId}
      color={props.attention ? 'warning' : 'inherit'}
      onClick={props.onClick}
      sx={{ minWidth: 0, px: 0.5, fontWeight: props.attention ? 600 : 400 }}
    >
      {props.children}
    </Button>
  );
}
