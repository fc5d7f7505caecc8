import { useCallback, useEffect, useState } from 'react';
import { AppBar, Box, Button, Container, Tab, Tabs, Toolbar, Typography } from '@mui/material';
import { ConsoleApiError, signOut, type SignedIn } from '../api';
import { useI18n } from '../i18n/i18n';
import type { ConsoleMessageKey } from '../i18n/zh-CN';
import { useIdleSignOut } from '../useIdleSignOut';
import { LanguageButton } from './LanguageButton';
import { consoleScreens, homeScreen, navGroups, type ConsoleScreen } from './consoleScreens';

interface Address {
  screen: string;
  param: string;
}
/** `#/cases/<id>` → { screen: 'cases', param: id }; an unknown address is the home screen. */
const addressOf = (hash: string): Address => {
  const path = hash.startsWith('#/') ? hash.slice(2) : '';
  const slash = path.indexOf('/');
  const screen = slash < 0 ? path : path.slice(0, slash);
  const param = slash < 0 ? '' : decodeURIComponent(path.slice(slash + 1));
  return consoleScreens.some((s) => s.id === screen)
    ? { screen, param }
    : { screen: '', param: '' };
};

/** The signed-in console: its bar, the screens the role may open, idle sign-out. */
export function Shell(props: {
  session: SignedIn;
  onSignedOut: (notice: ConsoleMessageKey | null) => void;
}) {
  const { t } = useI18n();
  const { user, idleMinutes } = props.session;
  const [address, setAddress] = useState<Address>(() => addressOf(window.location.hash));
  useEffect(() => {
    const follow = () => setAddress(addressOf(window.location.hash));
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
  const go = useCallback((screen: string, param?: string) => {
    const next = { screen, param: param ?? '' };
    window.location.hash =
      screen === '' ? '' : `#/${screen}${param ? `/${encodeURIComponent(param)}` : ''}`;
    setAddress(next);
  }, []);
  const allowed = (s: ConsoleScreen) => admin || !s.adminOnly;
  const current = consoleScreens.find((s) => s.id === address.screen && allowed(s));
  const shown = current ?? homeScreen;
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
      <Box sx={{ display: 'flex', alignItems: 'flex-start' }}>
        <Box
          component="nav"
          aria-label={t('nav.label')}
          sx={{ width: 184, flexShrink: 0, borderRight: 1, borderColor: 'divider', py: 1 }}
        >
          {navGroups.map((group) => {
            const tabs = consoleScreens.filter(
              (s) => s.group === group.id && s.label && allowed(s),
            );
            if (tabs.length === 0) return null;
            const here = tabs.some((s) => s.id === (shown.tab ?? shown.id));
            return (
              <Box key={group.id} sx={{ mb: 1 }}>
                <Typography
                  variant="overline"
                  component="h2"
                  color="text.secondary"
                  sx={{ px: 2, pt: 1, display: 'block', lineHeight: 1.6 }}
                >
                  {t(group.label)}
                </Typography>
                <Tabs
                  orientation="vertical"
                  aria-label={t(group.label)}
                  value={here ? (shown.tab ?? shown.id) : false}
                  onChange={(_e, next: string) => go(next)}
                  sx={{
                    '& .MuiTab-root': {
                      alignItems: 'flex-start',
                      textAlign: 'left',
                      textTransform: 'none',
                      fontSize: '0.95rem',
                      minHeight: 40,
                      py: 1,
                    },
                  }}
                >
                  {tabs.map((s) => (
                    <Tab key={s.id} value={s.id} label={s.label ? t(s.label) : ''} />
                  ))}
                </Tabs>
              </Box>
            );
          })}
        </Box>
        <Container maxWidth="lg" sx={{ py: 3, minWidth: 0 }}>
          {shown.render({
            session: props.session,
            mayDecide: user.role !== 'viewer',
            admin,
            param: current ? address.param : '',
            onError,
            go,
          })}
        </Container>
      </Box>
    </Box>
  );
}
