import { useSyncExternalStore } from 'react';
import { Box, Dialog, DialogContent, DialogTitle, LinearProgress, Typography } from '@mui/material';
import { onSealProgress, sealProgress } from '../db/atRest/sealProgress';
import { useT } from '../i18n/useT';

/** Fewer rows than this seal in about a second: no dialog flashes up for them. */
const worthShowing = 2000;

/**
 * The store's one-time sealing (db/atRest/sealProgress.ts), over whatever screen is up
 * (the login that started it, or the start when the OS key store opened the store): what
 * runs, that it runs once, that closing loses nothing, and how far it has gone.
 */
export function StoreWorkProgress() {
  const { t, language } = useT();
  const progress = useSyncExternalStore(onSealProgress, sealProgress);
  if (progress?.kind === 'elsewhere') return <WorkElsewhere />;
  if (!progress || progress.total < worthShowing) return null;
  const percent = Math.floor((progress.done * 100) / progress.total);
  return (
    <Dialog open aria-labelledby="store-work-title" maxWidth="sm" fullWidth>
      <DialogTitle id="store-work-title">{t(`atRest.progress.${progress.kind}.title`)}</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>{t('atRest.progress.body')}</Typography>
        <LinearProgress variant="determinate" value={percent} aria-label={`${percent}%`} />
        <Box sx={{ mt: 1 }}>
          <Typography variant="body2" color="text.secondary" data-testid="store-work-count">
            {t('atRest.progress.count', {
              done: progress.done.toLocaleString(language),
              total: progress.total.toLocaleString(language),
            })}
          </Typography>
        </Box>
      </DialogContent>
    </Dialog>
  );
}

/**
 * Another tab or window of this desk, or this window's own sync worker, runs the work
 * (db/atRest/storeWorkLock.ts: the lock does not say which).
 */
function WorkElsewhere() {
  const { t } = useT();
  return (
    <Dialog open aria-labelledby="store-work-title" maxWidth="sm" fullWidth>
      <DialogTitle id="store-work-title">{t('atRest.progress.elsewhere.title')}</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>{t('atRest.progress.elsewhere.body')}</Typography>
        <LinearProgress aria-label={t('atRest.progress.elsewhere.title')} />
      </DialogContent>
    </Dialog>
  );
}
