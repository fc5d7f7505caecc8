import { useCallback, useEffect, useState } from 'react';
import { AppBar, Box, Button, Container, Tab, Tabs, Toolbar, Typography } from '@mui/material';
import { ConsoleApiError, signOut, type SignedIn } from '../api';
import { useI18n } from '../i18n/i18n';
import type { ConsoleMessageKey } from '../i18n/zh-CN';
import { useIdleSignOut } from '../useIdleSignOut';
import { AuditScreen } from './AuditScreen';
import { HomeScreen } from './HomeScreen';
import { LanguageButton } from './LanguageButton';
import { UsersScreen } from './UsersScreen';
import { CaseFileScreen } from './queue/CaseFileScreen';
import { QueueScreen } from './queue/QueueScreen';
import { SpotCheckScreen } from './queue/SpotCheckScreen';

type Screen = 'home' | 'users' | 'audit' | 'queue' | 'spot-checks' | 'case';
const screens: readonly Screen[] = ['users', 'audit', 'queue', 'spot-checks'];
const screenOf = (hash: string): Screen => {
  if (hash.startsWith('#/cases/')) return 'case';
  const named = screens.find((s) => hash === `#/${s}`);
  return named ?? 'home';
};
const caseOf = (hash: string): string =>
  hash.startsWith('#/cases/') ? decodeURIComponent(hash.slice('#/cases/'.length)) : '';

/** The signed-in console: its bar, the screens the role may open, idle sign-out. */
export function Shell(props: {
  session: SignedIn;
  onSignedOut: (notice: ConsoleMessageKey | null) => void;
}) {
  const { t } = useI18n();
  const { user, idleMinutes } = props.session;
  const [screen, setScreen] = useState<Screen>(() => screenOf(window.location.hash));
  const [caseId, setCaseId] = useState(() => caseOf(window.location.hash));
  useEffect(() => {
    const follow = () => {
      setScreen(screenOf(window.location.hash));
      setCaseId(caseOf(window.location.hash));
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const { onSignedOut } = props;
  const leave = useCallback(
    (notice: ConsoleMessageKey | null) => {
      signOut().then(
        () => onSignedOut(notice),
        () => onSignedOut(notice),
      );
    },
    [onSignedOut],
  );
  useIdleSignOut(idleMinutes, () => leave('login.idle'));
  /** A refusal that says the session is over sends the page back to sign-in. */
  const onError = useCallback(
    (error: unknown) => {
      if (error instanceof ConsoleApiError && error.status === 401)
        onSignedOut('console.signed_out');
    },
    [onSignedOut],
  );
  const admin = user.role === 'admin';
  const mayDecide = user.role !== 'viewer';
  const open = (id: string) => {
    window.location.hash = `#/cases/${encodeURIComponent(id)}`;
  };
  const go = (next: Screen) => {
    window.location.hash = next === 'home' ? '' : `#/${next}`;
    setScreen(next);
  };
  return (
    <Box>
      <AppBar position="static">
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="h1" sx={{ flexGrow: 1 }}>
            {t('app.title')}
          </Typography>
          <Typography>
            {user.displayName}（{t(`role.${user.role}`)}）
          </Typography>
          <LanguageButton />
          <Button color="inherit" variant="outlined" onClick={() => leave('login.signedOut')}>
            {t('shell.logout')}
          </Button>
        </Toolbar>
      </AppBar>
      <Tabs
        value={
          screen === 'case'
            ? 'queue'
            : !admin && (screen === 'users' || screen === 'audit')
              ? 'home'
              : screen
        }
        onChange={(_e, next: Screen) => go(next)}
        sx={{ px: 2, borderBottom: 1, borderColor: 'divider' }}
      >
        <Tab value="home" label={t('nav.home')} />
        <Tab value="queue" label={t('nav.queue')} />
        <Tab value="spot-checks" label={t('nav.spotChecks')} />
        {admin && <Tab value="users" label={t('nav.users')} />}
        {admin && <Tab value="audit" label={t('nav.audit')} />}
      </Tabs>
      <Container maxWidth="lg" sx={{ py: 3 }}>
        {admin && screen === 'users' ? (
          <UsersScreen me={user} onError={onError} />
        ) : admin && screen === 'audit' ? (
          <AuditScreen onError={onError} />
        ) : screen === 'queue' ? (
          <QueueScreen mayDecide={mayDecide} onError={onError} onOpen={open} />
        ) : screen === 'case' && caseId ? (
          <CaseFileScreen
            key={caseId}
            caseId={caseId}
            mayDecide={mayDecide}
            onError={onError}
            onBack={() => go('queue')}
          />
        ) : screen === 'spot-checks' ? (
          <SpotCheckScreen mayDecide={mayDecide} onError={onError} onOpen={open} />
        ) : (
          <HomeScreen session={props.session} />
        )}
      </Container>
    </Box>
  );
}
