import CloudOffIcon from '@mui/icons-material/CloudOff';
import { Box, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { queuedCount } from '../db/repositories/queue';
import { useT } from '../i18n/useT';
import { useSession } from '../state/session';

/**
 * Always-visible footer: how many local changes still wait for the county bureau.
 * Offices are often offline for days, so staff must see that work is kept, not lost.
 * Sending is a later issue; until then the desk is always "not connected".
 */
export function SyncStatusBar() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const count = useLiveQuery(() => queuedCount(db), [db]);

  return (
    <Box
      component="footer"
      role="status"
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 3,
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
          {count ?? 0}
        </Box>
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
        <CloudOffIcon fontSize="small" />
        <Typography component="span" variant="body2">
          {t('sync.offline')}
        </Typography>
      </Box>
    </Box>
  );
}
