import { Suspense, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  CssBaseline,
  Dialog,
  Typography,
} from '@mui/material';
import { ThemeProvider } from '@mui/material/styles';
import { releaseWarmStore } from './db/warmStore';
import { useT } from './i18n/useT';
import { LockScreen } from './screens/auth/LockScreen';
import { LoginScreen } from './screens/auth/LoginScreen';
import { useRouter } from './state/router';
import { sessionWritesChunk, useSession } from './state/session';
import { syncMenuLanguage } from './ui/LanguageSwitch';
import { StoreWorkProgress } from './ui/StoreWorkProgress';
import { createDeskTheme } from './ui/theme';
import { shellChunk } from './ui/shellChunk';
import { chunkComponent } from './ui/chunkComponent';
import { lazyChunk } from './ui/lazyChunk';
import { useIdleLock } from './ui/useIdleLock';
import { FailureBoundary } from './ui/FailureBoundary';
import { initialSyncStatus, useSyncStatus } from './sync/syncStatus';
import { toAppErrorData } from '@shared/errors/appError';
import { useWhenIdle } from './ui/useWhenIdle';
import { QueueReport } from './sync/QueueReport';

// Everything behind the login is its own chunk, fetched while the login screen shows
// (and rendered at once when it is here: no suspending, no fallback, chunkComponent.tsx).
const ShellRoot = chunkComponent(shellChunk);
// The first run and the forced password change write (the write path, the name
// dictionary): chunks of their own, so the login screen shows without them.
const firstRunChunk = lazyChunk(() =>
  import('./screens/auth/FirstRunScreen').then((m) => ({ default: m.FirstRunScreen })),
);
const FirstRunScreen = chunkComponent(firstRunChunk);
const forcedPasswordChunk = lazyChunk(() =>
  import('./screens/accounts/ForcedPasswordScreen').then((m) => ({
    default: m.ForcedPasswordScreen,
  })),
);
const ForcedPasswordScreen = chunkComponent(forcedPasswordChunk);
// Sync (the worker's host and the scheduler) is a chunk of its own too.
const syncRunnerChunk = lazyChunk(() => import('./sync/SyncRunner'));
const SyncRunner = chunkComponent(syncRunnerChunk);

// Module-level so React's StrictMode double effects cannot open the session twice.
let started: Promise<void> | null = null;

export function App() {
  const language = useSession((s) => s.language);
  const theme = useMemo(() => createDeskTheme(language), [language]);
  const [startFailed, setStartFailed] = useState(false);

  useEffect(() => {
    started ??= useSession.getState().init();
    started.then(releaseWarmStore, () => setStartFailed(true));
    // The native menu starts in Chinese; bring it in line with the remembered language.
    syncMenuLanguage(useSession.getState().language);
  }, []);

  useEffect(() => {
    // lang drives CJK glyph choice and screen readers.
    document.documentElement.lang = language;
  }, [language]);

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {startFailed ? <StartFailed /> : <PhaseView />}
    </ThemeProvider>
  );
}

function PhaseView() {
  const phase = useSession((s) => s.phase);
  const minutes = useSession((s) => s.settings?.idleLockMinutes ?? 10);
  useIdleLock(phase === 'ready', minutes);

  useEffect(() => {
    // The next person to log in starts at the home screen, not on the last one's case
    // (and again as the login ends: session.ts).
    if (phase === 'login') useRouter.getState().navigate({ name: 'persons' });
    // The shell is fetched while the password is typed (or the desk is set up), and what
    // a login may go to next: sync, or the forced password change. Each is rendered at
    // once when it is here (chunkComponent.tsx), not 300 ms after a loading screen.
    if (phase !== 'ready' && phase !== 'locked') {
      shellChunk.prefetch();
      sessionWritesChunk.prefetch();
      syncRunnerChunk.prefetch();
      forcedPasswordChunk.prefetch();
    }
  }, [phase]);

  // Sync runs while someone is logged in (the lock screen too: the shell stays under it),
  // and in Electron from the start: the OS key store opened the store, no login needed.
  // It starts when the page is next idle (useWhenIdle.ts), not in the task that renders
  // the shell after a login (its first page may still be on its way).
  const db = useSession((s) => s.db);
  const maySync =
    phase === 'ready' ||
    phase === 'locked' ||
    (db.atRest.openedBy === 'source' && (phase === 'login' || phase === 'changePassword'));
  const syncs = useWhenIdle(maySync);
  // The queue is counted from the login screen on, whoever opened the store: a count needs
  // no key (the queue's rows are counted, not opened), and an Electron desk whose store
  // opens by password (no OS key store) asks before quitting with changes at its login
  // screen too.
  const counts = maySync || phase === 'login' || phase === 'changePassword';
  return (
    <>
      {counts && (
        <FailureBoundary where="queue report" fallback={() => null}>
          <QueueReport db={db} />
        </FailureBoundary>
      )}
      {syncs && (
        <FailureBoundary where="sync" fallback={(error) => <SyncFailed error={error} />}>
          <Suspense fallback={null}>
            <SyncRunner />
          </Suspense>
        </FailureBoundary>
      )}
      <FailureBoundary where="screen" fallback={() => <ScreenFailed />}>
        <PhaseScreen phase={phase} />
      </FailureBoundary>
      <StoreWorkProgress />
    </>
  );
}

function PhaseScreen({ phase }: { phase: ReturnType<typeof useSession.getState>['phase'] }) {
  switch (phase) {
    case 'loading':
      return <Loading />;
    case 'setupElsewhere':
      return <SetupElsewhere />;
    case 'setup':
      return (
        <Suspense fallback={<Loading />}>
          <FirstRunScreen />
        </Suspense>
      );
    case 'login':
      return <LoginScreen />;
    case 'changePassword':
      return (
        <Suspense fallback={<Loading />}>
          <ForcedPasswordScreen />
        </Suspense>
      );
    case 'ready':
    case 'locked':
      // The shell stays mounted under the lock so unsaved work survives a coffee break;
      // the full-screen lock dialog covers it and takes focus above any open dialog.
      return (
        <>
          <Suspense fallback={<Loading />}>
            <ShellRoot />
          </Suspense>
          {/* Mounted only while locked: kept mounted through its (zero) closing transition,
              it kept the shell inert a task after the unlock (hiddenUnderLock.ts), so the
              focus could not go back to where it was, and a print just after came out
              blank. */}
          {phase === 'locked' && (
            <Dialog
              fullScreen
              open
              aria-labelledby="auth-title"
              // No fade: the shell must not show through while the lock appears.
              transitionDuration={0}
            >
              <LockScreen />
            </Dialog>
          )}
        </>
      );
  }
}

function Loading() {
  const { t } = useT();
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
      <Box sx={{ textAlign: 'center' }}>
        <CircularProgress />
        <Typography sx={{ mt: 2 }} color="text.secondary">
          {t('common.loading')}
        </Typography>
      </Box>
    </Box>
  );
}

/** Another tab of this desk is making its first run (session init waits for it). */
function SetupElsewhere() {
  const { t } = useT();
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', height: '100vh', px: 3 }}>
      <Box sx={{ textAlign: 'center', maxWidth: 520 }} role="status">
        <CircularProgress />
        <Typography component="h1" variant="h6" sx={{ mt: 2 }}>
          {t('auth.firstRunElsewhere.title')}
        </Typography>
        <Typography sx={{ mt: 1 }} color="text.secondary">
          {t('auth.firstRunElsewhere.body')}
        </Typography>
      </Box>
    </Box>
  );
}

/** Sync could not start (its chunk, or its start, failed): the status bar says so. */
function SyncFailed({ error }: { error: unknown }) {
  useEffect(() => {
    const status = useSyncStatus.getState();
    status.patch({ state: { kind: 'error', error: toAppErrorData(error) } });
    // Gone with the session (a logout): the next start says what it finds.
    return () => status.patch({ state: initialSyncStatus.state });
  }, [error]);
  return null;
}

/** The screen failed to render (or its chunk to load): said, with a way to try again. */
function ScreenFailed() {
  const { t } = useT();
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', height: '100vh', p: 3 }}>
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={() => window.location.reload()}>
            {t('common.reload')}
          </Button>
        }
      >
        {t('common.screenFailed')}
      </Alert>
    </Box>
  );
}

function StartFailed() {
  const { t } = useT();
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', height: '100vh', p: 3 }}>
      <Alert severity="error">{t('common.startFailed')}</Alert>
    </Box>
  );
}
